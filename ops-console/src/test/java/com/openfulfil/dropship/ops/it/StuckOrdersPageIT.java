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
 * local-stack's {@code ConsoleBrowserIT}). The order page reads one order from the same API: its units,
 * parcels, return authorisations and refunds as text, the actions it allows, "no such order" (404) and
 * order-service unreachable (503). The sales channels page, which acts through channel-gateway's
 * ops API the same way, is checked here too, against a small server answering that API's documented JSON
 * (one console context for these pages keeps the suite short).
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
    private static final String RETURNED = "ord-returned-" + RUN;
    /** What order-service allows on each of this test's orders; an order not here it does not answer for (503). */
    private static final Map<String, List<String>> ALLOWED = Map.of(LOST, List.of("REFUND", "RESHIP"),
            DISPATCHED, List.of("CANCEL"), RETURNED, List.of("CONFIRM_RECEIPT", "RECEIVE_RETURN", "REFUND", "RESHIP"));
    /**
     * The whole of {@link #RETURNED} as order-service's order API answers it (docs/storefronts.md): a line partly
     * shipped, two parcels, an authorised return sent back, a refund paid and one the provider failed; the
     * customer's name, note and the provider's reason hold markup, which the page shows as text.
     */
    private static final String RETURNED_ORDER = """
            {"orderId": "%s", "status": "RETURN_REQUESTED", "placedAt": "2026-12-01T10:00:00Z",
             "source": {"channel": "STOREFRONT", "storefrontId": "demo-shop", "externalRef": "SHOP-1001"},
             "currency": "USD", "customer": {"name": "<script>alert('name')</script>", "email": "minh@example.vn"},
             "shipTo": {"line1": "12 Hàng Bạc", "city": "Hà Nội", "country": "VN"},
             "lines": [
               {"lineNo": 1, "sku": "MUG-001", "title": "Ceramic mug 350 ml", "quantity": 2, "salePrice": "12.50",
                "lineTotal": "25.00", "shipped": 2, "delivered": 2, "returned": 0, "refunded": 0, "replaced": 0},
               {"lineNo": 2, "sku": "LAMP-010", "title": "LED desk lamp", "quantity": 3, "salePrice": "39.00",
                "lineTotal": "117.00", "shipped": 1, "delivered": 0, "returned": 0, "refunded": 0, "replaced": 0}],
             "total": "142.00", "paymentStatus": "PAID",
             "requests": {"giftWrap": false, "invoice": false, "note": "<img src=x onerror=alert(1)>"},
             "history": [{"status": "PLACED", "at": "2026-12-01T10:00:00Z"},
                         {"status": "RETURN_REQUESTED", "at": "2026-12-05T09:00:00Z", "reason": "DAMAGED"}],
             "fulfilments": [
               {"dispatchId": "d-1", "supplierId": "hanoi-crafts", "status": "SHIPPED", "carrier": "VNPOST",
                "parcels": [{"trackingNumber": "VN418305577291", "status": "DELIVERED",
                             "items": [{"lineNo": 1, "sku": "MUG-001", "quantity": 2, "title": "Ceramic mug 350 ml"}]}]},
               {"dispatchId": "d-2", "supplierId": "shenzhen-gadgets", "status": "SHIPPED", "carrier": "SF",
                "parcels": [{"trackingNumber": "SF902117463310", "status": "IN_TRANSIT",
                             "items": [{"lineNo": 2, "sku": "LAMP-010", "quantity": 1, "title": "LED desk lamp"}]}]}],
             "afterSales": {"reason": "DAMAGED", "description": "The handle broke off", "supplierPaysReturn": true,
               "requestedAt": "2026-12-05T09:00:00Z", "refunded": "10.00", "refundCurrency": "USD",
               "refunds": [
                 {"refundId": "rf_paid", "amount": "10.00", "currency": "USD", "status": "SUCCEEDED",
                  "providerRefundId": "re_1", "by": "admin:ops"},
                 {"refundId": "rf_failed", "amount": "15.00", "currency": "USD", "status": "FAILED",
                  "failure": "charge_disputed: <b>The charge is disputed.</b>"}],
               "returnAuthorisations": [
                 {"rmaId": "RMA-50635C1984", "supplierId": "hanoi-crafts", "dispatchId": "d-1",
                  "items": [{"lineNo": 1, "sku": "MUG-001", "quantity": 2, "title": "Ceramic mug 350 ml"}],
                  "returnTo": "Hanoi Crafts Returns", "returnAddress": {"line1": "12 Hang Gai", "city": "Hanoi",
                  "country": "VN"}, "paidBy": "SUPPLIER", "shippingCharge": "6.50", "currency": "USD",
                  "carrier": "VNPOST", "trackingNumber": "VN900000000001", "parcelStatus": "IN_TRANSIT"}]},
             "allowedActions": ["CONFIRM_RECEIPT", "RECEIVE_RETURN", "REFUND", "RESHIP"]}""".formatted(RETURNED);
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
        assertThat(lost).as("the order id opens its page").contains("href=\"/orders/" + LOST + "\"");
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

    @Test
    void theOrderPageShowsUnitsParcelsReturnsAndRefundsAsTextAndOffersWhatOrderServiceAllows() throws Exception {
        logIn();
        HttpResponse<String> answer = open("/orders/" + RETURNED);
        assertThat(answer.statusCode()).isEqualTo(200);
        String page = answer.body();

        assertThat(page).contains("<dd id=\"status\" data-status=\"RETURN_REQUESTED\">RETURN_REQUESTED</dd>",
                "storefront demo-shop", "SHOP-1001", "2026-12-01 10:00:00 UTC", "142.00 USD");
        assertThat(page).as("the order's values are text, never markup")
                .doesNotContain("<script>alert", "<img src=x", "<b>The charge")
                .contains("&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;",
                        "charge_disputed: &lt;b&gt;The charge is disputed.&lt;/b&gt;");

        assertThat(cells(element(page, "tr", "data-line", "2"))).as("ordered, shipped, delivered, returned, refunded, replaced")
                .containsExactly("2", "LED desk lamp LAMP-010", "3", "1", "0", "0", "0", "0", "39.00 USD", "117.00 USD");
        assertThat(element(page, "tr", "data-line", "2")).contains("class=\"num shipped flag\">1<",
                "class=\"num delivered\">0<");
        String parcel = element(page, "tr", "data-parcel", "VN418305577291");
        assertThat(parcel).contains("href=\"http://localhost:8084/track/VN418305577291\"", "VNPOST", "hanoi-crafts",
                "2 \u00d7 Ceramic mug 350 ml", "DELIVERED");
        assertThat(element(page, "tr", "data-rma", "RMA-50635C1984")).contains("2 \u00d7 Ceramic mug 350 ml",
                "SUPPLIER (charged 6.50 USD)", "VN900000000001", "IN_TRANSIT", "12 Hang Gai, Hanoi, VN");
        assertThat(element(page, "tr", "data-refund", "rf_paid")).contains(">10.00<", "USD", "SUCCEEDED");
        assertThat(element(page, "tr", "data-refund", "rf_failed")).contains(">15.00<", "FAILED");
        assertThat(page).contains("data-status=\"RETURN_REQUESTED\">2026-12-05 09:00:00 UTC RETURN_REQUESTED: DAMAGED");

        assertThat(actions(page)).as("order-service's allowedActions, less the customer's own")
                .containsExactly("return-received", "refund", "reship");
        String after = post("/stuck-orders/refund", Map.of("orderId", RETURNED, "amount", "12.50",
                "reason", "second mug", "back", "order"), page);
        assertThat(after).as("back on the order's page").contains("id=\"order-id\">" + RETURNED + "<",
                "Refund sent for order " + RETURNED);
        JsonNode refund = Json.mapper().readTree(POSTED.get("/api/v1/admin/orders/" + RETURNED + "/refund"));
        assertThat(refund.path("amount").asString()).isEqualTo("12.50");
        assertThat(refund.path("note").asString()).isEqualTo("second mug (ops: ops)");
    }

    @Test
    void theHeadersSearchOpensTheOrderAndAnUnknownOrAnUnreachableOneSaysSo() throws Exception {
        logIn();
        HttpResponse<String> found = open("/orders?id=" + URLEncoder.encode(" " + RETURNED + " ", StandardCharsets.UTF_8));
        assertThat(found.uri().getPath()).isEqualTo("/orders/" + RETURNED);
        assertThat(found.body()).contains("id=\"order-id\">" + RETURNED + "<");

        HttpResponse<String> unknown = open("/orders/ord-nobody-" + RUN);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("No such order", "ord-nobody-" + RUN);
        assertThat(open("/orders/not%20an%20order").statusCode()).isEqualTo(404);

        HttpResponse<String> unreachable = open("/orders/" + UNANSWERED);
        assertThat(unreachable.statusCode()).isEqualTo(503);
        assertThat(unreachable.body()).contains("order-service cannot be read now", "Try again in a moment",
                "href=\"/orders/" + UNANSWERED + "\"").doesNotContain("Exception", "at com.");
    }

    /** The element {@code tag} whose {@code attribute} is {@code value}, its inner HTML. */
    private static String element(String page, String tag, String attribute, String value) {
        Matcher element = Pattern.compile("<" + tag + " " + attribute + "=\"" + Pattern.quote(value) + "\"[^>]*>(.*?)</"
                + tag + ">", Pattern.DOTALL).matcher(page);
        assertThat(element.find()).as("a " + tag + " with " + attribute + " " + value).isTrue();
        return element.group(1);
    }

    /** The text of each cell of a table row. */
    private static List<String> cells(String row) {
        return Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(row).results()
                .map(m -> m.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip()).toList();
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
        return open(path).body();
    }

    private HttpResponse<String> open(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(url(path)).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
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
                } else if (orderId.equals(RETURNED)) {
                    KEYS.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Api-Key")));
                    answer(exchange, 200, RETURNED_ORDER);
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
