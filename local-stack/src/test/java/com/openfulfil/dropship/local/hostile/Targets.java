package com.openfulfil.dropship.local.hostile;

import com.openfulfil.dropship.events.Signatures;
import com.openfulfil.dropship.local.LocalStack;
import com.openfulfil.dropship.local.SharedStack;
import com.openfulfil.dropship.local.demo.DemoCatalog;
import com.openfulfil.dropship.local.demo.DemoKeys;
import com.openfulfil.dropship.local.hostile.Http.Answer;
import com.openfulfil.dropship.local.process.Service;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the attacks aim at, on the running pipeline: a second storefront's order waiting at a
 * supplier who answers in the portal, the demo partner's completed order with its commission and
 * payout details, a second partner (the attacker, whose name carries a script), an order cancelled
 * with a script as its reason, a delivered parcel, and each party's signed-in browser session.
 */
final class Targets {
    /** Text a hostile customer, partner or carrier types, to be shown as text and never run. */
    static final String SCRIPT = "<script>window.hostile=1</script><img src=x onerror=alert(1)>";
    static final String SCRIPT_ESCAPED = "&lt;script&gt;window.hostile=1&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;";
    static final String RIVAL_SHOP = SharedStack.RIVAL_SHOP;
    static final String RIVAL_KEY = SharedStack.RIVAL_KEY;
    static final String SHOP_DOMAIN = SharedStack.SHOP_DOMAIN;
    static final String SHOPIFY_SECRET = SharedStack.SHOPIFY_SECRET;
    /** The supplier that attacks, and the one whose dispatches a person answers in the portal (nobody does here). */
    static final String ATTACKER_SUPPLIER = "shenzhen-gadgets";
    static final String VICTIM_SUPPLIER = DemoKeys.PORTAL_SUPPLIER;
    static final Duration SETTLE = Duration.ofSeconds(2);
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Duration POLL = Duration.ofMillis(250);

    final String order;
    final String gateway;
    final String tracking;
    final String commission;
    final String console;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    String malloryKey;
    String malloryId;
    String malloryEmail;
    /** rival-shop's order for a lyon-linen product, waiting for lyon-linen's answer; its customer name and note carry SCRIPT. */
    String rivalOrder;
    String rivalDispatch;
    int rivalHistory;
    /** The demo partner's completed order (its reference carries SCRIPT), with its commission credited. */
    String lanOrder;
    JsonNode lanCommission;
    JsonNode lanAccount;
    /** demo-shop's order, cancelled with SCRIPT as the reason while lyon-linen has it: CANCELLING, stuck after 1 s. */
    String cancelledOrder;
    /** demo-shop's order at lyon-linen, which the suite answers as lyon-linen over HTTP (replays). */
    String replayOrder;
    String replayDispatch;
    /** demo-shop's delivered order, and its parcel (for the carrier's webhooks). */
    String parcelOrder;
    String parcelCarrier;
    String parcelTracking;

    WebSession ops;
    WebSession lanApp;
    WebSession malloryApp;
    WebSession victimPortal;
    WebSession attackerPortal;

    Targets(LocalStack stack) {
        this.order = stack.service(Service.ORDER).baseUrl();
        this.gateway = stack.service(Service.GATEWAY).baseUrl();
        this.tracking = stack.service(Service.TRACKING).baseUrl();
        this.commission = stack.service(Service.COMMISSION).baseUrl();
        this.console = stack.service(Service.OPS_CONSOLE).baseUrl();
    }

