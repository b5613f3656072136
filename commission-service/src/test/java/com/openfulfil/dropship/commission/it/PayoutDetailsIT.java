package com.openfulfil.dropship.commission.it;

import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.partner.PartnerUpdated;
import com.openfulfil.dropship.events.partner.PayoutDetailsSet;
import com.openfulfil.dropship.events.serde.Json;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.kafka.EventPublisher;
import com.openfulfil.dropship.support.testing.EmbeddedBroker;
import com.openfulfil.dropship.support.testing.TopicReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Partners' payout details: kept encrypted on commission-service's own topic, read back masked, replaced by the partner. */
@ExtendWith(OutputCaptureExtension.class)
class PayoutDetailsIT extends CommissionApiIT {
    private static final String ACCOUNT = "0123456789";

    @Test
    void detailsGivenWhenApplyingAreReadBackMaskedAndAreNowhereInClear(CapturedOutput output) {
        Partner partner = grantedPartner("Hoàng Thị Mai", "mai@example.vn", "Vietcombank " + ACCOUNT);

        Response me = get("/api/v1/partners/me", partner.apiKey());
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().path("status").asString()).isEqualTo("GRANTED");
        assertThat(me.json().path("payoutDetails").path("masked").asString()).isEqualTo("****6789");
        Response admin = get("/api/v1/admin/partners/" + partner.partnerId(), ADMIN_KEY);
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.json().path("payoutDetails").path("masked").asString()).isEqualTo("****6789");
        assertThat(me.body() + admin.body()).doesNotContain(ACCOUNT, "Vietcombank");

        try (TopicReader topics = new TopicReader(EmbeddedBroker.bootstrapServers(), Topics.PARTNERS.name(),
                Topics.PAYOUT_DETAILS.name())) {
            topics.until(WAIT, seen -> topics.valuesOf(PayoutDetailsSet.class).stream()
                    .anyMatch(d -> d.partnerId().equals(partner.partnerId()))
                    && topics.valuesOf(PartnerUpdated.class).stream().anyMatch(p -> p.partnerId().equals(partner.partnerId())));
            assertThat(topics.valuesOf(PartnerUpdated.class)).filteredOn(p -> p.partnerId().equals(partner.partnerId()))
                    .allSatisfy(p -> assertThat(Json.mapper().writeValueAsString(p)).doesNotContain(ACCOUNT, "Vietcombank"));
            assertThat(topics.valuesOf(PayoutDetailsSet.class)).filteredOn(d -> d.partnerId().equals(partner.partnerId()))
                    .singleElement().satisfies(d -> assertThat(d.sealed() + new String(
                            Base64.getDecoder().decode(d.sealed()), StandardCharsets.ISO_8859_1))
                            .doesNotContain(ACCOUNT, "6789", "Vietcombank"));
        }
        assertThat(output.getAll()).doesNotContain(ACCOUNT);
    }

    @Test
    void aPartnerReplacesTheirDetailsAndReadsTheNewOnesBackAtOnce(CapturedOutput output) {
        Partner partner = grantedPartner("Đặng Văn Hùng", "hung@example.vn");
        assertThat(absent(get("/api/v1/partners/me", partner.apiKey()).json().path("payoutDetails"))).isTrue();

        Response replaced = put("/api/v1/partners/me/payout-details", partner.apiKey(),
                "{\"payoutDetails\":\"Techcombank 1903 5555 4321 Dang Van Hung\"}");
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.json().path("masked").asString()).isEqualTo("****Hung");
        Response again = put("/api/v1/partners/me/payout-details", partner.apiKey(), "{\"payoutDetails\":\"ACB 98765 4321\"}");
        assertThat(again.json().path("masked").asString()).isEqualTo("****4321");

        assertThat(get("/api/v1/partners/me", partner.apiKey()).json().path("payoutDetails").path("masked").asString())
                .isEqualTo("****4321");
        assertThat(output.getAll()).doesNotContain("1903 5555", "98765");
    }

    @Test
    void applyingAgainNeverReplacesPayoutDetailsOnFile() {
        String apply = "{\"name\":\"Lý Thị Hoa\",\"email\":\"hoa@example.vn\",\"payoutDetails\":\"%s\"}";
        Response first = post("/api/v1/partners/apply", null, apply.formatted("Agribank 5500 1111 2222"));
        Response retried = post("/api/v1/partners/apply", null, apply.formatted("Agribank 5500 1111 2222"));
        Response someoneElse = post("/api/v1/partners/apply", null, apply.formatted("Other Bank 9999 0000 6666"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(retried.status()).as("the same application again").isEqualTo(201);
        assertThat(someoneElse.status()).as(someoneElse.body()).isEqualTo(409);
        assertThat(someoneElse.json().path("errors").get(0).path("field").asString()).isEqualTo("payoutDetails");
        String partnerId = first.json().path("partnerId").asString();
        assertThat(get("/api/v1/admin/partners/" + partnerId, ADMIN_KEY).json().path("payoutDetails").path("masked")
                .asString()).isEqualTo("****2222");
    }

    @Test
    void badDetailsAndWrongCallersAreRefusedNamingTheField(CapturedOutput output) {
        Partner partner = grantedPartner("Bùi Thanh Tùng", "tung@example.vn");
        String tooLong = "ACB 4455 " + "7".repeat(492);

        assertThat(fields(put("/api/v1/partners/me/payout-details", partner.apiKey(), "{\"payoutDetails\":\"  \"}")))
                .isEqualTo("payoutDetails");
        assertThat(fields(put("/api/v1/partners/me/payout-details", partner.apiKey(), "{\"payoutDetails\":\"" + tooLong + "\"}")))
                .isEqualTo("payoutDetails");
        assertThat(fields(post("/api/v1/partners/apply", null,
                "{\"name\":\"Tùng\",\"email\":\"tung2@example.vn\",\"payoutDetails\":\"" + tooLong + "\"}")))
                .isEqualTo("payoutDetails");

        String body = "{\"payoutDetails\":\"ACB 98765 4321\"}";
        assertThat(put("/api/v1/partners/me/payout-details", null, body).status()).isEqualTo(401);
        assertThat(put("/api/v1/partners/me/payout-details", ADMIN_KEY, body).status()).isEqualTo(401);
        assertThat(get("/api/v1/partners/me", null).status()).isEqualTo(401);
        assertThat(get("/api/v1/admin/partners/" + partner.partnerId(), partner.apiKey()).status()).isEqualTo(403);
        assertThat(get("/api/v1/admin/partners/partner-nobody", ADMIN_KEY).status()).isEqualTo(404);
        assertThat(output.getAll()).as("refused details are not logged either").doesNotContain("ACB 4455", "98765");
    }

    @Test
    void aBatchPaysToTheMaskedDestinationAndHoldsAPartnerWithoutOne() {
        Partner paid = grantedPartner("Trịnh Văn Long", "long@example.vn", "BIDV 2211 0000 7788");
        Partner unpaid = grantedPartner("Mai Anh Thư", "thu@example.vn");
        try (EventPublisher publisher = publisher()) {
            publisher.publishAndWait(Topics.ORDERS_LIFECYCLE, "ord-dest-1", transition("ord-dest-1", paid,
                    OrderStatus.DELIVERED, OrderStatus.COMPLETED, "USD", "12.50", "20.00", null));
            publisher.publishAndWait(Topics.ORDERS_LIFECYCLE, "ord-dest-2", transition("ord-dest-2", unpaid,
                    OrderStatus.DELIVERED, OrderStatus.COMPLETED, "USD", "12.50", "20.00", null));
        }
        await().atMost(WAIT).until(() -> get("/api/v1/orders/ord-dest-1/commission", ADMIN_KEY).status() == 200
                && get("/api/v1/orders/ord-dest-2/commission", ADMIN_KEY).status() == 200);

        Response batch = post("/api/v1/admin/payouts", ADMIN_KEY, "", "batch-destinations");
        assertThat(batch.status()).as(batch.body()).isEqualTo(202);
        assertThat(line(batch.json().path("payouts"), paid.partnerId()).path("payoutDestination").asString())
                .isEqualTo("****7788");
        assertThat(line(batch.json().path("payouts"), unpaid.partnerId()).isMissingNode()).isTrue();
        JsonNode held = line(batch.json().path("held"), unpaid.partnerId());
        assertThat(held.path("amount").asString()).isEqualTo("12.62");
        assertThat(absent(held.path("payoutDestination"))).isTrue();

        await().atMost(WAIT).until(() -> get("/api/v1/orders/ord-dest-1/commission", paid.apiKey())
                .json().path("state").asString().equals("PAID"));
        assertThat(get("/api/v1/orders/ord-dest-2/commission", unpaid.apiKey()).json().path("state").asString())
                .isEqualTo("AVAILABLE");
    }

    private static JsonNode line(JsonNode lines, String partnerId) {
        return lines.valueStream().filter(l -> l.path("partnerId").asString().equals(partnerId)).findFirst()
                .orElse(Json.mapper().missingNode());
    }

    /** Left out of the JSON or null: either way, not there. */
    private static boolean absent(JsonNode node) {
        return node.isMissingNode() || node.isNull();
    }

    private static String fields(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        return String.join(",", response.json().path("errors").valueStream().map(e -> e.path("field").asString()).toList());
    }
}
