package com.openfulfil.dropship.commission.it;

import com.openfulfil.dropship.events.fixtures.OrderFixtures;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.model.PartnerStatus;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.partner.CommissionEarned;
import com.openfulfil.dropship.events.partner.PartnerUpdated;
import com.openfulfil.dropship.events.partner.PayoutDetailsSet;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.security.ApiKeys;
import com.openfulfil.dropship.support.testing.EmbeddedBroker;
import com.openfulfil.dropship.support.testing.TopicReader;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** commission-service on a real broker, demo profile: seeded partner, commission on completion, grant flow. */
class CommissionServiceIT extends CommissionApiIT {

    @Test
    void aCompletedPartnerOrderIsOnTheLedgerAndShownOnTheOrder() {
        String brokers = EmbeddedBroker.bootstrapServers();
        try (TopicReader partners = new TopicReader(brokers, Topics.PARTNERS.name())) {
            partners.until(WAIT, seen -> partners.valuesOf(PartnerUpdated.class).stream()
                    .anyMatch(p -> p.partnerId().equals("partner-lan") && p.isGranted()
                            && DEMO_PARTNER_HASH.equals(p.apiKeyHash())));
        }

        OrderStatusChanged completed = new OrderStatusChanged("evt-it-complete", Instant.now(), "ord-it-1",
                OrderStatus.DELIVERED, OrderStatus.COMPLETED, "receipt confirmed",
                OrderFixtures.anOrder().withOrderId("ord-it-1").withPartner("partner-lan", "Lan (from the order)")
                        .withLine("MUG-001", 2, "12.50", "15.00").details());
        TopicReader.writeRaw(brokers, Topics.ORDERS_LIFECYCLE.name(), "ord-it-1",
                new EventSerde().serialize(Topics.ORDERS_LIFECYCLE.name(), completed));

        try (TopicReader ledger = new TopicReader(brokers, Topics.COMMISSIONS_LEDGER.name())) {
            var records = ledger.until(WAIT, seen -> !ledger.valuesOf(CommissionEarned.class).isEmpty());
            assertThat(records).extracting(r -> r.key()).containsExactly("partner-lan");
            CommissionEarned earned = ledger.valuesOf(CommissionEarned.class).get(0);
            assertThat(earned.orderId()).isEqualTo("ord-it-1");
            assertThat(earned.partnerName()).isEqualTo("Nguyễn Thị Lan");
            assertThat(earned.total()).isEqualByComparingTo("4.07");
        }

        Response view = await().atMost(WAIT).until(() -> get("/api/v1/orders/ord-it-1/commission", DEMO_PARTNER_KEY),
                r -> r.status() == 200);
        assertThat(view.json().path("partnerId").asString()).isEqualTo("partner-lan");
        assertThat(view.json().path("partnerName").asString()).isEqualTo("Nguyễn Thị Lan");
        assertThat(view.json().path("currency").asString()).isEqualTo("USD");
        assertThat(view.json().path("gross").asString()).isEqualTo("5.00");
        assertThat(view.json().path("deductions").get(0).path("code").asString()).isEqualTo("PIT");
        assertThat(view.json().path("deductions").get(0).path("amount").asString()).isEqualTo("0.50");
        assertThat(view.json().path("deductions").get(1).path("amount").asString()).isEqualTo("0.43");
        assertThat(view.json().path("total").asString()).isEqualTo("4.07");
        assertThat(view.json().path("state").asString()).isEqualTo("AVAILABLE");
        assertThat(view.json().path("amountReceived").asString()).isEqualTo("4.07");

        assertThat(get("/api/v1/orders/ord-it-1/commission", ADMIN_KEY).status()).isEqualTo(200);
        // no key, or one that is nobody's, is refused before the order is looked at; another partner gets 404
        assertThat(get("/api/v1/orders/ord-it-1/commission", null).status()).isEqualTo(401);
        assertThat(get("/api/v1/orders/ord-it-1/commission", "pk_partner-lan_wrong").status()).isEqualTo(401);
        assertThat(get("/api/v1/orders/no-such-order/commission", ADMIN_KEY).status()).isEqualTo(404);
    }

