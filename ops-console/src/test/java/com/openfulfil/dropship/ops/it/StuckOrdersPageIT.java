package com.openfulfil.dropship.ops.it;

import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.serde.Json;
import com.openfulfil.dropship.ops.OpsConsoleApplication;
import com.openfulfil.dropship.support.testing.KafkaIntegrationTest;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The stuck-orders page offers on each order exactly what order-service allows on it now, as its
 * order API says ({@code allowedActions}, asked with the admin key), and acts through that API. The
 * console reads the orders from a real broker; order-service here is a small real HTTP server
 * answering its documented JSON for the orders of this test (the whole pipeline plays it in
 * local-stack's {@code ConsoleBrowserIT}). The sales channels page, which acts through channel-gateway's
 * ops API the same way, is checked here too, against a small server answering that API's documented JSON
 * (one console context for both pages keeps the suite short).
 */
@SpringBootTest(classes = OpsConsoleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"dropship.ops.deadlines.EXCEPTION=1ms", "dropship.ops.deadlines.DISPATCHED=1ms"})
@ActiveProfiles("demo")
class StuckOrdersPageIT extends KafkaIntegrationTest {
    private static final String ADMIN_KEY = "ak_demo_admin_0123456789";
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String LOST = "ord-lost-" + RUN;
    private static final String DISPATCHED = "ord-dispatched-" + RUN;
    private static final String UNANSWERED = "ord-unanswered-" + RUN;
    /** What order-service allows on each of this test's orders; an order not here it does not answer for (503). */
    private static final Map<String, List<String>> ALLOWED = Map.of(LOST, List.of("REFUND", "RESHIP"),
            DISPATCHED, List.of("CANCEL"));
    private static final List<String> KEYS = new CopyOnWriteArrayList<>();
    private static final Map<String, String> POSTED = new ConcurrentHashMap<>();
    private static final HttpServer ORDER_SERVICE = orderService();
    private static final String CHANNELS_KEY = "ok_demo_channels_0123456789";
    private static final List<String> CHANNEL_CALLS = new CopyOnWriteArrayList<>();
    private static final HttpServer CHANNEL_GATEWAY = channelGateway();

    @LocalServerPort
    int port;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    @DynamicPropertySource
    static void orderServiceAddress(DynamicPropertyRegistry registry) {
        registry.add("dropship.ops.services.order-service", () -> "http://127.0.0.1:" + ORDER_SERVICE.getAddress().getPort());
        registry.add("dropship.ops.services.channel-gateway",
                () -> "http://127.0.0.1:" + CHANNEL_GATEWAY.getAddress().getPort());
        // streams of their own: Kafka Streams members do not leave their group on close, so sharing the
        // console's application ids would hold the next console test on the broker in a rebalance
        registry.add("spring.cloud.stream.kafka.streams.binder.functions.watch.application-id",
                () -> "ops-console-stuck-orders-page-it");
        registry.add("spring.cloud.stream.kafka.streams.binder.functions.supplierPortal.application-id",
                () -> "ops-console-supplier-portal-stuck-orders-page-it");
    }

    @AfterAll
    static void stopOrderService() {
        ORDER_SERVICE.stop(0);
        CHANNEL_GATEWAY.stop(0);
    }

    @Test
    void theSalesChannelsPageShowsEachStoreAndSendsARefusedCallAgainThroughChannelGateway() throws Exception {
        logIn();
        String page = get("/channels");
        String woo = row(page, "demo-woo");
        assertThat(row(page, "demo-shop")).contains("<td>SHOPIFY</td>", ">4<", ">9<", "none");
        assertThat(woo).contains("<td>WOOCOMMERCE</td>", "never", "503 from the store",
                "NOTE for order 5001", "POST /orders/5001/notes refused with 404", "data-action=\"retry\"");
        assertThat(page).contains("class=\"attention\"");
        assertThat(CHANNEL_CALLS).contains("GET /api/v1/channels/stores " + CHANNELS_KEY);

        String after = post("/channels/retry", Map.of("storeId", "demo-woo", "failureId", "f-1"), page);
        assertThat(after).contains("Sent again to demo-woo");
        assertThat(CHANNEL_CALLS).contains("POST /api/v1/channels/stores/demo-woo/failures/f-1/retry " + CHANNELS_KEY);
        assertThat(post("/channels/retry", Map.of("storeId", "demo-woo", "failureId", "f-0"), get("/channels")))
                .contains("Not sent again", "already sent again");
    }

