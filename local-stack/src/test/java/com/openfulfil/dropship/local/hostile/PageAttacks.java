package com.openfulfil.dropship.local.hostile;

import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.local.demo.DemoCatalog;
import com.openfulfil.dropship.local.demo.DemoKeys;
import com.openfulfil.dropship.local.hostile.Attack.Category;
import com.openfulfil.dropship.local.hostile.Http.Answer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.function.ThrowingSupplier;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static com.openfulfil.dropship.local.hostile.Attack.refused;
import static com.openfulfil.dropship.local.hostile.Targets.SCRIPT;
import static com.openfulfil.dropship.local.hostile.Targets.SCRIPT_ESCAPED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The web pages: text a customer, partner or carrier typed shows as text, escaped, on every page
 * that shows it, and the pages forbid inline script besides; and a form posted from another site
 * (without the page's CSRF token) changes nothing, while the apps' own forms all carry the token.
 */
final class PageAttacks {
    private static final String CSP = "Content-Security-Policy";
    private static final String PARKED_FROM = Topics.ORDERS_PLACED.name();
    private static final String PARKED_BY = "catalog-service";

    private final Targets t;
    private final String bootstrapServers;
    private RecordMetadata parked;

    PageAttacks(Targets targets, String bootstrapServers) {
        this.t = targets;
        this.bootstrapServers = bootstrapServers;
    }

    List<Attack> attacks() {
        return List.of(
                script("supplier portal: the customer's name and note on the dispatch", () -> {
                    Answer page = t.victimPortal.get("/supplier/dispatches/" + t.rivalDispatch);
                    assertThat(page.body()).contains("Note: " + SCRIPT_ESCAPED);
                    return page;
                }),
                script("supplier portal: the dispatch list", () -> t.victimPortal.get("/supplier/dispatches")),
                script("supplier portal: the packing list is a download, not a page", () -> {
                    Answer csv = t.victimPortal.get("/supplier/packing-list.csv");
                    assertThat(csv.body()).contains(t.rivalDispatch);
                    assertThat(csv.header("Content-Type")).startsWith("text/csv");
                    assertThat(csv.header("Content-Disposition")).startsWith("attachment");
                    return null;
                }),
                script("partner app: the order's customer and reference", () -> {
                    Answer page = t.lanApp.get("/partner/orders/" + t.lanOrder);
                    assertThat(page.body()).contains("Đỗ Minh " + SCRIPT_ESCAPED).contains(SCRIPT_ESCAPED);
                    return page;
                }),
                script("partner app: the order list's reference", () -> {
                    Answer page = t.lanApp.get("/partner/orders");
                    assertThat(page.body()).contains(SCRIPT_ESCAPED);
                    return page;
                }),
                script("partner app: the partner's own name", () -> {
                    Answer page = t.malloryApp.get("/partner/catalog");
                    assertThat(page.body()).contains("Mallory " + SCRIPT_ESCAPED);
                    return page;
                }),
                script("partner app: a search for a script", () -> {
                    Answer page = t.malloryApp.get("/partner/catalog?q=" + encode(SCRIPT));
                    assertThat(page.body()).contains(SCRIPT_ESCAPED);
                    return page;
                }),
                script("partner app: a product address with markup", () -> {
                    Answer page = t.malloryApp.get("/partner/products/" + encode("\"><img src=x onerror=alert(1)>"));
                    assertThat(page.body()).doesNotContain("<img src=x onerror");
                    // a path the firewall refuses outright renders nothing at all
                    return page.status() == 400 ? null : page;
                }),
                script("console: a cancel reason in the stuck orders' history", () -> {
                    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                            .until(() -> t.ops.get("/stuck-orders").body().contains(t.cancelledOrder));
                    Answer page = t.ops.get("/stuck-orders");
                    assertThat(page.body()).contains(SCRIPT_ESCAPED);
                    return page;
                }),
                script("console: a parked message whose key, error and body carry a script", () -> {
                    parked = park();
                    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                            .until(() -> t.ops.get("/dead-letters").body().contains(t.run() + "-parked"));
                    Answer page = t.ops.get("/dead-letters");
                    assertThat(page.body()).contains(SCRIPT_ESCAPED);
                    return page;
                }),
                script("console: the dead letters' order filter", () -> {
                    Answer page = t.ops.get("/dead-letters?order=" + encode(SCRIPT));
                    assertThat(page.body()).contains(SCRIPT_ESCAPED);
                    return page;
                }),
                script("tracking page: a carrier's message", () -> {
                    Answer page = Http.get(t.tracking + "/track/" + t.parcelTracking, "Accept", "text/html");
                    assertThat(page.body()).contains(SCRIPT_ESCAPED).doesNotContain("<script>window.hostile")
                            .doesNotContain("<img src=x onerror");
                    // tracking-service's own policy: no script at all
                    assertThat(page.header(CSP)).contains("default-src 'none'").doesNotContain("script-src");
                    return null;
                }),
                csrf("console: discard a dead letter", () -> {
                    String letter = Topics.dlq(PARKED_FROM, PARKED_BY);
                    refused(t.ops.post("/dead-letters/discard", Map.of("topic", letter,
                            "partition", String.valueOf(parked.partition()), "offset", String.valueOf(parked.offset())),
                            false), 403);
                    assertThat(t.ops.get("/dead-letters").body()).contains(t.run() + "-parked");
                }),
                csrf("console: cancel and reroute an order", () -> {
                    refused(t.ops.post("/stuck-orders/cancel", Map.of("orderId", t.rivalOrder, "reason", "csrf"), false), 403);
                    refused(t.ops.post("/stuck-orders/reroute", Map.of("orderId", t.rivalOrder, "reason", "csrf"), false), 403);
                    assertThat(t.status(t.rivalOrder)).isEqualTo("DISPATCHED");
                }),
                csrf("console: with the token of another session", () -> {
                    WebSession attacker = WebSession.anonymous(t.console);
                    attacker.get("/supplier/login");
                    Map<String, String> form = Map.of("orderId", t.rivalOrder, "reason", "csrf",
                            WebSession.CSRF_FIELD, attacker.token());
                    refused(t.ops.post("/stuck-orders/cancel", form, false), 403);
                    assertThat(t.status(t.rivalOrder)).isEqualTo("DISPATCHED");
                }),
                csrf("console: its JSON API with the operator's session, sent as a form would be (text/plain)", () -> {
                    String letter = Topics.dlq(PARKED_FROM, PARKED_BY);
                    String json = "{\"topic\":\"" + letter + "\",\"partition\":" + parked.partition() + ",\"offset\":"
                            + parked.offset() + "}";
                    refused(t.ops.send(Http.request(t.console + "/api/v1/dead-letters/discard", "Content-Type",
                            "text/plain", "Origin", "https://attacker.example").POST(
                            HttpRequest.BodyPublishers.ofString(json))), 403, 415);
                    assertThat(t.ops.get("/dead-letters").body()).contains(t.run() + "-parked");
                }),
                csrf("console: sign the operator out", () -> {
                    refused(t.ops.post("/logout", Map.of(), false), 403);
                    assertThat(t.ops.get("/pipeline").status()).isEqualTo(200);
                }),
                csrf("partner app: deliver an order on the partner's behalf", () -> {
                    refused(t.malloryApp.post("/partner/products/" + DemoCatalog.LAMP.sku() + "/deliver", Map.of(
                            "quantity", "1", "salePrice", "45.00", "name", "Eve", "email", "eve@example.com",
                            "line1", "1 Main St", "city", "Hanoi", "country", "VN"), false), 403);
                    assertThat(t.orderCount(t.malloryKey)).isZero();
                }),
                csrf("partner app: sign the browser in as the attacker", () -> {
                    WebSession victim = WebSession.anonymous(t.console);
                    victim.get("/partner/login");
                    refused(victim.post("/partner/login", Map.of("apiKey", t.malloryKey), false), 403);
                    refused(victim.get("/partner/orders"), "/partner/login");
                }),
                csrf("partner app: sign the partner out", () -> {
                    refused(t.lanApp.post("/partner/logout", Map.of(), false), 403);
                    assertThat(t.lanApp.get("/partner/orders").status()).isEqualTo(200);
                }),
                csrf("supplier portal: accept, refuse, ship the supplier's dispatch", () -> {
                    String dispatch = "/supplier/dispatches/" + t.rivalDispatch;
                    refused(t.victimPortal.post(dispatch + "/accept", Map.of(), false), 403);
                    refused(t.victimPortal.post(dispatch + "/reject", Map.of("reason", "OUT_OF_STOCK"), false), 403);
                    refused(t.victimPortal.post(dispatch + "/ship", Map.of("carrier", "COLISSIMO",
                            "trackingNumbers", "CO000000000009"), false), 403);
                    assertThat(t.victimPortal.get(dispatch).body()).contains("<dd id=\"stage\">new</dd>");
                    assertThat(t.status(t.rivalOrder)).isEqualTo("DISPATCHED");
                }),
                csrf("supplier portal: upload tracking numbers", () -> {
                    refused(t.victimPortal.postFile("/supplier/tracking-upload", "file", "tracking.csv",
                            "dispatch_id,carrier,tracking_numbers\n" + t.rivalDispatch + ",COLISSIMO,CO000000000010\n",
                            false), 403);
                    assertThat(t.status(t.rivalOrder)).isEqualTo("DISPATCHED");
                }),
                csrf("supplier portal: sign the browser in as another supplier", () -> {
                    WebSession victim = WebSession.anonymous(t.console);
                    victim.get("/supplier/login");
                    refused(victim.post("/supplier/login", Map.of("username", Targets.ATTACKER_SUPPLIER,
                            "password", DemoKeys.SUPPLIER_PORTAL_PASSWORD), false), 403);
                    refused(victim.get("/supplier/dispatches"), "/supplier/login");
                }),
                csrf("the console's own forms carry the token", () -> ownForms(t.ops, "/pipeline", "/dead-letters",
                        "/stuck-orders")),
                csrf("the partner app's own forms carry the token", () -> ownForms(t.lanApp, "/partner/catalog",
                        "/partner/products/" + DemoCatalog.LAMP.sku(), "/partner/orders")),
                csrf("the supplier portal's own forms carry the token", () -> ownForms(t.victimPortal,
                        "/supplier/dispatches", "/supplier/dispatches/" + t.rivalDispatch)),
                csrf("the sign-in forms carry the token; session cookies are HttpOnly and SameSite", () -> {
                    for (String login : List.of("/login", "/partner/login", "/supplier/login")) {
                        WebSession anonymous = WebSession.anonymous(t.console);
                        Answer page = anonymous.get(login);
                        assertThat(WebSession.postForms(page.body())).as(login).isPositive();
                        assertThat(WebSession.postFormsWithoutToken(page.body())).as(login).isEmpty();
                        assertThat(page.header("Set-Cookie")).as(login).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
                    }
                }));
    }

    private Attack script(String name, ThrowingSupplier<Answer> page) {
        return Attack.of(Category.SCRIPT, name, () -> {
            Answer answer = page.get();
            if (answer != null) {
                assertThat(answer.body()).as("%s", name).doesNotContain("<script>window.hostile")
                        .doesNotContain("<img src=x onerror");
                assertThat(answer.header(CSP)).as("%s: %s", name, CSP).contains("script-src 'self'")
                        .doesNotContain("unsafe-inline");
            }
        });
    }

    private static Attack csrf(String name, Executable attack) {
        return Attack.of(Category.CSRF, name, attack);
    }

    private static void ownForms(WebSession session, String... pages) {
        long forms = 0;
        for (String path : pages) {
            Answer page = session.get(path);
            assertThat(page.status()).as("%s: %s", path, page).isEqualTo(200);
            assertThat(WebSession.postFormsWithoutToken(page.body())).as("forms of %s without a token", path).isEmpty();
            forms += WebSession.postForms(page.body());
        }
        assertThat(forms).as("forms checked").isGreaterThan(pages.length);
    }

    /** A message parked by catalog-service whose key, error and body carry the script, as a poison order would. */
    private RecordMetadata park() throws Exception {
        RecordHeaders headers = new RecordHeaders();
        Map.of("dlq.error", "Not a valid Event on " + PARKED_FROM + ": " + SCRIPT, "dlq.topic", PARKED_FROM,
                "dlq.partition", "0", "dlq.offset", "1", "dlq.group", PARKED_BY, "dlq.failed-at", Instant.now().toString())
                .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        String value = "{\"type\":\"OrderPlaced\",\"orderId\":\"" + t.run() + "-parked\",\"customer\":{\"name\":\"" + SCRIPT + "\"},}";
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new ByteArraySerializer(), new ByteArraySerializer())) {
            return producer.send(new ProducerRecord<>(Topics.dlq(PARKED_FROM, PARKED_BY), null,
                    (t.run() + "-parked " + SCRIPT).getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8),
                    headers)).get(30, TimeUnit.SECONDS);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