    @Test
    void theDemoPartnerHasItsPayoutDetailsOnFileSoTheDemosBatchesPayIt() {
        Response me = await().atMost(WAIT).until(() -> get("/api/v1/partners/me", DEMO_PARTNER_KEY),
                r -> r.status() == 200 && r.json().path("payoutDetails").has("masked"));
        assertThat(me.json().path("payoutDetails").path("masked").asString()).isEqualTo("****4321");
        try (TopicReader details = new TopicReader(EmbeddedBroker.bootstrapServers(), Topics.PAYOUT_DETAILS.name())) {
            details.until(WAIT, seen -> !details.valuesOf(PayoutDetailsSet.class).isEmpty());
            assertThat(details.valuesOf(PayoutDetailsSet.class)).filteredOn(d -> d.partnerId().equals("partner-lan"))
                    .as("sealed, not in clear").isNotEmpty()
                    .allSatisfy(d -> assertThat(d.sealed()).doesNotContain("4321", "Vietcombank"));
        }
    }

    @Test
    void anAdminGrantsAnApplicantAKeyWhoseHashIsOnThePartnersTopic() {
        Response applied = post("/api/v1/partners/apply", null,
                "{\"name\":\"Trần Văn Minh\",\"email\":\"minh@example.vn\",\"phone\":\"+84901234567\","
                        + "\"payoutDetails\":\"Vietcombank 0123456789\"}");
        assertThat(applied.status()).isEqualTo(201);
        assertThat(applied.json().path("status").asString()).isEqualTo("APPLIED");
        String partnerId = applied.json().path("partnerId").asString();
        String grantPath = "/api/v1/admin/partners/" + partnerId + "/grant";

        assertThat(post(grantPath, null, "").status()).isEqualTo(401);
        assertThat(post(grantPath, DEMO_PARTNER_KEY, "").status()).isEqualTo(403);
        assertThat(post("/api/v1/admin/partners/partner-nobody/grant", ADMIN_KEY, "").status()).isEqualTo(404);

        // no waiting between steps: each write is answered once the registry shows it
        Response granted = post(grantPath, ADMIN_KEY, "");
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        assertThat(granted.json().path("status").asString()).isEqualTo("GRANTED");
        String apiKey = granted.json().path("apiKey").asString();
        assertThat(apiKey).startsWith("pk_" + partnerId + "_");

        Response revoked = post("/api/v1/admin/partners/" + partnerId + "/revoke", ADMIN_KEY, "");
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().has("apiKey")).isFalse();

        try (TopicReader partners = new TopicReader(EmbeddedBroker.bootstrapServers(), Topics.PARTNERS.name())) {
            partners.until(WAIT, seen -> partners.valuesOf(PartnerUpdated.class).stream()
                    .anyMatch(p -> p.partnerId().equals(partnerId) && p.status() == PartnerStatus.REVOKED));
            var history = partners.valuesOf(PartnerUpdated.class).stream()
                    .filter(p -> p.partnerId().equals(partnerId)).toList();
            assertThat(history).extracting(PartnerUpdated::status)
                    .containsExactly(PartnerStatus.APPLIED, PartnerStatus.GRANTED, PartnerStatus.REVOKED);
            assertThat(history.get(1).apiKeyHash()).isEqualTo(ApiKeys.sha256Hex(apiKey));
            assertThat(history.get(2).apiKeyHash()).isEqualTo(ApiKeys.sha256Hex(apiKey));
            assertThat(history).allSatisfy(p -> assertThat(p.email()).isEqualTo("minh@example.vn"));
        }
    }

    @Test
    void anApplicationWithBadFieldsNamesEachOne() {
        Response bad = post("/api/v1/partners/apply", null, "{\"name\":\" \",\"email\":\"not-an-email\",\"phone\":\"call me\"}");

        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.json().path("errors").valueStream().map(e -> e.path("field").asString())).as(bad.body())
                .containsExactlyInAnyOrder("name", "email", "phone");
    }
}
