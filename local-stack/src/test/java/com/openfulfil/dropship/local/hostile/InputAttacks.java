package com.openfulfil.dropship.local.hostile;

import com.openfulfil.dropship.events.Signatures;
import com.openfulfil.dropship.local.demo.DemoCatalog;
import com.openfulfil.dropship.local.demo.DemoKeys;
import com.openfulfil.dropship.local.hostile.Attack.Category;
import com.openfulfil.dropship.local.hostile.Http.Answer;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static com.openfulfil.dropship.local.hostile.Attack.refused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a caller may put in a request: fields it must not set (mass assignment), bodies too large or
 * too deeply nested to read, numbers too large to compute with, and bodies of a type the route does
 * not take.
 */
final class InputAttacks {
    /** Larger than any route's limit (order-service's webhooks take 1 MB, everything else less). */
    static final int OVERSIZED = 2 * 1024 * 1024 + 1;
    /** What an oversized request sends of its body before it expects the answer. */
    private static final int SENT = 1024;
    private static final int DEPTH = 20_000;

    private final Targets t;

    InputAttacks(Targets targets) {
        this.t = targets;
    }

    List<Attack> attacks() {
        List<Attack> attacks = new ArrayList<>();
        attacks.addAll(massAssignment());
        attacks.addAll(bodies());
        attacks.addAll(contentTypes());
        return attacks;
    }

    private List<Attack> massAssignment() {
        Category c = Category.MASS_ASSIGNMENT;
        return List.of(
                Attack.of(c, "storefront order with status COMPLETED", () -> unknownField(storefrontOrder(b -> with(b,
                        "status", "COMPLETED")), "status")),
                Attack.of(c, "storefront order with another order's orderId", () -> unknownField(storefrontOrder(b ->
                        with(b, "orderId", t.rivalOrder)), "orderId")),
                Attack.of(c, "storefront order with a commission", () -> unknownField(storefrontOrder(b -> with(b,
                        "commission", Map.of("total", "999.00", "partnerId", DemoKeys.PARTNER_ID))), "commission")),
                Attack.of(c, "storefront order naming another storefront", () -> unknownField(storefrontOrder(b ->
                        with(b, "storefrontId", Targets.RIVAL_SHOP)), "storefrontId")),
                Attack.of(c, "storefront order with its own retail price on a line", () -> unknownField(
                        storefrontOrder(b -> withLine(b, "retailPrice", "0.01")), "lines[0].retailPrice")),
                Attack.of(c, "partner order below the product's price", () -> {
                    refused(partnerOrder(b -> withLine(b, "salePrice", "1.00")), 422);
                    assertThat(t.orderCount(t.malloryKey)).isZero();
                }),
                Attack.of(c, "partner order with a commission and another partner's id", () -> {
                    unknownField(partnerOrder(b -> with(with(b, "commission", Map.of("gross", "500.00")),
                            "partnerId", DemoKeys.PARTNER_ID)), "commission");
                    assertThat(t.orderCount(t.malloryKey)).isZero();
                }),
                Attack.of(c, "partner order with its own retail price on a line", () -> unknownField(
                        partnerOrder(b -> withLine(withLine(b, "retailPrice", "1.00"), "salePrice", "2.00")),
                        "lines[0].retailPrice")),
                Attack.of(c, "confirm receipt with status and commission", () -> {
                    unknownField(Http.postJson(t.order + "/api/v1/orders/" + t.parcelOrder + "/confirm-receipt",
                            Map.of("rating", 5, "status", "COMPLETED", "commission", "999"),
                            "X-Api-Key", DemoKeys.STOREFRONT_KEY), "status");
                    assertThat(t.status(t.parcelOrder)).isEqualTo("DELIVERED");
                }),
                Attack.of(c, "payout details naming another partner", () -> {
                    unknownField(Http.send("PUT", t.commission + "/api/v1/partners/me/payout-details", Http.JSON,
                            Http.json(Map.of("payoutDetails", "Mallory, Example Bank 0000", "partnerId",
                                    DemoKeys.PARTNER_ID)), "X-Api-Key", t.malloryKey), "partnerId");
                    assertThat(Http.get(t.commission + "/api/v1/partners/me", "X-Api-Key", DemoKeys.PARTNER_KEY).json())
                            .isEqualTo(t.lanAccount);
                }),
                Attack.of(c, "partner application granting itself, with a key", () -> unknownField(Http.postJson(
                        t.commission + "/api/v1/partners/apply", Map.of("name", "Eve", "email", "eve-" + t.run()
                                + "@example.com", "status", "GRANTED", "apiKey", "pk_eve_0123456789")), "status")),
                Attack.of(c, "partner app: deliver below the price, with retailPrice, partnerId and status fields", () -> {
                    t.malloryApp.get("/partner/products/" + DemoCatalog.LAMP.sku());
                    Map<String, String> form = new LinkedHashMap<>(Map.of("quantity", "1", "salePrice", "1.00",
                            "name", "Eve", "email", "eve@example.com", "line1", "1 Main St", "city", "Hanoi",
                            "country", "VN"));
                    form.putAll(Map.of("retailPrice", "0.50", "partnerId", DemoKeys.PARTNER_ID, "status", "COMPLETED",
                            "orderId", t.lanOrder));
                    Answer answer = t.malloryApp.post("/partner/products/" + DemoCatalog.LAMP.sku() + "/deliver", form, true);
                    assertThat(answer.redirectPath()).as("%s", answer).isEqualTo("/partner/products/" + DemoCatalog.LAMP.sku());
                    assertThat(t.orderCount(t.malloryKey)).isZero();
                    assertThat(t.status(t.lanOrder)).isEqualTo("COMPLETED");
                }));
    }

