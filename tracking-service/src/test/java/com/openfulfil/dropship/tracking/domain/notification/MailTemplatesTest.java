package com.openfulfil.dropship.tracking.domain.notification;

import com.openfulfil.dropship.events.model.NotificationKind;
import com.openfulfil.dropship.events.model.ParcelItem;
import com.openfulfil.dropship.events.model.ReturnInstructions;
import com.openfulfil.dropship.events.model.ReturnPayer;
import com.openfulfil.dropship.events.notification.NotificationRequested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class MailTemplatesTest {
    private final MailTemplates templates = new MailTemplates("https://shop.example.com/track");

    private static NotificationRequested request(NotificationKind kind, String locale) {
        boolean parcel = kind == NotificationKind.PARCEL_SHIPPED || kind == NotificationKind.PARCEL_DELAYED;
        return new NotificationRequested("n-1", Instant.parse("2026-11-02T09:00:00Z"), "ord-7", "SHOP-7", "n-1", kind, locale,
                "Lê Thu Hà", "ha@example.vn", parcel ? "SF" : null, parcel ? "SF1234567890" : null, parcel ? null : 12);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh", "vi", "fr"})
    void everyMessageExistsInEveryLanguageWithItsDetailsFilledIn(String locale) {
        for (NotificationKind kind : NotificationKind.values()) {
            Mail mail = templates.render(request(kind, locale));
            assertThat(mail.language()).isEqualTo(locale);
            assertThat(mail.subject() + mail.text()).as(kind + " " + locale).doesNotContain("{", "}")
                    .contains("Lê Thu Hà");
            assertThat(mail.to()).isEqualTo("ha@example.vn");
            assertThat(mail.notificationId()).isEqualTo("n-1");
        }
        assertThat(templates.render(request(NotificationKind.ORDER_CONFIRMED, locale)).text()).contains("SHOP-7", "12")
                .doesNotContain("ord-7");
        assertThat(templates.render(request(NotificationKind.PARCEL_SHIPPED, locale)).text())
                .contains("SF1234567890", "https://shop.example.com/track/SF1234567890");
    }

    @ParameterizedTest
    @CsvSource({"en, In this parcel: 2 × Ceramic mug 350 ml, 1 × LAMP-010", "zh, 包裹内物品：2 × Ceramic mug 350 ml",
            "vi, Trong kiện hàng: 2 × Ceramic mug 350 ml", "fr, Dans ce colis : 2 × Ceramic mug 350 ml"})
    void aShippingNoticeSaysWhatIsInTheParcelWhenItsShipmentSaid(String locale, String contents) {
        NotificationRequested plain = request(NotificationKind.PARCEL_SHIPPED, locale);
        NotificationRequested withContents = new NotificationRequested(plain.eventId(), plain.occurredAt(),
                plain.orderId(), plain.orderReference(), plain.notificationId(), plain.kind(), locale,
                plain.customerName(), plain.email(), plain.carrier(), plain.trackingNumber(), null, null, null,
                java.util.List.of(new ParcelItem(1, "MUG-001", 2, "Ceramic mug 350 ml"), new ParcelItem(2, "LAMP-010", 1)),
                null, null);

        assertThat(templates.render(withContents).text()).contains(contents, "SF1234567890");
        assertThat(templates.render(plain).text()).as("a parcel that does not say what it holds")
                .doesNotContain("Ceramic", "×");
    }

    @ParameterizedTest
    @CsvSource({"en, 3 of the 5 items of your order SHOP-7 have been delivered",
            "zh, 您的订单 SHOP-7 共 5 件商品，其中 3 件已送达", "vi, 3 trên 5 sản phẩm của đơn hàng SHOP-7 đã được giao",
            "fr, 3 des 5 articles de votre commande SHOP-7 ont été livrés"})
    void aPartialDeliveryNoticeSaysHowManyItemsHaveArrived(String locale, String says) {
        NotificationRequested partly = new NotificationRequested("n-4", Instant.parse("2026-11-02T09:00:00Z"), "ord-7",
                "SHOP-7", "n-4", NotificationKind.ORDER_PARTIALLY_DELIVERED, locale, "Lê Thu Hà", "ha@example.vn",
                null, null, null, null, null, null, 3, 5);

        assertThat(templates.render(partly).text()).contains(says);
        assertThat(templates.text(partly, "+84901234567").body()).contains("3", "5", "SHOP-7");
    }

    @ParameterizedTest
    @CsvSource({"vi-VN, Xin chào", "zh-Hans-CN, 您好", "fr-CA, Bonjour", "en-GB, Hello", "de-DE, Hello", "'', Hello"})
    void theCustomersLocalePicksTheLanguageAndAnyOtherGetsEnglish(String locale, String greeting) {
        assertThat(templates.render(request(NotificationKind.ORDER_DELIVERED, locale)).text()).contains(greeting);
    }

    @ParameterizedTest
    @EnumSource(NotificationKind.class)
    void theFrenchApostrophesSurviveTheTemplates(NotificationKind kind) {
        assertThat(templates.render(request(kind, "fr")).text()).doesNotContain("''");
    }

    @org.junit.jupiter.api.Test
    void theHtmlPartCarriesTheStoresNameAndLogoTheLinkAndEscapesWhatTheOrderSays() {
        MailTemplates branded = new MailTemplates("https://shop.example.com/track", new Branding("Dropship",
                java.util.Map.of("demo-shop", new Branding.Store("Hà's <Shop>", "https://cdn.example.com/logo.png"),
                        "sly-shop", new Branding.Store("Sly", "javascript:alert(1)"))));
        NotificationRequested shipped = new NotificationRequested("n-2", Instant.parse("2026-11-02T09:00:00Z"), "ord-7",
                "SHOP-7", "n-2", NotificationKind.PARCEL_SHIPPED, "en", "<script>alert(1)</script>", "ha@example.vn",
                "SF", "SF1234567890", null, "demo-shop", "+84901234567");

        Mail mail = branded.render(shipped);

        assertThat(mail.html()).contains("Hà&#39;s &lt;Shop&gt;", "<img src=\"https://cdn.example.com/logo.png\"",
                        "<a href=\"https://shop.example.com/track/SF1234567890\"", "&lt;script&gt;alert(1)&lt;/script&gt;",
                        "<html lang=\"en\">")
                .doesNotContain("<script>");
        assertThat(mail.text()).endsWith("-- \nHà's <Shop>").contains("https://shop.example.com/track/SF1234567890");
        assertThat(branded.render(new NotificationRequested("n-3", Instant.parse("2026-11-02T09:00:00Z"), "ord-8",
                "SHOP-8", "n-3", NotificationKind.ORDER_DELIVERED, "en", "An", "an@example.vn", null, null, null,
                "sly-shop", null)).html()).as("only a web address becomes an image").doesNotContain("<img", "javascript:");
        assertThat(branded.render(request(NotificationKind.ORDER_DELIVERED, "en")).html())
                .as("an order of no configured store").contains(">Dropship<");
    }

    @ParameterizedTest
    @CsvSource({"en, The return postage is yours to pay., return address follows in a separate message",
            "zh, 退货运费由您承担。, 供应商的退货地址将另行通知",
            "vi, Bạn chịu phí gửi trả hàng., địa chỉ nhận hàng trả của nhà cung cấp sẽ được gửi",
            "fr, Les frais de retour sont à votre charge., adresse de retour du fournisseur suit"})
    void aReturnWithoutAnAddressOnFileSaysItFollowsAndWhoPays(String locale, String payer, String toFollow) {
        NotificationRequested plain = request(NotificationKind.RETURN_AUTHORISED, locale);
        NotificationRequested authorised = new NotificationRequested(plain.eventId(), plain.occurredAt(),
                plain.orderId(), plain.orderReference(), plain.notificationId(), plain.kind(), locale,
                plain.customerName(), plain.email(), null, null, null, null, null,
                java.util.List.of(new ParcelItem(1, "MUG-001", 2, "Ceramic mug 350 ml")), null, null,
                new ReturnInstructions("RMA-0A1B2C3D4E", "Hanoi Crafts", null, ReturnPayer.CUSTOMER));

        Mail mail = templates.render(authorised);

        assertThat(mail.subject()).contains("SHOP-7", "RMA-0A1B2C3D4E");
        assertThat(mail.text()).contains("RMA-0A1B2C3D4E", "2 × Ceramic mug 350 ml", payer, toFollow)
                .doesNotContain("{", "}", "''");
        assertThat(mail.html()).contains("RMA-0A1B2C3D4E");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh", "vi", "fr"})
    void everyStepHasATextMessageInEveryLanguageThatNamesTheStore(String locale) {
        MailTemplates branded = new MailTemplates("https://shop.example.com/track", new Branding("Dropship",
                java.util.Map.of("demo-shop", new Branding.Store("Demo Shop", null))));
        for (NotificationKind kind : NotificationKind.values()) {
            NotificationRequested request = request(kind, locale);
            NotificationRequested fromStore = new NotificationRequested(request.eventId(), request.occurredAt(),
                    request.orderId(), request.orderReference(), request.notificationId(), kind, locale,
                    request.customerName(), request.email(), request.carrier(), request.trackingNumber(),
                    request.expectedDays(), "demo-shop", "+84901234567");
            Sms sms = branded.text(fromStore, "+84901234567");
            assertThat(sms.body()).as(kind + " " + locale).startsWith("Demo Shop").doesNotContain("{", "}", "''")
                    .contains("SHOP-7".equals(request.orderReference()) && kind != NotificationKind.PARCEL_DELAYED
                            ? "SHOP-7" : "");
            assertThat(sms.to()).isEqualTo("+84901234567");
            assertThat(sms.notificationId()).isEqualTo("n-1");
        }
    }
}
