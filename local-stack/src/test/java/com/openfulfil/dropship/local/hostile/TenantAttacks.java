package com.openfulfil.dropship.local.hostile;

import com.openfulfil.dropship.events.Signatures;
import com.openfulfil.dropship.events.serde.Json;
import com.openfulfil.dropship.events.supplier.DispatchAccepted;
import com.openfulfil.dropship.events.supplier.DispatchShipped;
import com.openfulfil.dropship.local.demo.DemoCatalog;
import com.openfulfil.dropship.local.demo.DemoKeys;
import com.openfulfil.dropship.local.hostile.Attack.Category;
import com.openfulfil.dropship.local.hostile.Http.Answer;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.openfulfil.dropship.local.hostile.Attack.refused;
import static com.openfulfil.dropship.local.hostile.Targets.ATTACKER_SUPPLIER;
import static com.openfulfil.dropship.local.hostile.Targets.VICTIM_SUPPLIER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One tenant on another's data: a partner (Mallory) on the demo partner's order, commission and
 * payout details; one storefront on another's order; a supplier on another supplier's dispatch,
 * over HTTP and in the portal; and one app's sign-in on another app's pages.
 */
final class TenantAttacks {
    private final Targets t;

    TenantAttacks(Targets targets) {
        this.t = targets;
    }

    List<Attack> attacks() {
        List<Attack> attacks = new ArrayList<>();
        attacks.addAll(partners());
        attacks.addAll(storefronts());
        attacks.addAll(suppliers());
        attacks.addAll(sessions());
        return attacks;
    }

    private List<Attack> partners() {
        Category c = Category.PARTNERS;
        String lanOrder = "/api/v1/orders/" + t.lanOrder;
        return List.of(
                Attack.of(c, "read B's order", () -> refused(get(t.order + lanOrder), 404)),
                Attack.of(c, "list orders: B's is not among A's", () -> {
                    Answer list = get(t.order + "/api/v1/orders?size=100");
                    assertThat(list.status()).isEqualTo(200);
                    assertThat(list.body()).doesNotContain(t.lanOrder);
                }),
                Attack.of(c, "cancel B's order", () -> {
                    refused(post(t.order + lanOrder + "/cancel", Map.of("reason", "mine now")), 404);
                    assertThat(t.status(t.lanOrder)).isEqualTo("COMPLETED");
                }),
                Attack.of(c, "ask for a return of B's order", () -> refused(post(t.order + lanOrder + "/returns",
                        Map.of("reason", "DAMAGED", "description", "broken")), 404)),
                Attack.of(c, "read B's order from another order-service instance (internal route)", () ->
                        refused(get(t.order + "/internal/v1/orders/" + t.lanOrder), 401, 403)),
                Attack.of(c, "read B's commission", () ->
                        refused(get(t.commission + lanOrder + "/commission"), 404)),
                Attack.of(c, "list commissions: B's is not among A's", () -> {
                    Answer mine = get(t.commission + "/api/v1/partners/me/commissions?size=200");
                    assertThat(mine.status()).isEqualTo(200);
                    assertThat(mine.body()).doesNotContain(t.lanOrder).doesNotContain(DemoKeys.PARTNER_NAME);
                }),
                Attack.of(c, "read B's commission through the instances' internal route", () ->
                        refused(get(t.commission + "/internal/v1/commissions/orders/" + t.lanOrder), 401, 403, 404)),
                Attack.of(c, "read B's account and payout details (admin route)", () ->
                        refused(get(t.commission + "/api/v1/admin/partners/" + DemoKeys.PARTNER_ID), 401, 403)),
                Attack.of(c, "read every partner's balance (admin route, JSON and CSV)", () -> {
                    refused(get(t.commission + "/api/v1/admin/partner-balances"), 401, 403);
                    refused(get(t.commission + "/api/v1/admin/partner-balances.csv"), 401, 403);
                }),
                Attack.of(c, "run a payout batch (admin route)", () ->
                        refused(post(t.commission + "/api/v1/admin/payouts", Map.of("batchId", "mallory-" + t.run())), 401, 403)),
                Attack.of(c, "revoke B (admin route)", () -> {
                    refused(post(t.commission + "/api/v1/admin/partners/" + DemoKeys.PARTNER_ID + "/revoke", Map.of()), 401, 403);
                    assertThat(lanAccount().path("status").asString()).isEqualTo("GRANTED");
                }),
                Attack.of(c, "apply again with a granted partner's e-mail (to reset them)", () -> {
                    refused(Http.postJson(t.commission + "/api/v1/partners/apply", Map.of("name", "Eve",
                            "email", t.malloryEmail, "payoutDetails", "Eve, Example Bank 9999")), 409);
                    assertThat(get(t.commission + "/api/v1/partners/me").json().path("status").asString())
                            .isEqualTo("GRANTED");
                }),
                Attack.of(c, "apply with B's e-mail: a new application of its own, B untouched", () -> {
                    Answer applied = Http.postJson(t.commission + "/api/v1/partners/apply", Map.of("name", "Eve",
                            "email", DemoKeys.PARTNER_EMAIL, "payoutDetails", "Eve, Example Bank 9999"));
                    assertThat(applied.status()).as("%s", applied).isIn(201, 409);
                    assertThat(applied.json().path("partnerId").asString()).isNotEqualTo(DemoKeys.PARTNER_ID);
                    assertThat(lanAccount()).isEqualTo(t.lanAccount);
                }),
                Attack.of(c, "partner app: open B's order", () -> {
                    Answer page = t.malloryApp.get("/partner/orders/" + t.lanOrder);
                    refused(page, 404);
                    assertThat(page.body()).doesNotContain("Đỗ Minh");
                }),
                Attack.of(c, "partner app: B's order is not in A's list", () -> {
                    Answer page = t.malloryApp.get("/partner/orders");
                    assertThat(page.status()).isEqualTo(200);
                    assertThat(page.body()).doesNotContain(t.lanOrder).doesNotContain("Đỗ Minh");
                }),
                Attack.of(c, "B's commission and payout details are as they were", () -> {
                    Answer commission = Http.get(t.commission + lanOrder + "/commission", "X-Api-Key", DemoKeys.PARTNER_KEY);
                    assertThat(commission.json()).isEqualTo(t.lanCommission);
                    assertThat(lanAccount()).isEqualTo(t.lanAccount);
                }));
    }

