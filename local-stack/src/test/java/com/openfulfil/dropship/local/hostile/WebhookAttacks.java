package com.openfulfil.dropship.local.hostile;

import com.openfulfil.dropship.events.Signatures;
import com.openfulfil.dropship.events.serde.Json;
import com.openfulfil.dropship.events.supplier.DispatchAccepted;
import com.openfulfil.dropship.events.supplier.DispatchShipped;
import com.openfulfil.dropship.local.demo.DemoKeys;
import com.openfulfil.dropship.local.hostile.Attack.Category;
import com.openfulfil.dropship.local.hostile.Http.Answer;
import com.openfulfil.dropship.local.sim.Carriers;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.openfulfil.dropship.local.hostile.Attack.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks and supplier updates sent again (a replay of one that was delivered must create nothing
 * twice) or changed after signing (a tampered body with the old signature is refused). Each replay
 * is followed by a fresh, legitimate message on the same key, so when that one shows, the replay
 * before it has been processed too.
 */
final class WebhookAttacks {
    private static final Category C = Category.WEBHOOKS;

    private final Targets t;
    private final InputAttacks inputs;
    private final long shopifyId = 7_000_000L + (long) (Math.random() * 1_000_000);

    WebhookAttacks(Targets targets, InputAttacks inputs) {
        this.t = targets;
        this.inputs = inputs;
    }

    List<Attack> attacks() {
        byte[] delivery = InputAttacks.shopifyOrder(shopifyId);
        byte[] shipped = shipped(Carriers.trackingNumber("COLISSIMO", t.replayDispatch));
        String webhookId = "wh-" + t.run();
        return List.of(
                Attack.of(C, "Shopify: the same delivery again (same X-Shopify-Webhook-Id)", () -> {
                    String orderId = shopifyOrder(inputs.shopify(delivery, Http.JSON, "X-Shopify-Webhook-Id", webhookId));
                    assertThat(shopifyOrder(inputs.shopify(delivery, Http.JSON, "X-Shopify-Webhook-Id", webhookId)))
                            .isEqualTo(orderId);
                    oneOrderStays("#" + shopifyId);
                }),
                Attack.of(C, "Shopify: the same order under a new webhook id", () -> {
                    shopifyOrder(inputs.shopify(delivery, Http.JSON, "X-Shopify-Webhook-Id", webhookId + "-again"));
                    oneOrderStays("#" + shopifyId);
                }),
                Attack.of(C, "Shopify: the delivery with 50 mugs instead of 1, old signature", () -> {
                    byte[] tampered = new String(delivery, StandardCharsets.UTF_8)
                            .replace("\"quantity\":1", "\"quantity\":50").getBytes(StandardCharsets.UTF_8);
                    assertThat(tampered).isNotEqualTo(delivery);
                    refused(inputs.shopify(tampered, Http.JSON, "X-Shopify-Hmac-Sha256",
                            InputAttacks.shopifySignature(delivery)), 401);
                    oneOrderStays("#" + shopifyId);
                }),
                Attack.of(C, "Shopify: a new order signed with another secret, and one not signed", () -> {
                    byte[] other = InputAttacks.shopifyOrder(shopifyId + 1);
                    refused(inputs.shopify(other, Http.JSON, "X-Shopify-Hmac-Sha256",
                            Base64.getEncoder().encodeToString(Signatures.hmacSha256("not-the-secret", other))), 401);
                    refused(Http.send("POST", t.order + "/webhooks/shopify/orders-create", Http.JSON, other,
                            "X-Shopify-Shop-Domain", Targets.SHOP_DOMAIN), 401);
                    assertThat(ordersWithRef("#" + (shopifyId + 1))).isZero();
                }),
                Attack.of(C, "Shopify: the store's signed delivery sent as another shop", () -> refused(inputs.shopify(
                        InputAttacks.shopifyOrder(shopifyId + 2), Http.JSON, "X-Shopify-Shop-Domain",
                        "rival-shop.myshopify.com"), 401)),
                Attack.of(C, "carrier: the same webhook again", () -> {
                    int before = checkpoints();
                    byte[] webhook = checkpoint("hostile-" + t.run() + "-1", "DELIVERED", Targets.SCRIPT);
                    taken(t.carrierWebhook(t.parcelCarrier, DemoKeys.CARRIER_SECRET, webhook));
                    awaitCheckpoints(before + 1);
                    taken(t.carrierWebhook(t.parcelCarrier, DemoKeys.CARRIER_SECRET, webhook));
                    taken(t.carrierWebhook(t.parcelCarrier, DemoKeys.CARRIER_SECRET,
                            checkpoint("hostile-" + t.run() + "-2", "DELIVERED", "Left with a neighbour")));
                    awaitCheckpoints(before + 2);
                    await().during(Targets.SETTLE).atMost(Targets.SETTLE.multipliedBy(5))
                            .until(() -> checkpoints() == before + 2);
                }),
                Attack.of(C, "carrier: a webhook turned into a lost parcel, old signature", () -> {
                    byte[] signedFor = checkpoint("hostile-" + t.run() + "-3", "DELIVERED", "Signed for");
                    byte[] tampered = checkpoint("hostile-" + t.run() + "-3", "LOST", "Signed for");
                    refused(Http.send("POST", t.tracking + "/webhooks/carriers/" + t.parcelCarrier, Http.JSON, tampered,
                            Signatures.HEADER,
                            Signatures.sign(DemoKeys.CARRIER_SECRET, signedFor)), 401);
                    assertThat(parcel().path("status").asString()).isEqualTo("DELIVERED");
                    assertThat(t.status(t.parcelOrder)).isEqualTo("DELIVERED");
                }),
                Attack.of(C, "carrier: a webhook signed with another secret", () -> {
                    int before = checkpoints();
                    refused(t.carrierWebhook(t.parcelCarrier, "not-the-carriers-secret",
                            checkpoint("hostile-" + t.run() + "-4", "EXCEPTION", "Lost")), 401);
                    assertThat(checkpoints()).isEqualTo(before);
                }),
                Attack.of(C, "supplier update: the same Accepted again", () -> {
                    byte[] accepted = Json.mapper().writeValueAsBytes(new DispatchAccepted(UUID.randomUUID().toString(),
                            Instant.now(), t.replayOrder, t.replayDispatch, Targets.VICTIM_SUPPLIER));
                    taken(asVictim(accepted));
                    t.awaitStatus(t.replayOrder, "ACCEPTED");
                    taken(asVictim(accepted));
                    taken(asVictim(shipped));
                    await().atMost(Targets.SETTLE.multipliedBy(30)).until(() -> parcels(t.replayOrder) == 1);
                    assertThat(historyOf(t.replayOrder, "ACCEPTED")).isEqualTo(1);
                }),
                Attack.of(C, "supplier update: the same Shipped again", () -> {
                    taken(asVictim(shipped));
                    await().during(Targets.SETTLE).atMost(Targets.SETTLE.multipliedBy(5))
                            .until(() -> parcels(t.replayOrder) == 1 && historyOf(t.replayOrder, "SHIPPED") <= 1);
                }),
                Attack.of(C, "supplier update: Shipped with another tracking number, old signature", () -> {
                    byte[] signed = shipped("CO000000000001");
                    byte[] tampered = shipped("CO000000000002");
                    refused(Http.send("POST", t.gateway + "/api/v1/suppliers/" + Targets.VICTIM_SUPPLIER + "/updates",
                            Http.JSON, tampered, Signatures.HEADER,
                            Signatures.sign(DemoKeys.supplierSecret(Targets.VICTIM_SUPPLIER),
                                    signed)), 401);
                    await().during(Targets.SETTLE).atMost(Targets.SETTLE.multipliedBy(5))
                            .until(() -> parcels(t.replayOrder) == 1);
                }));
    }