    private List<Attack> bodies() {
        Category c = Category.BODIES;
        String nested = "[".repeat(DEPTH) + "]".repeat(DEPTH);
        return List.of(
                Attack.of(c, "order API: a 2 MB order", () -> refused(Http.declaring("POST", t.order + "/api/v1/orders",
                        Http.JSON, padded(OVERSIZED), SENT, "X-Api-Key", DemoKeys.STOREFRONT_KEY), 413)),
                Attack.of(c, "Shopify webhook: 2 MB, signed", () -> {
                    byte[] body = padded(OVERSIZED);
                    refused(Http.declaring("POST", t.order + "/webhooks/shopify/orders-create", Http.JSON, body, SENT,
                            "X-Shopify-Shop-Domain", Targets.SHOP_DOMAIN, "X-Shopify-Hmac-Sha256", shopifySignature(body)), 413);
                }),
                Attack.of(c, "supplier update: 2 MB, signed", () -> {
                    byte[] body = padded(OVERSIZED);
                    refused(Http.declaring("POST", t.gateway + "/api/v1/suppliers/" + Targets.ATTACKER_SUPPLIER + "/updates",
                            Http.JSON, body, SENT, Signatures.HEADER,
                            Signatures.sign(DemoKeys.supplierSecret(Targets.ATTACKER_SUPPLIER), body)), 413);
                }),
                Attack.of(c, "carrier webhook: 2 MB, signed", () -> {
                    byte[] body = padded(OVERSIZED);
                    refused(Http.declaring("POST", t.tracking + "/webhooks/carriers/" + t.parcelCarrier, Http.JSON, body,
                            SENT, Signatures.HEADER, Signatures.sign(DemoKeys.CARRIER_SECRET, body)), 413);
                }),
                Attack.of(c, "partner application: 2 MB, without a key", () -> refused(Http.declaring("POST",
                        t.commission + "/api/v1/partners/apply", Http.JSON, padded(OVERSIZED), SENT), 413)),
                Attack.of(c, "payout details: 2 MB", () -> refused(Http.declaring("PUT", t.commission
                        + "/api/v1/partners/me/payout-details", Http.JSON, padded(OVERSIZED), SENT,
                        "X-Api-Key", t.malloryKey), 413)),
                Attack.of(c, "order API: arrays nested 20,000 deep", () -> refused(Http.send("POST",
                        t.order + "/api/v1/orders", Http.JSON, Http.utf8(nested), "X-Api-Key", DemoKeys.STOREFRONT_KEY), 400)),
                Attack.of(c, "order API: a customer nested 5,000 objects deep (within the size limit)", () -> refused(
                        storefrontOrder(b -> with(b, "customer", Http.utf8("{\"name\":" + "{\"a\":".repeat(DEPTH / 4)
                                + "1" + "}".repeat(DEPTH / 4 + 1)))), 400)),
                Attack.of(c, "Shopify webhook: nested 20,000 deep, signed (taken as not an order)", () -> {
                    Answer answer = shopify(Http.utf8(nested), Http.JSON);
                    assertThat(answer.status()).as("%s", answer).isIn(200, 400);
                    assertThat(answer.body()).doesNotContain("\"accepted\":true");
                }),
                Attack.of(c, "supplier update: nested 20,000 deep, signed", () -> refused(t.supplierUpdate(
                        Targets.ATTACKER_SUPPLIER, Targets.ATTACKER_SUPPLIER, Http.utf8(nested), Http.JSON), 400)),
                Attack.of(c, "carrier webhook: nested 20,000 deep, signed", () -> refused(t.carrierWebhook(
                        t.parcelCarrier, DemoKeys.CARRIER_SECRET, Http.utf8(nested)), 400)),
                Attack.of(c, "partner application: nested 20,000 deep", () -> refused(Http.send("POST",
                        t.commission + "/api/v1/partners/apply", Http.JSON, Http.utf8(nested)), 400)),
                Attack.of(c, "partner order: a price of 1e1000000000", () -> {
                    refused(partnerOrder(b -> withLine(b, "salePrice", Http.utf8("1e1000000000"))), 400, 422);
                    assertThat(t.orderCount(t.malloryKey)).isZero();
                }),
                Attack.of(c, "partner order: a price of 1e-1000000000", () -> refused(partnerOrder(b -> withLine(b,
                        "salePrice", Http.utf8("1e-1000000000"))), 400, 422)),
                Attack.of(c, "storefront order: a quantity of 1e10", () -> refused(storefrontOrder(b -> withLine(b,
                        "quantity", Http.utf8("1e10"))), 400)));
    }