    /** The table row of a store on the sales channels page. */
    private static String row(String page, String storeId) {
        Matcher row = Pattern.compile("<tr data-store=\"" + storeId + "\"[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(page);
        assertThat(row.find()).as("a row for " + storeId).isTrue();
        return row.group(1);
    }

    @Test
    void anOrderStuckInExceptionOffersRefundAndReshipButNotCancel() throws Exception {
        ConsoleEvents.orderMoved(LOST, "evt-" + LOST + "-1", null, OrderStatus.PLACED);
        ConsoleEvents.orderMoved(LOST, "evt-" + LOST + "-2", OrderStatus.PLACED, OrderStatus.EXCEPTION);
        ConsoleEvents.orderMoved(DISPATCHED, "evt-" + DISPATCHED + "-1", null, OrderStatus.PLACED);
        ConsoleEvents.orderMoved(DISPATCHED, "evt-" + DISPATCHED + "-2", OrderStatus.PLACED, OrderStatus.DISPATCHED);
        logIn();

        String lost = awaitRow(LOST, "EXCEPTION");
        assertThat(actions(lost)).containsExactly("refund", "reship");
        assertThat(lost).contains("name=\"amount\"");
        assertThat(actions(awaitRow(DISPATCHED, "DISPATCHED"))).containsExactly("cancel", "reroute");
        assertThat(KEYS).as("asked with the admin key").isNotEmpty().allMatch(ADMIN_KEY::equals);

        String page = post("/stuck-orders/reship", Map.of("orderId", LOST, "reason", "parcel lost in transit"));
        assertThat(page).contains("Reship sent for order " + LOST);
        JsonNode reship = Json.mapper().readTree(POSTED.get("/api/v1/admin/orders/" + LOST + "/reship"));
        assertThat(reship.path("note").asString()).isEqualTo("parcel lost in transit (ops: ops)");
    }

    @Test
    void anOrderOrderServiceSaysNothingAboutOffersNoneOfItsActions() throws Exception {
        ConsoleEvents.orderMoved(UNANSWERED, "evt-" + UNANSWERED + "-1", null, OrderStatus.PLACED);
        ConsoleEvents.orderMoved(UNANSWERED, "evt-" + UNANSWERED + "-2", OrderStatus.PLACED, OrderStatus.EXCEPTION);
        logIn();

        assertThat(actions(awaitRow(UNANSWERED, "EXCEPTION"))).isEmpty();
        assertThat(get("/stuck-orders")).contains("id=\"unanswered\"", "order-service did not say what");
    }

    /** The order's row once the page lists it in {@code status}. */
    private String awaitRow(String orderId, String status) {
        Pattern row = Pattern.compile("<tr data-order=\"" + orderId + "\">(.*?)</tr>", Pattern.DOTALL);
        String[] found = new String[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Matcher m = row.matcher(get("/stuck-orders"));
            found[0] = m.find() ? m.group(1) : null;
            return found[0] != null && found[0].contains("<td>" + status + "</td>");
        });
        return found[0];
    }

    private static List<String> actions(String row) {
        return Pattern.compile("data-action=\"([a-z-]+)\"").matcher(row).results().map(m -> m.group(1)).toList();
    }

    private void logIn() throws Exception {
        String form = "username=ops&password=ops-demo-password&_csrf=" + csrf(get("/login"));
        HttpResponse<String> in = browser.send(HttpRequest.newBuilder(url("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(in.uri().getPath()).isEqualTo("/pipeline");
    }

    /** Submits a stuck-orders form as the page would (with its CSRF token); the page it leads to. */
    private String post(String path, Map<String, String> fields) throws Exception {
        return post(path, fields, get("/stuck-orders"));
    }

    /** Submits a form of {@code page} as the page would (with its CSRF token); the page it leads to. */
    private String post(String path, Map<String, String> fields, String page) throws Exception {
        StringBuilder form = new StringBuilder("_csrf=" + csrf(page));
        fields.forEach((name, value) -> form.append('&').append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return browser.send(HttpRequest.newBuilder(url(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String csrf(String page) {
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).as("a CSRF token on the page").isTrue();
        return URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
    }

    private String get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(url(path)).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /**
     * order-service's order API as documented: {@code GET /api/v1/orders/{id}} with the order's
     * {@code allowedActions} (404 for an order it does not know, 503 for the one it is too busy to
     * answer), and 202 for an action, whose body it keeps.
     */
    private static HttpServer orderService() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/v1/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                String orderId = path.replaceAll("^.*/orders/([^/]+).*$", "$1");
                if (exchange.getRequestMethod().equals("POST")) {
                    POSTED.put(path, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                    answer(exchange, 202, "");
                } else if (orderId.equals(UNANSWERED)) {
                    answer(exchange, 503, "{\"status\":503,\"title\":\"Service Unavailable\"}");
                } else if (ALLOWED.containsKey(orderId)) {
                    KEYS.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Api-Key")));
                    answer(exchange, 200, Json.mapper().writeValueAsString(Map.of("orderId", orderId,
                            "allowedActions", ALLOWED.get(orderId))));
                } else {
                    answer(exchange, 404, "{\"status\":404,\"title\":\"Not found\"}");
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * channel-gateway's ops API as documented (docs/channels.md): two stores, the WooCommerce one unavailable
     * with a refused call waiting (f-1) and one sent again already (f-0, 409 when sent again).
     */
    private static HttpServer channelGateway() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/v1/channels/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                CHANNEL_CALLS.add(exchange.getRequestMethod() + " " + path + " "
                        + exchange.getRequestHeaders().getFirst("X-Admin-Key"));
                if (path.endsWith("/f-1/retry")) {
                    answer(exchange, 202, "{\"id\":\"f-1\"}");
                } else if (path.endsWith("/f-0/retry")) {
                    answer(exchange, 409, "{\"title\":\"Already sent again\",\"detail\":\"This call was already sent again\"}");
                } else {
                    answer(exchange, 200, """
                            {"stores": [
                              {"storeId": "demo-shop", "platform": "SHOPIFY", "lastSync": "2026-12-06T20:00:00Z",
                               "ordersInLastHour": 4, "updatesOutLastHour": 9, "failures": []},
                              {"storeId": "demo-woo", "platform": "WOOCOMMERCE", "ordersInLastHour": 0,
                               "updatesOutLastHour": 0, "unavailable": "503 from the store",
                               "unavailableSince": "2026-12-06T19:58:00Z",
                               "failures": [{"id": "f-1", "at": "2026-12-06T19:59:00Z", "what": "NOTE for order 5001",
                                             "reason": "POST /orders/5001/notes refused with 404"},
                                            {"id": "f-0", "at": "2026-12-06T19:50:00Z", "what": "COMPLETE for order 5000",
                                             "reason": "refused with 400", "retriedAt": "2026-12-06T19:55:00Z"}]}]}""");
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