    /** Places the targets' orders, grants the attacking partner and signs everyone in; returns when all are in place. */
    void prepare() {
        grantMallory();
        rivalOrder = placeOrder(RIVAL_KEY, "RIVAL-" + run, DemoCatalog.TOWEL, SCRIPT, SCRIPT);
        cancelledOrder = placeOrder(DemoKeys.STOREFRONT_KEY, "CANCEL-" + run, DemoCatalog.TOWEL, "Ana Costa", null);
        replayOrder = placeOrder(DemoKeys.STOREFRONT_KEY, "REPLAY-" + run, DemoCatalog.TOWEL, "Ben Okafor", null);
        parcelOrder = placeOrder(DemoKeys.STOREFRONT_KEY, "PARCEL-" + run, DemoCatalog.LAMP, "Chloé Martin", null);
        lanOrder = placePartnerOrder(DemoKeys.PARTNER_KEY, "<b>" + run + "</b>" + SCRIPT,
                orderBody("ignored", DemoCatalog.LAMP, "45.00", "Đỗ Minh " + SCRIPT, null));

        rivalDispatch = awaitDispatch(rivalOrder, VICTIM_SUPPLIER);
        replayDispatch = awaitDispatch(replayOrder, VICTIM_SUPPLIER);
        awaitDispatch(cancelledOrder, VICTIM_SUPPLIER);
        Answer cancel = Http.postJson(order + "/api/v1/orders/" + cancelledOrder + "/cancel", Map.of("reason", SCRIPT),
                "X-Api-Key", DemoKeys.STOREFRONT_KEY);
        assertThat(cancel.status()).as("cancel: %s", cancel).isEqualTo(202);
        awaitStatus(cancelledOrder, "CANCELLING");

        awaitStatus(lanOrder, "DELIVERED");
        Answer complete = Http.send("POST", order + "/api/v1/admin/orders/" + lanOrder + "/complete", Http.JSON,
                new byte[0], "X-Api-Key", DemoKeys.ADMIN_KEY);
        assertThat(complete.status()).as("complete: %s", complete).isEqualTo(202);
        lanCommission = awaitJson(commission + "/api/v1/orders/" + lanOrder + "/commission", DemoKeys.PARTNER_KEY);
        lanAccount = awaitJson(commission + "/api/v1/partners/me", DemoKeys.PARTNER_KEY);
        assertThat(lanAccount.path("payoutDetails").path("masked").asString()).as("lan's payout details").isNotBlank();

        awaitStatus(parcelOrder, "DELIVERED");
        JsonNode fulfilment = orderView(parcelOrder).path("fulfilments").get(0);
        parcelCarrier = fulfilment.path("carrier").asString();
        parcelTracking = fulfilment.path("parcels").get(0).path("trackingNumber").asString();

        signIn();
        rivalHistory = orderView(rivalOrder).path("history").size();
    }

    private void grantMallory() {
        malloryEmail = "mallory-" + run + "@example.com";
        String email = malloryEmail;
        Answer applied = Http.postJson(commission + "/api/v1/partners/apply",
                Map.of("name", "Mallory " + SCRIPT, "email", email, "phone", "+84901234567"));
        assertThat(applied.status()).as("apply: %s", applied).isEqualTo(201);
        malloryId = applied.json().path("partnerId").asString();
        Answer granted = Http.postJson(commission + "/api/v1/admin/partners/" + malloryId + "/grant", Map.of(),
                "X-Api-Key", DemoKeys.ADMIN_KEY);
        assertThat(granted.status()).as("grant: %s", granted).isEqualTo(200);
        malloryKey = granted.json().path("apiKey").asString();
        Answer details = Http.send("PUT", commission + "/api/v1/partners/me/payout-details", Http.JSON,
                Http.json(Map.of("payoutDetails", "Mallory, Example Bank 1234 5678")), "X-Api-Key", malloryKey);
        assertThat(details.status()).as("mallory's payout details: %s", details).isEqualTo(200);
        // order-service learns of a new partner from the partners topic
        await().atMost(WAIT).pollInterval(POLL).until(() ->
                Http.get(order + "/api/v1/orders?size=1", "X-Api-Key", malloryKey).status() == 200);
    }

    private void signIn() {
        ops = WebSession.signIn(console, "/login",
                Map.of("username", DemoKeys.OPS_USER, "password", DemoKeys.OPS_PASSWORD), "/pipeline");
        lanApp = WebSession.signIn(console, "/partner/login", Map.of("apiKey", DemoKeys.PARTNER_KEY), "/partner/catalog");
        malloryApp = WebSession.signIn(console, "/partner/login", Map.of("apiKey", malloryKey), "/partner/catalog");
        victimPortal = supplierSession(VICTIM_SUPPLIER);
        attackerPortal = supplierSession(ATTACKER_SUPPLIER);
        // the portal shows a dispatch once its stream has read the instruction
        await().atMost(WAIT).pollInterval(POLL).until(() ->
                victimPortal.get("/supplier/dispatches/" + rivalDispatch).body().contains("id=\"ship-to\""));
    }

    WebSession supplierSession(String supplierId) {
        return WebSession.signIn(console, "/supplier/login",
                Map.of("username", supplierId, "password", DemoKeys.SUPPLIER_PORTAL_PASSWORD), "/supplier/dispatches");
    }