    private List<Attack> storefronts() {
        Category c = Category.STOREFRONTS;
        String rival = "/api/v1/orders/" + t.rivalOrder;
        String key = DemoKeys.STOREFRONT_KEY;
        return List.of(
                Attack.of(c, "read B's order", () -> refused(Http.get(t.order + rival, "X-Api-Key", key), 404)),
                Attack.of(c, "list orders: B's is not among A's", () -> {
                    Answer list = Http.get(t.order + "/api/v1/orders?size=100", "X-Api-Key", key);
                    assertThat(list.status()).isEqualTo(200);
                    assertThat(list.body()).doesNotContain(t.rivalOrder);
                }),
                Attack.of(c, "cancel B's order", () -> {
                    refused(Http.postJson(t.order + rival + "/cancel", Map.of("reason", "x"), "X-Api-Key", key), 404);
                    rivalOrderUnchanged();
                }),
                Attack.of(c, "confirm receipt of B's order", () -> refused(Http.postJson(t.order + rival
                        + "/confirm-receipt", Map.of("rating", 1), "X-Api-Key", key), 404)),
                Attack.of(c, "ask for a return of B's order", () -> refused(Http.postJson(t.order + rival + "/returns",
                        Map.of("reason", "DAMAGED", "description", "broken"), "X-Api-Key", key), 404)),
                Attack.of(c, "refund or complete B's order (admin routes)", () -> {
                    refused(Http.postJson(t.order + "/api/v1/admin/orders/" + t.rivalOrder + "/refund", Map.of(),
                            "X-Api-Key", key), 403);
                    refused(Http.postJson(t.order + "/api/v1/admin/orders/" + t.rivalOrder + "/complete", Map.of(),
                            "X-Api-Key", key), 403);
                    rivalOrderUnchanged();
                }),
                Attack.of(c, "place an order under B's Idempotency-Key (to be answered with B's order)", () -> {
                    String ref = "RIVAL-" + t.run();
                    Answer placed = Http.postJson(t.order + "/api/v1/orders",
                            Targets.orderBody(ref, DemoCatalog.TOWEL, null, Targets.SCRIPT, Targets.SCRIPT),
                            "X-Api-Key", key, "Idempotency-Key", ref);
                    assertThat(placed.body()).doesNotContain(t.rivalOrder);
                }),
                Attack.of(c, "place a partner order with a storefront key", () ->
                        refused(Http.postJson(t.order + "/api/v1/partner-orders", Targets.orderBody("X-" + t.run(),
                                DemoCatalog.MUG, "20.00", "Eve", null), "X-Api-Key", key), 403)));
    }

