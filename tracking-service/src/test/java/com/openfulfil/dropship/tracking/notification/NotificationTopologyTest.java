package com.openfulfil.dropship.tracking.notification;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.fixtures.OrderFixtures;
import com.openfulfil.dropship.events.model.Customer;
import com.openfulfil.dropship.events.model.LineUnits;
import com.openfulfil.dropship.events.model.ParcelItem;
import com.openfulfil.dropship.events.model.ShippedParcel;
import com.openfulfil.dropship.events.model.NotificationKind;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.model.Priority;
import com.openfulfil.dropship.events.notification.NotificationRequested;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.supplier.ParcelsShipped;
import com.openfulfil.dropship.events.topics.Topics;
import java.math.BigDecimal;
import com.openfulfil.dropship.events.model.ReturnReason;
import com.openfulfil.dropship.events.model.ReturnPayer;
import com.openfulfil.dropship.events.model.Address;
import com.openfulfil.dropship.events.supplier.ReturnAuthorised;
import com.openfulfil.dropship.events.tracking.ParcelDelayed;
import com.openfulfil.dropship.events.tracking.ParcelRegistered;
import com.openfulfil.dropship.support.testing.TopologyHarness;
import com.openfulfil.dropship.tracking.domain.ParcelWatch;
import com.openfulfil.dropship.tracking.domain.WatchRules;
import com.openfulfil.dropship.tracking.domain.notification.ExpectedDays;
import com.openfulfil.dropship.tracking.domain.notification.Notice;
import com.openfulfil.dropship.tracking.domain.notification.MailTemplates;
import com.openfulfil.dropship.tracking.stream.TrackingTopology;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.streams.kstream.KStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The customer messages on TopologyTestDriver: what the stream asks for on notifications.outbound, each
 * once, rendered by the templates and written by the real mailbox mailer into a folder, as the
 * mailroom does (MailroomIT covers its delivery on a broker).
 */
class NotificationTopologyTest {
    private static final String ORDER = "o-1";

    @TempDir
    Path mailbox;
    private TopologyHarness harness;
    private final MailTemplates templates = new MailTemplates("http://localhost:8084/track/");

    private TopologyHarness harness() {
        if (harness == null) {
            harness = TopologyHarness.of(builder -> {
                KStream<String, Event> events = builder.stream(Stream.concat(TrackingTopology.INPUTS.stream(),
                        NotificationTopology.INPUTS.stream()).toList());
                TrackingTopology.wire(events, new ParcelWatch(new WatchRules(Duration.ofDays(5), Duration.ofDays(30), 3)),
                        Duration.ofMinutes(1));
                NotificationTopology.wire(events, new ExpectedDays(10, 4));
            });
        }
        return harness;
    }

    /** Everything asked for so far, as the mailroom would send it. */
    private List<NotificationRequested> sendRequested() {
        MailboxMailer mailer = new MailboxMailer(mailbox, "orders@dropship.example",
                Clock.fixed(Instant.parse("2026-11-02T09:00:00Z"), ZoneOffset.UTC));
        List<NotificationRequested> requested = harness().readValues(Topics.NOTIFICATIONS_OUTBOUND,
                NotificationRequested.class);
        requested.forEach(n -> mailer.send(templates.render(n)));
        return requested;
    }

    @AfterEach
    void close() {
        if (harness != null) {
            harness.close();
        }
    }

    private static OrderStatusChanged status(OrderStatus from, OrderStatus to, String locale) {
        return new OrderStatusChanged("st-" + to, Instant.parse("2026-11-02T09:00:00Z"), ORDER, from, to, "test",
                OrderFixtures.anOrder().withOrderId(ORDER).withStorefront("demo-shop", "SHOP-1")
                        .withPriority(Priority.EXPEDITED)
                        .withCustomer(new Customer("Lan", "lan@example.vn", "+84901234567", locale)).details());
    }

    private static ParcelsShipped shipped(String... trackingNumbers) {
        return new ParcelsShipped("ship-1", Instant.parse("2026-11-02T09:00:00Z"), ORDER, "d-1", "hanoi-crafts",
                "VNPOST", List.of(trackingNumbers));
    }