    private List<Attack> contentTypes() {
        Category c = Category.CONTENT_TYPES;
        byte[] order = Http.json(Targets.orderBody("CT-" + t.run(), DemoCatalog.MUG, null, "Eve", null));
        byte[] application = Http.json(Map.of("name", "Eve", "email", "eve-ct-" + t.run() + "@example.com"));
        return List.of(
                Attack.of(c, "order API: JSON sent as text/plain, form, XML and without a type", () -> {
                    for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "application/xml")) {
                        refused(Http.send("POST", t.order + "/api/v1/orders", type, order,
                                "X-Api-Key", DemoKeys.STOREFRONT_KEY), 415);
                    }
                    refused(Http.send(Http.request(t.order + "/api/v1/orders", "X-Api-Key", DemoKeys.STOREFRONT_KEY)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(order))), 415);
                }),
                Attack.of(c, "Shopify webhook: text/plain, signed", () -> refused(shopify(shopifyOrder(990001), "text/plain"), 415)),
                Attack.of(c, "partner application: text/plain and form", () -> {
                    refused(Http.send("POST", t.commission + "/api/v1/partners/apply", "text/plain", application), 415);
                    refused(Http.send("POST", t.commission + "/api/v1/partners/apply",
                            "application/x-www-form-urlencoded", Http.utf8("name=Eve&email=eve%40example.com")), 415);
                }),
                Attack.of(c, "payout details: text/plain", () -> refused(Http.send("PUT", t.commission
                        + "/api/v1/partners/me/payout-details", "text/plain",
                        Http.json(Map.of("payoutDetails", "Eve 1")), "X-Api-Key", t.malloryKey), 415)),
                Attack.of(c, "supplier update: text/plain, signed", () -> refused(t.supplierUpdate(
                        Targets.ATTACKER_SUPPLIER, Targets.ATTACKER_SUPPLIER, Http.utf8("{}"), "text/plain"), 415)),
                Attack.of(c, "carrier webhook: text/plain, signed", () -> {
                    byte[] body = Http.utf8("[]");
                    refused(Http.send("POST", t.tracking + "/webhooks/carriers/" + t.parcelCarrier, "text/plain", body,
                            Signatures.HEADER, Signatures.sign(DemoKeys.CARRIER_SECRET, body)), 415);
                }),
                Attack.of(c, "console API: text/plain with an operator's credentials", () -> refused(Http.send("POST",
                        t.console + "/api/v1/dead-letters/discard", "text/plain",
                        Http.utf8("{\"topic\":\"orders.placed.catalog-service.dlq\",\"partition\":0,\"offset\":0}"),
                        "Authorization", basic(DemoKeys.OPS_USER, DemoKeys.OPS_PASSWORD)), 401, 403, 415)));
    }

    /** A 400 that names the field: the request was refused for it, and nothing was created. */
    private static void unknownField(Answer answer, String field) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(400);
        assertThat(answer.body()).as("the field is named").contains(field);
    }

    private Answer storefrontOrder(UnaryOperator<Map<String, Object>> change) {
        Map<String, Object> body = Targets.orderBody("MA-" + t.run(), DemoCatalog.MUG, null, "Eve", null);
        return Http.send("POST", t.order + "/api/v1/orders", Http.JSON, raw(change.apply(body)),
                "X-Api-Key", DemoKeys.STOREFRONT_KEY);
    }

    private Answer partnerOrder(UnaryOperator<Map<String, Object>> change) {
        Map<String, Object> body = Targets.orderBody("MA-" + t.run(), DemoCatalog.LAMP, "45.00", "Eve", null);
        return Http.send("POST", t.order + "/api/v1/partner-orders", Http.JSON, raw(change.apply(body)),
                "X-Api-Key", t.malloryKey);
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withLine(Map<String, Object> body, String field, Object value) {
        Map<String, Object> line = new LinkedHashMap<>(((List<Map<String, Object>>) body.get("lines")).get(0));
        line.put(field, value);
        return with(body, "lines", List.of(line));
    }

    /**
     * The body as JSON, where a value given as bytes is written as it is (a number too large for any
     * type, a nesting no writer would produce).
     */
    private static byte[] raw(Object value) {
        StringBuilder json = new StringBuilder();
        write(value, json);
        return Http.utf8(json.toString());
    }

    private static void write(Object value, StringBuilder json) {
        if (value instanceof byte[] raw) {
            json.append(new String(raw, StandardCharsets.UTF_8));
        } else if (value instanceof Map<?, ?> map) {
            json.append('{');
            String separator = "";
            for (Map.Entry<?, ?> e : map.entrySet()) {
                json.append(separator).append(new String(Http.json(e.getKey()), StandardCharsets.UTF_8)).append(':');
                write(e.getValue(), json);
                separator = ",";
            }
            json.append('}');
        } else if (value instanceof List<?> list) {
            json.append('[');
            for (int i = 0; i < list.size(); i++) {
                json.append(i == 0 ? "" : ",");
                write(list.get(i), json);
            }
            json.append(']');
        } else {
            json.append(new String(Http.json(value), StandardCharsets.UTF_8));
        }
    }

    /** A JSON object of {@code size} bytes: one long string field. */
    static byte[] padded(int size) {
        String head = "{\"padding\":\"";
        String tail = "\"}";
        return Http.utf8(head + "x".repeat(size - head.length() - tail.length()) + tail);
    }

    /** A Shopify orders/create payload for the demo storefront: one paid mug. */
    static byte[] shopifyOrder(long id) {
        return Http.json(Map.of("id", id, "name", "#" + id, "email", "shopper@example.com", "currency", "USD",
                "financial_status", "paid",
                "shipping_address", Map.of("name", "Sam Shopper", "address1", "1 Main St", "city", "Springfield",
                        "zip", "12345", "country_code", "US"),
                "line_items", List.of(Map.of("sku", DemoCatalog.MUG.sku(), "quantity", 1, "title", "Mug"))));
    }

    /** A delivery of the demo storefront's Shopify webhook, signed with its secret. */
    Answer shopify(byte[] body, String contentType, String... headers) {
        List<String> all = new ArrayList<>(List.of("X-Shopify-Shop-Domain", Targets.SHOP_DOMAIN,
                "X-Shopify-Hmac-Sha256", shopifySignature(body)));
        all.addAll(List.of(headers));
        return Http.send("POST", t.order + "/webhooks/shopify/orders-create", contentType, body, all.toArray(String[]::new));
    }

    static String shopifySignature(byte[] body) {
        return Base64.getEncoder().encodeToString(Signatures.hmacSha256(Targets.SHOPIFY_SECRET, body));
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
