package com.openfulfil.dropship.commission.it;

import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.order.PendingRefundFailed;
import com.openfulfil.dropship.events.partner.CommissionPaidOut;
import com.openfulfil.dropship.events.partner.CommissionRestored;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.kafka.EventPublisher;
import com.openfulfil.dropship.support.testing.EmbeddedBroker;
import com.openfulfil.dropship.support.testing.TopicReader;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The partner's own views, BOLA, clawback, payout batches and the admin's balances, over HTTP on a real broker. */
class PartnerProgrammeIT extends CommissionApiIT {

    @Test
    void aPartnerSeesOnlyTheirOwnCommissionAndNeverAnotherPartnersOrders() {
        Partner owner = grantedPartner("Phạm Thu Hà", "ha@example.vn");
        Partner other = grantedPartner("Lê Quốc Bảo", "bao@example.vn");
        List<String> foreign = IntStream.range(0, 1000).mapToObj(i -> "ord-bola-" + i).toList();
        try (EventPublisher publisher = publisher()) {
            List<CompletableFuture<?>> writes = new ArrayList<>();
            foreign.forEach(id -> writes.add(publisher.publish(Topics.ORDERS_LIFECYCLE, id, transition(id,
                    owner, OrderStatus.DELIVERED, OrderStatus.COMPLETED, "VND", "250000", "260000", null))));
            writes.add(publisher.publish(Topics.ORDERS_LIFECYCLE, "ord-bola-own", transition("ord-bola-own",
                    other, OrderStatus.DELIVERED, OrderStatus.COMPLETED, "USD", "12.50", "15.00", null)));
            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
        }
        await().atMost(WAIT).until(() -> get("/api/v1/partners/me/commissions?size=1", owner.apiKey()),
                r -> r.status() == 200 && r.json().path("totalItems").asInt() == 1000);

        assertThat(foreign).allSatisfy(id ->
                assertThat(get("/api/v1/orders/" + id + "/commission", other.apiKey()).status()).as(id).isEqualTo(404));
        assertThat(get("/api/v1/orders/ord-bola-1/commission", owner.apiKey()).status()).isEqualTo(200);

        Response mine = await().atMost(WAIT).until(() -> get("/api/v1/partners/me/commissions", other.apiKey()),
                r -> r.json().path("totalItems").asInt() == 1);
        assertThat(mine.json().path("partnerName").asString()).isEqualTo("Lê Quốc Bảo");
        assertThat(mine.json().path("items").get(0).path("orderId").asString()).isEqualTo("ord-bola-own");
        assertThat(mine.json().path("items").get(0).path("amountReceived").asString()).isEqualTo("4.07");

        Response page = get("/api/v1/partners/me/commissions?page=3&size=300", owner.apiKey());
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.json().path("errors").valueStream().map(e -> e.path("field").asString()))
                .containsExactly("size");
        Response last = get("/api/v1/partners/me/commissions?page=9&size=100", owner.apiKey());
        assertThat(last.json().path("items").size()).isEqualTo(100);
        assertThat(last.json().path("balances").get(0).path("currency").asString()).isEqualTo("VND");
    }

    @Test
    void callersWithoutAGrantedPartnerKeyAreTurnedAway() {
        Partner revoked = grantedPartner("Đỗ Minh Tâm", "tam@example.vn");
        post("/api/v1/admin/partners/" + revoked.partnerId() + "/revoke", ADMIN_KEY, "");

        assertThat(get("/api/v1/partners/me/commissions", revoked.apiKey()).status()).isEqualTo(403);
        assertThat(get("/api/v1/partners/me/commissions", null).status()).isEqualTo(401);
        assertThat(get("/api/v1/partners/me/commissions", "pk_partner-lan_wrong").status()).isEqualTo(401);
        assertThat(get("/api/v1/partners/me/commissions", ADMIN_KEY).status()).isEqualTo(401);
        assertThat(get("/api/v1/admin/partner-balances", DEMO_PARTNER_KEY).status()).isEqualTo(403);
        assertThat(post("/api/v1/admin/payouts", DEMO_PARTNER_KEY, "", "batch-x").status()).isEqualTo(403);
    }

    @Test
    void aRefundClawsBackAndABatchSentTwicePaysOnce() {
        Partner partner = grantedPartner("Vũ Hoài An", "an@example.vn", "Sacombank 0601 2345 6789");
        String p = partner.partnerId();
        try (EventPublisher publisher = publisher()) {
            // gross 2 × 7.50 = 15.00; PIT 1.50; platform 0.05 × 13.50 + 0.20 = 0.88; total 12.62
            publisher.publishAndWait(Topics.ORDERS_LIFECYCLE, "ord-pay-1", transition("ord-pay-1", partner,
                    OrderStatus.DELIVERED, OrderStatus.COMPLETED, "USD", "12.50", "20.00", null));
            publisher.publishAndWait(Topics.ORDERS_LIFECYCLE, "ord-pay-2", transition("ord-pay-2", partner,
                    OrderStatus.DELIVERED, OrderStatus.COMPLETED, "USD", "12.50", "20.00", null));
            // customer paid 40.00, got 10.00 back: 12.62 × 10 / 40 = 3.155 → 3.16 clawed back
            publisher.publishAndWait(Topics.ORDERS_LIFECYCLE, "ord-pay-2", transition("ord-pay-2", partner,
                    OrderStatus.RETURNED, OrderStatus.REFUNDED, "USD", "12.50", "20.00", new BigDecimal("10.00")));
        }
        Response refunded = await().atMost(WAIT).until(() -> get("/api/v1/orders/ord-pay-2/commission", partner.apiKey()),
                r -> r.status() == 200 && !r.json().path("reversed").asString().equals("0.00"));
        assertThat(refunded.json().path("total").asString()).isEqualTo("12.62");
        assertThat(refunded.json().path("reversed").asString()).isEqualTo("3.16");
        assertThat(refunded.json().path("amountReceived").asString()).isEqualTo("9.46");
        await().atMost(WAIT).until(() -> get("/api/v1/partners/me/commissions", partner.apiKey())
                .json().path("totalItems").asInt() == 2);

        Response first = post("/api/v1/admin/payouts", ADMIN_KEY, "", "batch-it-1");
        Response again = post("/api/v1/admin/payouts", ADMIN_KEY, "{\"batchId\":\"batch-it-1\"}");
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());
        var line = first.json().path("payouts").valueStream()
                .filter(l -> l.path("partnerId").asString().equals(p)).findFirst().orElseThrow();
        assertThat(line.path("amount").asString()).isEqualTo("22.08");
        assertThat(line.path("payoutDestination").asString()).isEqualTo("****6789");
        assertThat(first.json().path("payouts").valueStream().map(l -> l.path("partnerId").asString()))
                .as("the demo partner's 4.07 is below the 5.00 minimum").doesNotContain("partner-lan");

        try (TopicReader ledger = new TopicReader(EmbeddedBroker.bootstrapServers(), Topics.COMMISSIONS_LEDGER.name())) {
            ledger.until(WAIT, seen -> paidTo(ledger, p).size() >= 2);
            assertThat(paidTo(ledger, p)).extracting(CommissionPaidOut::orderId, CommissionPaidOut::amount)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("ord-pay-1", new BigDecimal("12.62")),
                            org.assertj.core.groups.Tuple.tuple("ord-pay-2", new BigDecimal("9.46")));
        }
        Response view = await().atMost(WAIT).until(() -> get("/api/v1/partners/me/commissions", partner.apiKey()),
                r -> r.json().path("items").valueStream().allMatch(i -> i.path("state").asString().equals("PAID")));
        assertThat(view.json().path("balances").get(0).path("paid").asString()).isEqualTo("22.08");
        assertThat(view.json().path("balances").get(0).path("available").asString()).isEqualTo("0.00");

        Response balances = get("/api/v1/admin/partner-balances", ADMIN_KEY);
        assertThat(balances.json().valueStream().filter(b -> b.path("partnerId").asString().equals(p)))
                .singleElement().satisfies(b -> assertThat(b.path("reversed").asString()).isEqualTo("3.16"));
        Response csv = get("/api/v1/admin/partner-balances.csv", ADMIN_KEY);
        assertThat(csv.body()).startsWith("partner_id,partner_name,currency,orders,pending,available,paid,reversed\r\n")
                .contains(p + ",Vũ Hoài An,USD,2,0.00,0.00,22.08,3.16\r\n");
    }

    /**
     * A refund the payment provider answered pending is clawed back at once; when it fails, the order says so on
     * orders.lifecycle and the partner's commission and balance are whole again, once.
     */
    @Test
    void aPendingRefundThatFailsGivesTheClawbackBack() {
        Partner partner = grantedPartner("Đỗ Minh Khang", "khang@example.vn", "Techcombank 1903 5566 7788");
        String p = partner.partnerId();
        OrderStatusChanged refunded = transition("ord-pend-1", partner, OrderStatus.RETURNED, OrderStatus.REFUNDED,
                "USD", "12.50", "20.00", new BigDecimal("10.00"));
        PendingRefundFailed failed = new PendingRefundFailed("evt-ord-pend-1-failed", Instant.now(), "ord-pend-1",
                "rf_bank", new BigDecimal("10.00"), "USD", "insufficient_funds", refunded.source());
        try (EventPublisher publisher = publisher()) {
            publisher.publishAndWait(Topics.ORDERS_LIFECYCLE, "ord-pend-1", transition("ord-pend-1", partner,
                    OrderStatus.DELIVERED, OrderStatus.COMPLETED, "USD", "12.50", "20.00", null));
            // customer paid 40.00, 10.00 refunded while pending: 12.62 × 10 / 40 = 3.155 → 3.16 clawed back
            publisher.publishAndWait(Topics.ORDERS_LIFECYCLE, "ord-pend-1", new OrderStatusChanged(refunded.eventId(),
                    refunded.occurredAt(), refunded.orderId(), refunded.from(), refunded.to(), refunded.reason(),
                    refunded.order(), refunded.refundAmount(), null, refunded.source(), null, "rf_bank"));
            await().atMost(WAIT).until(() -> get("/api/v1/orders/ord-pend-1/commission", partner.apiKey()),
                    r -> r.status() == 200 && r.json().path("reversed").asString().equals("3.16"));

            publisher.publishAndWait(Topics.ORDERS_LIFECYCLE, "ord-pend-1", failed);
            publisher.publishAndWait(Topics.ORDERS_LIFECYCLE, "ord-pend-1", failed);
        }

        try (TopicReader ledger = new TopicReader(EmbeddedBroker.bootstrapServers(), Topics.COMMISSIONS_LEDGER.name())) {
            ledger.until(WAIT, seen -> restoredFor(ledger, "ord-pend-1").size() >= 1);
            Response view = get("/api/v1/orders/ord-pend-1/commission", partner.apiKey());
            assertThat(view.json().path("reversed").asString()).isEqualTo("0.00");
            assertThat(view.json().path("amountReceived").asString()).isEqualTo("12.62");
            assertThat(restoredFor(ledger, "ord-pend-1")).as("given back once, whatever is replayed").singleElement()
                    .satisfies(r -> {
                        assertThat(r.partnerId()).isEqualTo(p);
                        assertThat(r.refundId()).isEqualTo("rf_bank");
                        assertThat(r.amount()).isEqualByComparingTo("3.16");
                        assertThat(r.remaining()).isEqualByComparingTo("12.62");
                    });
        }
        Response balances = get("/api/v1/admin/partner-balances", ADMIN_KEY);
        assertThat(balances.json().valueStream().filter(b -> b.path("partnerId").asString().equals(p)))
                .singleElement().satisfies(b -> assertThat(b.path("reversed").asString()).isEqualTo("0.00"));
    }

    private static List<CommissionRestored> restoredFor(TopicReader ledger, String orderId) {
        return ledger.valuesOf(CommissionRestored.class).stream().filter(r -> r.orderId().equals(orderId)).toList();
    }

    @Test
    void aPayoutWithoutABatchIdNamesTheField() {
        Response bad = post("/api/v1/admin/payouts", ADMIN_KEY, "{}");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").get(0).path("field").asString()).isEqualTo("batchId");
    }

    private static List<CommissionPaidOut> paidTo(TopicReader ledger, String partnerId) {
        return ledger.valuesOf(CommissionPaidOut.class).stream().filter(e -> e.partnerId().equals(partnerId)).toList();
    }
}