    private List<Attack> suppliers() {
        Category c = Category.SUPPLIERS;
        String dispatch = t.rivalDispatch;
        String page = "/supplier/dispatches/" + dispatch;
        return List.of(
                Attack.of(c, "HTTP: accept B's dispatch at B's address, signed with A's secret", () -> {
                    refused(t.supplierUpdate(VICTIM_SUPPLIER, ATTACKER_SUPPLIER, accepted(VICTIM_SUPPLIER), Http.JSON), 401);
                    rivalOrderUnchanged();
                }),
                Attack.of(c, "HTTP: accept B's dispatch at A's address, naming B in the body", () -> {
                    refused(t.supplierUpdate(ATTACKER_SUPPLIER, ATTACKER_SUPPLIER, accepted(VICTIM_SUPPLIER), Http.JSON), 422);
                    rivalOrderUnchanged();
                }),
                Attack.of(c, "HTTP: accept B's dispatch as A, signed by A (202, then ignored)", () -> {
                    t.supplierUpdate(ATTACKER_SUPPLIER, ATTACKER_SUPPLIER, accepted(ATTACKER_SUPPLIER), Http.JSON);
                    rivalOrderStaysUnchanged();
                }),
                Attack.of(c, "HTTP: ship B's dispatch as A, signed by A (202, then ignored)", () -> {
                    byte[] shipped = Json.mapper().writeValueAsBytes(new DispatchShipped(UUID.randomUUID().toString(),
                            Instant.now(), t.rivalOrder, dispatch, ATTACKER_SUPPLIER, "SF", List.of("SF0000HOSTILE1")));
                    t.supplierUpdate(ATTACKER_SUPPLIER, ATTACKER_SUPPLIER, shipped, Http.JSON);
                    rivalOrderStaysUnchanged();
                }),
                Attack.of(c, "HTTP: read B's scorecard and settlement, signed as A", () -> {
                    refused(signedRead(ATTACKER_SUPPLIER, "/api/v1/suppliers/" + VICTIM_SUPPLIER + "/scorecard", 0), 404);
                    refused(signedRead(ATTACKER_SUPPLIER, "/api/v1/suppliers/" + VICTIM_SUPPLIER + "/settlement", 0), 404);
                }),
                Attack.of(c, "HTTP: A's signed read of its own scorecard sent to B's", () -> {
                    String ownPath = "/api/v1/suppliers/" + ATTACKER_SUPPLIER + "/scorecard";
                    long now = Instant.now().getEpochSecond();
                    String signature = Signatures.sign(DemoKeys.supplierSecret(ATTACKER_SUPPLIER),
                            ("GET\n" + ownPath + "\n" + now).getBytes(StandardCharsets.UTF_8));
                    refused(Http.get(t.gateway + "/api/v1/suppliers/" + VICTIM_SUPPLIER + "/scorecard",
                            "X-Dropship-Supplier", ATTACKER_SUPPLIER, "X-Dropship-Timestamp", String.valueOf(now),
                            Signatures.HEADER, signature), 401);
                }),
                Attack.of(c, "HTTP: B's signed read replayed ten minutes later", () -> refused(signedRead(VICTIM_SUPPLIER,
                        "/api/v1/suppliers/" + VICTIM_SUPPLIER + "/scorecard", -600), 401)),
                Attack.of(c, "portal: open B's dispatch", () -> {
                    Answer answer = t.attackerPortal.get(page);
                    refused(answer, 404);
                    assertThat(answer.body()).doesNotContain("window.hostile").doesNotContain("1 Rue de la Paix");
                }),
                Attack.of(c, "portal: B's dispatch is not in A's lists or packing list", () -> {
                    for (String list : List.of("new", "accepted", "overdue", "shipped", "closed")) {
                        assertThat(t.attackerPortal.get("/supplier/dispatches?list=" + list).body()).doesNotContain(dispatch);
                    }
                    assertThat(t.attackerPortal.get("/supplier/packing-list.csv").body()).doesNotContain(dispatch);
                }),
                Attack.of(c, "portal: accept B's dispatch", () -> {
                    t.attackerPortal.get("/supplier/dispatches");
                    refused(t.attackerPortal.post(page + "/accept", Map.of(), true), 404);
                    rivalOrderUnchanged();
                }),
                Attack.of(c, "portal: refuse B's dispatch", () -> {
                    refused(t.attackerPortal.post(page + "/reject", Map.of("reason", "OUT_OF_STOCK"), true), 404);
                    rivalOrderUnchanged();
                }),
                Attack.of(c, "portal: ship B's dispatch", () -> {
                    refused(t.attackerPortal.post(page + "/ship", Map.of("carrier", "SF", "trackingNumbers",
                            "SF0000HOSTILE2"), true), 404);
                    rivalOrderUnchanged();
                }),
                Attack.of(c, "portal: answer a cancellation of B's dispatch", () -> refused(t.attackerPortal.post(
                        page + "/cancellation", Map.of("answer", "accept"), true), 404)),
                Attack.of(c, "portal: upload tracking numbers for B's dispatch", () -> {
                    Answer report = t.attackerPortal.postFile("/supplier/tracking-upload", "file", "tracking.csv",
                            "dispatch_id,carrier,tracking_numbers\n" + dispatch + ",SF,SF0000HOSTILE3\n", true);
                    assertThat(report.status()).as("%s", report).isEqualTo(200);
                    assertThat(report.body()).contains("no dispatch " + dispatch);
                    rivalOrderStaysUnchanged();
                }),
                Attack.of(c, "portal: B's dispatch still waits, untouched, in B's portal", () ->
                        assertThat(t.victimPortal.get(page).body()).contains("<dd id=\"stage\">new</dd>")));
    }