    /** An order body of one line; {@code salePrice} only for partners, {@code note} optional. */
    static Map<String, Object> orderBody(String ref, DemoCatalog.Product product, String salePrice, String customer,
                                         String note) {
        Map<String, Object> line = new LinkedHashMap<>(Map.of("sku", product.sku(), "quantity", 1));
        if (salePrice != null) {
            line.put("salePrice", salePrice);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("externalRef", ref);
        body.put("currency", "USD");
        body.put("customer", Map.of("name", customer, "email", "customer-" + Math.abs(ref.hashCode()) + "@example.com"));
        body.put("shipTo", Map.of("line1", "1 Rue de la Paix", "city", "Paris", "country", "FR"));
        body.put("lines", List.of(line));
        body.put("paymentStatus", "PAID");
        if (note != null) {
            body.put("requests", Map.of("note", note));
        }
        return body;
    }

    String placeOrder(String storefrontKey, String ref, DemoCatalog.Product product, String customer, String note) {
        Answer placed = Http.postJson(order + "/api/v1/orders", orderBody(ref, product, null, customer, note),
                "X-Api-Key", storefrontKey, "Idempotency-Key", ref);
        assertThat(placed.status()).as("placing %s: %s", ref, placed).isEqualTo(202);
        return placed.json().path("orderId").asString();
    }

    private String placePartnerOrder(String partnerKey, String ref, Map<String, Object> body) {
        body.put("externalRef", ref);
        Answer placed = Http.postJson(order + "/api/v1/partner-orders", body, "X-Api-Key", partnerKey,
                "Idempotency-Key", "partner-" + run);
        assertThat(placed.status()).as("placing the partner order: %s", placed).isEqualTo(202);
        return placed.json().path("orderId").asString();
    }

    /** The order as the admin sees it. */
    JsonNode orderView(String orderId) {
        Answer answer = Http.get(order + "/api/v1/orders/" + orderId, "X-Api-Key", DemoKeys.ADMIN_KEY);
        assertThat(answer.status()).as("order %s: %s", orderId, answer).isEqualTo(200);
        return answer.json();
    }

    String status(String orderId) {
        return orderView(orderId).path("status").asString();
    }

    void awaitStatus(String orderId, String status) {
        await().atMost(WAIT).pollInterval(POLL).untilAsserted(() ->
                assertThat(status(orderId)).as("status of %s", orderId).isEqualTo(status));
    }

    /** The order's dispatch at that supplier, once it is dispatched. */
    private String awaitDispatch(String orderId, String supplierId) {
        awaitStatus(orderId, "DISPATCHED");
        AtomicReference<String> dispatch = new AtomicReference<>();
        await().atMost(WAIT).pollInterval(POLL).until(() -> {
            for (JsonNode f : orderView(orderId).path("fulfilments")) {
                if (f.path("supplierId").asString().equals(supplierId) && !f.path("dispatchId").asString().isEmpty()) {
                    dispatch.set(f.path("dispatchId").asString());
                }
            }
            return dispatch.get() != null;
        });
        return dispatch.get();
    }

    private static JsonNode awaitJson(String url, String apiKey) {
        AtomicReference<JsonNode> found = new AtomicReference<>();
        await().atMost(WAIT).pollInterval(POLL).until(() -> {
            Answer answer = Http.get(url, "X-Api-Key", apiKey);
            if (answer.status() == 200) {
                found.set(answer.json());
            }
            return found.get() != null;
        });
        return found.get();
    }

    /** How many orders a storefront or partner has, as order-service lists them to it. */
    int orderCount(String apiKey) {
        Answer answer = Http.get(order + "/api/v1/orders?size=1", "X-Api-Key", apiKey);
        assertThat(answer.status()).as("order list: %s", answer).isEqualTo(200);
        return answer.json().path("total").asInt();
    }

    /** An update as a supplier posts it: to {@code pathSupplier}'s address, signed with {@code signer}'s secret. */
    Answer supplierUpdate(String pathSupplier, String signer, byte[] body, String contentType) {
        return Http.send("POST", gateway + "/api/v1/suppliers/" + pathSupplier + "/updates", contentType, body,
                Signatures.HEADER, Signatures.sign(DemoKeys.supplierSecret(signer), body));
    }

    /** A carrier's webhook, signed with {@code secret}. */
    Answer carrierWebhook(String carrier, String secret, byte[] body) {
        return Http.send("POST", tracking + "/webhooks/carriers/" + carrier, Http.JSON, body,
                Signatures.HEADER, Signatures.sign(secret, body));
    }

    String run() {
        return run;
    }
}