    /**
     * Pipes the order's whole life into the stream. Only its first transition carries the order (and
     * the customer); the messages of the later ones are addressed from what the stream kept.
     */
    private void orderLife(String locale) {
        harness().pipe(Topics.ORDERS_LIFECYCLE, status(null, OrderStatus.PLACED, locale));
        harness().pipe(Topics.ORDERS_LIFECYCLE, withoutOrder(status(OrderStatus.PLACED, OrderStatus.CONFIRMED, locale)));
        harness().pipe(Topics.FULFILMENT_EVENTS, shipped("VN1", "VN2"));
        harness().pipe(Topics.ORDERS_LIFECYCLE, withoutOrder(status(OrderStatus.IN_TRANSIT, OrderStatus.DELIVERED, locale)));
    }

    private static OrderStatusChanged withoutOrder(OrderStatusChanged changed) {
        return new OrderStatusChanged(changed.eventId(), changed.occurredAt(), changed.orderId(), changed.from(),
                changed.to(), changed.reason(), null, null, null, changed.source());
    }

    private List<MimeMessage> mails() throws Exception {
        Session session = Session.getInstance(new Properties());
        try (Stream<Path> files = Files.list(mailbox)) {
            return files.sorted().map(file -> {
                try (InputStream in = Files.newInputStream(file)) {
                    return new MimeMessage(session, in);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
    }

    private List<String> subjects() throws Exception {
        return mails().stream().map(NotificationTopologyTest::subjectOf).sorted().toList();
    }

    @ParameterizedTest
    @CsvSource({"en, Your order SHOP-1 is confirmed", "zh, 您的订单 SHOP-1 已确认",
            "vi, Đơn hàng SHOP-1 của bạn đã được xác nhận", "fr, Votre commande SHOP-1 est confirmée"})
    void eachMessageIsSentOnceInTheCustomersLanguage(String locale, String confirmation) throws Exception {
        orderLife(locale);

        List<NotificationRequested> requested = sendRequested();
        assertThat(requested).extracting(NotificationRequested::kind).containsOnly(NotificationKind.ORDER_CONFIRMED,
                NotificationKind.PARCEL_SHIPPED, NotificationKind.ORDER_DELIVERED);
        assertThat(requested).extracting(NotificationRequested::notificationId)
                .as("confirmation, one shipping notice per parcel, delivered; each asked for once").hasSize(4)
                .doesNotHaveDuplicates();
        assertThat(mails()).hasSize(4);
        assertThat(subjects()).contains(confirmation);
        for (MimeMessage mail : mails()) {
            assertThat(mail.getHeader("Content-Language")[0]).isEqualTo(locale);
            assertThat(mail.getMessageID()).endsWith("@dropship>");
            assertThat(mail.getAllRecipients()[0].toString()).contains("lan@example.vn");
            assertThat(mail.isMimeType("multipart/alternative")).as("plain text with an HTML alternative").isTrue();
        }
        String shipping = mails().stream().map(this::text).filter(t -> t.contains("VN2")).findFirst().orElseThrow();
        assertThat(shipping).contains("VNPOST", "http://localhost:8084/track/VN2");
        assertThat(mails().stream().map(this::text)).anySatisfy(t -> assertThat(t).contains(" 4 "));
    }

    @ParameterizedTest
    @CsvSource({"REJECTED, ORDER_REJECTED, We could not take your order SHOP-1",
            "CANCELLED, ORDER_CANCELLED, Your order SHOP-1 is cancelled"})
    void anOrderThatEndsUnshippedTellsTheCustomerOnce(OrderStatus end, NotificationKind kind, String subject)
            throws Exception {
        harness().pipe(Topics.ORDERS_LIFECYCLE, status(null, OrderStatus.PLACED, "en"));
        harness().pipe(Topics.ORDERS_LIFECYCLE, withoutOrder(status(OrderStatus.PLACED, end, "en")));

        assertThat(sendRequested()).extracting(NotificationRequested::kind).containsExactly(kind);
        assertThat(subjects()).containsExactly(subject);
    }

    @Test
    void aRefundIsAnnouncedInTheCustomersLanguage() throws Exception {
        orderLife("vi");
        harness().pipe(Topics.ORDERS_LIFECYCLE,
                withoutOrder(status(OrderStatus.RETURNED, OrderStatus.REFUNDED, "vi")));

        assertThat(sendRequested()).extracting(NotificationRequested::kind).contains(NotificationKind.ORDER_REFUNDED);
        assertThat(subjects()).contains("Đơn hàng SHOP-1 của bạn đã được hoàn tiền");
    }

    @Test
    void aReplacementIsAnnouncedInTheCustomersLanguage() throws Exception {
        orderLife("fr");
        harness().pipe(Topics.ORDERS_LIFECYCLE,
                withoutOrder(status(OrderStatus.RETURN_REQUESTED, OrderStatus.RESHIPPED, "fr")));

        assertThat(sendRequested()).extracting(NotificationRequested::kind).contains(NotificationKind.ORDER_RESHIPPED);
        assertThat(subjects()).contains("Votre commande SHOP-1 : un remplacement est en route");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "en | Your return for order SHOP-1: | Write the return number | The supplier pays the return postage",
            "zh | 您的订单 SHOP-1 退货： | 请在包裹上清楚写明退货编号 | 退货运费由供应商承担",
            "vi | Trả hàng cho đơn SHOP-1: | Hãy ghi rõ mã trả hàng | Nhà cung cấp chịu phí gửi trả",
            "fr | Votre retour pour la commande SHOP-1 : | Écrivez lisiblement le numéro de retour | Les frais de retour sont à la charge du fournisseur"})
    void anAuthorisedReturnTellsTheCustomerWhereToSendWhatAndWhoPaysOnce(String locale, String subject, String rmaLine,
                                                                         String payer) throws Exception {
        orderLife(locale);
        harness().pipe(Topics.ORDERS_LIFECYCLE,
                withoutOrder(status(OrderStatus.DELIVERED, OrderStatus.RETURN_REQUESTED, locale)));
        String rmaId = ReturnAuthorised.rmaId(ORDER, "hanoi-crafts");
        ReturnAuthorised authorised = new ReturnAuthorised("ra-1", Instant.parse("2026-11-03T09:00:00Z"), ORDER, "d-1",
                "hanoi-crafts", rmaId, ReturnReason.DAMAGED, List.of(new ParcelItem(1, "MUG-001", 2, "Ceramic mug")),
                "Hanoi Crafts returns", new Address("12 Hang Gai", null, "Hanoi", null, "100000", "VN"),
                ReturnPayer.SUPPLIER, new BigDecimal("6.50"), "USD");
        harness().pipe(Topics.FULFILMENT_EVENTS, authorised);
        harness().pipe(Topics.FULFILMENT_EVENTS, authorised);

        assertThat(sendRequested()).filteredOn(n -> n.kind() == NotificationKind.RETURN_AUTHORISED)
                .as("a replay asks for the same message").extracting(NotificationRequested::notificationId,
                        n -> n.returnInstructions().rmaId(), NotificationRequested::email).containsOnly(
                        tuple(Notice.returnAuthorisedId(ORDER, rmaId), rmaId, "lan@example.vn"));
        MimeMessage mail = assertThat(mails()).filteredOn(m -> subjectOf(m).startsWith(subject)).as("sent once")
                .singleElement().actual();
        assertThat(subjectOf(mail)).endsWith(rmaId);
        assertThat(text(mail).replace("\r\n", "\n")).contains(rmaLine + " " + rmaId, payer, "2 × Ceramic mug",
                "Hanoi Crafts returns\n12 Hang Gai\n100000 Hanoi\nVN");
        assertThat(mail.isMimeType("multipart/alternative")).as("plain text with an HTML alternative").isTrue();
    }

    private static String subjectOf(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A dispatch split in two parcels: each shipping notice says what its parcel holds, the first delivery
     * is a partial-delivery notice counting the items, and the last one the delivery notice.
     */
    @Test
    void aSplitOrderSaysWhatEachParcelHoldsAndThatPartOfItArrived() throws Exception {
        harness().pipe(Topics.ORDERS_LIFECYCLE, status(null, OrderStatus.PLACED, "en"));
        harness().pipe(Topics.FULFILMENT_EVENTS, new ParcelsShipped("ship-1", Instant.parse("2026-11-02T09:00:00Z"),
                ORDER, "d-1", "hanoi-crafts", "VNPOST", List.of("VN1"), List.of(new ShippedParcel("VN1",
                List.of(new ParcelItem(1, "MUG-001", 2, "Ceramic mug 350 ml"))))));
        OrderStatusChanged partly = withoutOrder(status(OrderStatus.PARTIALLY_SHIPPED, OrderStatus.PARTIALLY_DELIVERED, "en"));
        harness().pipe(Topics.ORDERS_LIFECYCLE, new OrderStatusChanged(partly.eventId(), partly.occurredAt(), ORDER,
                partly.from(), partly.to(), partly.reason(), null, null, null, partly.source(),
                List.of(new LineUnits(1, "MUG-001", 2, 2, 2), new LineUnits(2, "LAMP-010", 1, 0, 0))));
        harness().pipe(Topics.FULFILMENT_EVENTS, new ParcelsShipped("ship-2", Instant.parse("2026-11-02T09:00:00Z"),
                ORDER, "d-1", "hanoi-crafts", "VNPOST", List.of("VN2"), List.of(new ShippedParcel("VN2",
                List.of(new ParcelItem(2, "LAMP-010", 1, "LED desk lamp"))))));
        harness().pipe(Topics.ORDERS_LIFECYCLE, withoutOrder(status(OrderStatus.PARTIALLY_DELIVERED,
                OrderStatus.DELIVERED, "en")));

        assertThat(sendRequested()).extracting(NotificationRequested::kind).containsExactly(
                NotificationKind.PARCEL_SHIPPED, NotificationKind.ORDER_PARTIALLY_DELIVERED,
                NotificationKind.PARCEL_SHIPPED, NotificationKind.ORDER_DELIVERED);
        assertThat(subjects()).contains("Part of your order SHOP-1 has been delivered");
        List<String> texts = mails().stream().map(this::text).toList();
        assertThat(texts).anySatisfy(t -> assertThat(t).contains("In this parcel: 2 × Ceramic mug 350 ml", "VN1"));
        assertThat(texts).anySatisfy(t -> assertThat(t).contains("In this parcel: 1 × LED desk lamp", "VN2"));
        assertThat(texts).anySatisfy(t -> assertThat(t).contains("2 of the 3 items of your order SHOP-1 have been delivered"));
    }

    @Test
    void aShipmentReadBeforeTheOrderWaitsForTheCustomer() throws Exception {
        harness().pipe(Topics.FULFILMENT_EVENTS, shipped("VN1"));
        assertThat(harness().read(Topics.NOTIFICATIONS_OUTBOUND)).isEmpty();

        harness().pipe(Topics.ORDERS_LIFECYCLE, status(OrderStatus.PLACED, OrderStatus.CONFIRMED, "vi"));
        assertThat(sendRequested()).extracting(NotificationRequested::kind)
                .containsExactly(NotificationKind.PARCEL_SHIPPED, NotificationKind.ORDER_CONFIRMED);
        assertThat(mails()).hasSize(2);
    }

    @Test
    void aSilentParcelGetsOneDelayNotice() throws Exception {
        harness().pipe(Topics.ORDERS_LIFECYCLE, status(OrderStatus.PLACED, OrderStatus.CONFIRMED, "fr"));
        harness().pipe(Topics.FULFILMENT_EVENTS, shipped("VN1"));
        // supplier-gateway registers the parcel with tracking as it ships
        harness().pipe(Topics.TRACKING_REGISTRATIONS, "VN1", new ParcelRegistered("reg-1", harness().now(), ORDER,
                "d-1", "hanoi-crafts", "VNPOST", "VN1"));
        harness().advance(Duration.ofDays(5).plusMinutes(1));
        harness().advance(Duration.ofDays(2));

        assertThat(sendRequested())
                .filteredOn(n -> n.kind() == NotificationKind.PARCEL_DELAYED).singleElement()
                .satisfies(n -> assertThat(n.trackingNumber()).isEqualTo("VN1"));
        assertThat(subjects()).contains("Votre colis VN1 prend plus de temps que prévu");
    }

    @Test
    void aReturnParcelRunningLateSendsTheCustomerNoDelayNotice() throws Exception {
        harness().pipe(Topics.ORDERS_LIFECYCLE, status(OrderStatus.PLACED, OrderStatus.CONFIRMED, "en"));
        // order-service registers the customer's return parcel under its RMA number
        String rmaId = ReturnAuthorised.rmaId(ORDER, "hanoi-crafts");
        harness().pipe(Topics.TRACKING_REGISTRATIONS, "RT1", new ParcelRegistered("reg-r", harness().now(), ORDER,
                rmaId, "hanoi-crafts", "VNPOST", "RT1"));
        harness().advance(Duration.ofDays(5).plusMinutes(1));
        harness().advance(Duration.ofDays(2));

        assertThat(harness().read(Topics.TRACKING_EVENTS)).extracting(kv -> kv.value)
                .as("ops still hear of it").hasAtLeastOneElementOfType(ParcelDelayed.class);
        assertThat(sendRequested()).extracting(NotificationRequested::kind)
                .doesNotContain(NotificationKind.PARCEL_DELAYED);
    }

    private String text(MimeMessage mail) {
        try {
            return SmtpReceiver.plainText(mail.getContent());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
