package com.openfulfil.dropship.tracking.domain.notification;

import com.openfulfil.dropship.events.model.NotificationKind;
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
    @CsvSource({"vi-VN, Xin chào", "zh-Hans-CN, 您好", "fr-CA, Bonjour", "en-GB, Hello", "de-DE, Hello", "'', Hello"})
    void theCustomersLocalePicksTheLanguageAndAnyOtherGetsEnglish(String locale, String greeting) {
        assertThat(templates.render(request(NotificationKind.ORDER_DELIVERED, locale)).text()).contains(greeting);
    }

    @ParameterizedTest
    @EnumSource(NotificationKind.class)
    void theFrenchApostrophesSurviveTheTemplates(NotificationKind kind) {
        assertThat(templates.render(request(kind, "fr")).text()).doesNotContain("''");
    }
}