    private List<Attack> sessions() {
        Category c = Category.SESSIONS;
        return List.of(
                Attack.of(c, "partner's session on the console and the portal", () -> {
                    refused(t.malloryApp.get("/pipeline"), "/login");
                    refused(t.malloryApp.get("/stuck-orders"), "/login");
                    refused(t.malloryApp.get("/supplier/dispatches"), "/supplier/login");
                }),
                Attack.of(c, "supplier's session on the console, its API and the partner app", () -> {
                    refused(t.attackerPortal.get("/dead-letters"), "/login");
                    refused(t.attackerPortal.send(Http.request(t.console + "/api/v1/stuck-orders").GET()), 401);
                    refused(t.attackerPortal.get("/partner/orders"), "/partner/login");
                }),
                Attack.of(c, "ops session on the partner app and the portal", () -> {
                    refused(t.ops.get("/partner/orders"), "/partner/login");
                    refused(t.ops.get("/supplier/dispatches"), "/supplier/login");
                }),
                Attack.of(c, "sign in to the partner app with a storefront or admin key", () -> {
                    for (String key : List.of(DemoKeys.STOREFRONT_KEY, DemoKeys.ADMIN_KEY, Targets.RIVAL_KEY)) {
                        WebSession someone = WebSession.anonymous(t.console);
                        someone.get("/partner/login");
                        Answer answer = someone.post("/partner/login", Map.of("apiKey", key), true);
                        assertThat(answer.redirectPath()).as("%s", answer).isEqualTo("/partner/login");
                        refused(someone.get("/partner/orders"), "/partner/login");
                    }
                }),
                Attack.of(c, "sign in to the portal as another supplier with one's own password", () -> {
                    WebSession someone = WebSession.anonymous(t.console);
                    someone.get("/supplier/login");
                    Answer answer = someone.post("/supplier/login", Map.of("username", VICTIM_SUPPLIER,
                            "password", "not-" + DemoKeys.SUPPLIER_PORTAL_PASSWORD), true);
                    assertThat(answer.redirectPath()).as("%s", answer).isEqualTo("/supplier/login");
                    refused(someone.get("/supplier/dispatches"), "/supplier/login");
                }));
    }

    /** lyon-linen's dispatch of rival-shop's order has not moved: the order waits for lyon-linen. */
    private void rivalOrderUnchanged() {
        JsonNode order = t.orderView(t.rivalOrder);
        assertThat(order.path("status").asString()).as("rival-shop's order").isEqualTo("DISPATCHED");
        assertThat(order.path("history").size()).as("its history").isEqualTo(t.rivalHistory);
        for (JsonNode f : order.path("fulfilments")) {
            assertThat(f.path("parcels").isEmpty()).as("its parcels").isTrue();
        }
    }

    /** The same, for a while: an update the gateway took (202) is ignored when it is processed. */
    private void rivalOrderStaysUnchanged() {
        await().during(Targets.SETTLE).atMost(Targets.SETTLE.multipliedBy(5)).untilAsserted(this::rivalOrderUnchanged);
    }

    private byte[] accepted(String supplierId) {
        return Json.mapper().writeValueAsBytes(new DispatchAccepted(UUID.randomUUID().toString(), Instant.now(),
                t.rivalOrder, t.rivalDispatch, supplierId));
    }

    /** A supplier's signed read, signed {@code offsetSeconds} from now. */
    private Answer signedRead(String supplier, String path, long offsetSeconds) {
        String timestamp = String.valueOf(Instant.now().getEpochSecond() + offsetSeconds);
        String signature = Signatures.sign(DemoKeys.supplierSecret(supplier),
                ("GET\n" + path + "\n" + timestamp).getBytes(StandardCharsets.UTF_8));
        return Http.get(t.gateway + path, "X-Dropship-Supplier", supplier, "X-Dropship-Timestamp", timestamp,
                Signatures.HEADER, signature);
    }

    private JsonNode lanAccount() {
        return Http.get(t.commission + "/api/v1/partners/me", "X-Api-Key", DemoKeys.PARTNER_KEY).json();
    }

    private Answer get(String url) {
        return Http.get(url, "X-Api-Key", t.malloryKey);
    }

    private Answer post(String url, Object body) {
        return Http.postJson(url, body, "X-Api-Key", t.malloryKey);
    }
}