    /** The order a Shopify delivery became (200, accepted). */
    private static String shopifyOrder(Answer answer) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.json().path("accepted").asBoolean()).as("%s", answer).isTrue();
        return answer.json().path("orderId").asString();
    }

    /** One order of the demo storefront has this reference, and only one, for a while. */
    private void oneOrderStays(String ref) {
        await().atMost(Targets.SETTLE.multipliedBy(30)).until(() -> ordersWithRef(ref) >= 1);
        await().during(Targets.SETTLE).atMost(Targets.SETTLE.multipliedBy(5)).until(() -> ordersWithRef(ref) == 1);
    }

    private long ordersWithRef(String ref) {
        Answer list = Http.get(t.order + "/api/v1/orders?size=100", "X-Api-Key", DemoKeys.STOREFRONT_KEY);
        assertThat(list.status()).as("%s", list).isEqualTo(200);
        long found = 0;
        for (JsonNode item : list.json().path("items")) {
            if (item.path("externalRef").asString().equals(ref)) {
                found++;
            }
        }
        return found;
    }

    private byte[] checkpoint(String eventId, String status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", eventId);
        body.put("trackingNumber", t.parcelTracking);
        body.put("status", status);
        body.put("time", Instant.now().toString());
        body.put("location", "Paris, FR");
        body.put("message", message);
        return Http.json(body);
    }

    private JsonNode parcel() {
        Answer answer = Http.get(t.tracking + "/api/v1/tracking/" + t.parcelTracking);
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        return answer.json();
    }

    private int checkpoints() {
        return parcel().path("checkpoints").size();
    }

    private void awaitCheckpoints(int count) {
        await().atMost(Targets.SETTLE.multipliedBy(30)).until(() -> checkpoints() >= count);
        assertThat(checkpoints()).isEqualTo(count);
    }

    private byte[] shipped(String trackingNumber) {
        return Json.mapper().writeValueAsBytes(new DispatchShipped("shipped-" + trackingNumber + "-" + t.run(),
                Instant.now(), t.replayOrder, t.replayDispatch, Targets.VICTIM_SUPPLIER, "COLISSIMO",
                List.of(trackingNumber)));
    }

    private Answer asVictim(byte[] update) {
        return t.supplierUpdate(Targets.VICTIM_SUPPLIER, Targets.VICTIM_SUPPLIER, update, Http.JSON);
    }

    private int parcels(String orderId) {
        int parcels = 0;
        for (JsonNode f : t.orderView(orderId).path("fulfilments")) {
            parcels += f.path("parcels").size();
        }
        return parcels;
    }

    private long historyOf(String orderId, String status) {
        long n = 0;
        for (JsonNode step : t.orderView(orderId).path("history")) {
            if (step.path("status").asString().equals(status)) {
                n++;
            }
        }
        return n;
    }

    /** A legitimate message, taken. */
    private static void taken(Answer answer) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(202);
    }
}
