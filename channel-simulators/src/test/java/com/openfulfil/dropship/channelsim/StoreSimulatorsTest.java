package com.openfulfil.dropship.channelsim;

import com.openfulfil.dropship.events.Signatures;
import com.openfulfil.dropship.events.serde.Json;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the local stack relies on beyond the gateway's ITs: a customer's order leaves a store as the
 * platform's signed webhook in the platform's shape, and what the store is told back is shown at
 * {@code /simulator/received} and heard by its listener.
 */
class StoreSimulatorsTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Purchase PURCHASE = new Purchase("Ada", "Lovelace", "ada@example.com", "1 Example Street",
            "London", "N1 9GU", "GB", List.of(new Purchase.Item("MUG-001", 2, "Ceramic mug")));

    /** The webhooks' receiver: each request's headers and body, answered as the pipeline answers a taken order. */
    private record Delivery(Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final List<String> told = new CopyOnWriteArrayList<>();
    private HttpServer receiver;

    @BeforeEach
    void receiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            try (exchange) {
                deliveries.add(new Delivery(Map.copyOf(exchange.getRequestHeaders()),
                        exchange.getRequestBody().readAllBytes()));
                byte[] answer = "{\"accepted\":true}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
            }
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    @Test
    void aShopifyOrderIsASignedOrdersCreateWebhookAndItsFulfilmentIsShownAsReceived() throws Exception {
        try (ShopifySimulator shop = new ShopifySimulator("demo.myshopify.com", "shpat_t", "shpss_t", 0)) {
            shop.onReceived(told::add);
            ShopifySimulator.Placed placed = shop.placeOrder(url("/webhooks/shopify/orders-create"), PURCHASE);

            assertThat(placed.answer().body()).contains("\"accepted\":true");
            Delivery delivery = deliveries.get(0);
            assertThat(Signatures.verifyBase64("shpss_t", delivery.body(), delivery.header("X-Shopify-Hmac-Sha256")))
                    .isTrue();
            assertThat(delivery.header("X-Shopify-Shop-Domain")).isEqualTo("demo.myshopify.com");
            JsonNode order = Json.mapper().readTree(delivery.body());
            assertThat(order.path("id").asLong()).isEqualTo(placed.id());
            assertThat(order.path("name").asString()).isEqualTo(placed.name());
            assertThat(order.path("financial_status").asString()).isEqualTo("paid");
            assertThat(order.path("line_items").get(0).path("sku").asString()).isEqualTo("MUG-001");
            assertThat(order.path("shipping_address").path("country_code").asString()).isEqualTo("GB");

            // one of the two mugs, by its fulfilment order's line item
            JsonNode fo = graphQl(shop, "query fulfillmentOrders($id: ID!) { x }",
                    "{\"id\": \"gid://shopify/Order/%d\"}".formatted(placed.id()))
                    .path("data").path("order").path("fulfillmentOrders").path("nodes").get(0);
            JsonNode lineItem = fo.path("lineItems").path("nodes").get(0);
            assertThat(lineItem.path("lineItem").path("sku").asString()).isEqualTo("MUG-001");
            assertThat(lineItem.path("remainingQuantity").asInt()).isEqualTo(2);
            String oneMug = """
                    {"fulfillment": {"notifyCustomer": true,
                       "lineItemsByFulfillmentOrder": [{"fulfillmentOrderId": "%s",
                         "fulfillmentOrderLineItems": [{"id": "%s", "quantity": %d}]}],
                       "trackingInfo": {"number": "%s", "company": "DHL Express"}}}""";
            String fulfilmentCreate = "mutation fulfillmentCreate($fulfillment: FulfillmentInput!) { x }";
            JsonNode made = graphQl(shop, fulfilmentCreate, oneMug.formatted(fo.path("id").asString(),
                    lineItem.path("id").asString(), 1, "JD0001")).path("data").path("fulfillmentCreate");
            assertThat(made.path("fulfillment").path("id").asString()).startsWith("gid://shopify/Fulfillment/");
            assertThat(made.path("userErrors")).isEmpty();

            // more than is left of the line item is refused, as Shopify refuses it, and changes nothing
            JsonNode tooMany = graphQl(shop, fulfilmentCreate, oneMug.formatted(fo.path("id").asString(),
                    lineItem.path("id").asString(), 2, "JD0002")).path("data").path("fulfillmentCreate");
            assertThat(tooMany.path("userErrors").get(0).path("message").asString()).contains("1 remaining");
            assertThat(shop.unitsLeft(placed.name())).containsExactly(Map.entry("MUG-001", 1));

            // the fulfilment order named whole: what is left of it
            JsonNode rest = graphQl(shop, fulfilmentCreate, """
                    {"fulfillment": {"notifyCustomer": false,
                       "lineItemsByFulfillmentOrder": [{"fulfillmentOrderId": "%s"}],
                       "trackingInfo": {"number": "JD0003", "company": "DHL Express"}}}""".formatted(fo.path("id")
                    .asString())).path("data").path("fulfillmentCreate");
            assertThat(rest.path("userErrors")).isEmpty();
            assertThat(shop.unitsLeft(placed.name())).containsExactly(Map.entry("MUG-001", 0));

            JsonNode received = received(shop.baseUrl());
            JsonNode fulfilment = received.path("orders").get(0).path("fulfilments").get(0);
            assertThat(fulfilment.path("company").asString()).isEqualTo("DHL Express");
            assertThat(fulfilment.path("trackingNumbers").get(0).asString()).isEqualTo("JD0001");
            assertThat(fulfilment.path("units").path("MUG-001").asInt()).isEqualTo(1);
            assertThat(told).containsExactly(
                    placed.name() + " fulfilled: DHL Express JD0001 (1 x MUG-001) (customer notified)",
                    placed.name() + " fulfilled: DHL Express JD0003 (1 x MUG-001)");
        }
    }

    private static JsonNode graphQl(ShopifySimulator shop, String query, String variables) throws Exception {
        ObjectNode body = Json.mapper().createObjectNode().put("query", query);
        body.set("variables", Json.mapper().readTree(variables));
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(shop.baseUrl().resolve(
                        "/admin/api/2025-07/graphql.json")).header("X-Shopify-Access-Token", "shpat_t")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return Json.mapper().readTree(answer.body());
    }

    @Test
    void aWooCommerceOrderIsASignedOrderCreatedWebhookAndItsNotesAndStatusAreShownAsReceived() throws Exception {
        try (WooCommerceSimulator woo = new WooCommerceSimulator("ck_t", "cs_t", "wc_t", 0)) {
            woo.onReceived(told::add);
            assertThat(woo.placeOrder(url("/webhooks/woocommerce/demo-woo"), 7001, PURCHASE).body())
                    .contains("\"accepted\":true");

            Delivery delivery = deliveries.get(0);
            assertThat(Signatures.verifyBase64("wc_t", delivery.body(), delivery.header("X-WC-Webhook-Signature")))
                    .isTrue();
            assertThat(delivery.header("X-WC-Webhook-Topic")).isEqualTo("order.created");
            JsonNode order = Json.mapper().readTree(delivery.body());
            assertThat(order.path("status").asString()).isEqualTo("processing");
            assertThat(order.path("billing").path("email").asString()).isEqualTo("ada@example.com");
            assertThat(order.path("line_items").get(0).path("quantity").asInt()).isEqualTo(2);

            String basic = "Basic " + Base64.getEncoder().encodeToString("ck_t:cs_t".getBytes(StandardCharsets.UTF_8));
            URI orderUrl = woo.url().resolve("/wp-json/wc/v3/orders/7001");
            HTTP.send(HttpRequest.newBuilder(URI.create(orderUrl + "/notes")).header("Authorization", basic)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"note\": \"On its way: 6A123\", \"customer_note\": true}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            HTTP.send(HttpRequest.newBuilder(orderUrl).header("Authorization", basic)
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"status\": \"completed\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());

            JsonNode shown = received(woo.url()).path("orders").get(0);
            assertThat(shown.path("status").asString()).isEqualTo("completed");
            assertThat(shown.path("notes").get(0).asString()).isEqualTo("On its way: 6A123");
            assertThat(told).containsExactly("order 7001 note: On its way: 6A123", "order 7001 status completed");
        }
    }

    @Test
    void amazonTakesAnOrderFeedUploadedToItsDocumentAndCancelsOrRetracksTheOrder() throws Exception {
        try (AmazonSimulator amazon = new AmazonSimulator("Atzr|t", 10)) {
            amazon.onReceived(told::add);
            amazon.putOrder("111-7", "Unshipped", Instant.parse("2026-12-07T10:00:00Z"), "MUG-001", 1);
            amazon.putOrder("111-8", "Unshipped", Instant.parse("2026-12-07T10:00:01Z"), "MUG-001", 2);
            String token = Json.mapper().readTree(HTTP.send(HttpRequest.newBuilder(amazon.lwaUrl())
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&refresh_token=Atzr%7Ct"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body()).path("access_token").asString();

            JsonNode feed = feed(amazon, token, "POST_ORDER_ACKNOWLEDGEMENT_DATA", "<AmazonEnvelope><MessageType>"
                    + "OrderAcknowledgement</MessageType><Message><MessageID>1</MessageID><OrderAcknowledgement>"
                    + "<AmazonOrderID>111-7</AmazonOrderID><StatusCode>Failure</StatusCode><Item><AmazonOrderItemCode>"
                    + "item-111-7-0</AmazonOrderItemCode><CancelReason>BuyerCanceled</CancelReason></Item>"
                    + "</OrderAcknowledgement></Message></AmazonEnvelope>");
            assertThat(feed.path("processingStatus").asString()).isEqualTo("DONE");
            assertThat(amazon.orderStatus("111-7")).isEqualTo("Canceled");
            assertThat(amazon.cancellations()).containsExactly(new AmazonSimulator.Cancellation("111-7", "BuyerCanceled", 1));

            // shipped under one number, then given another by the fulfilment feed: corrected, not shipped again
            HTTP.send(HttpRequest.newBuilder(URI.create(amazon.endpoint() + "/orders/v0/orders/111-8/shipmentConfirmation"))
                    .header("x-amz-access-token", token).POST(HttpRequest.BodyPublishers.ofString("{\"packageDetail\":"
                            + " {\"carrierCode\": \"UPS\", \"trackingNumber\": \"1ZOLD\", \"orderItems\":"
                            + " [{\"orderItemId\": \"item-111-8-0\", \"quantity\": 2}]}}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            feed(amazon, token, "POST_ORDER_FULFILLMENT_DATA", "<AmazonEnvelope><MessageType>OrderFulfillment"
                    + "</MessageType><Message><MessageID>1</MessageID><OrderFulfillment><AmazonOrderID>111-8"
                    + "</AmazonOrderID><FulfillmentData><CarrierCode>DHL</CarrierCode><ShipperTrackingNumber>JJD1"
                    + "</ShipperTrackingNumber></FulfillmentData><Item><AmazonOrderItemCode>item-111-8-0"
                    + "</AmazonOrderItemCode><Quantity>2</Quantity></Item></OrderFulfillment></Message></AmazonEnvelope>");
            assertThat(amazon.trackingNumbers("111-8")).containsExactly("JJD1");
            assertThat(amazon.unitsShipped("111-8")).isEqualTo(2);
            assertThat(amazon.trackingCorrections())
                    .containsExactly(new AmazonSimulator.TrackingCorrection("111-8", "DHL", "JJD1", 1));

            // a shipped order is not cancelled: the processing report says why
            JsonNode late = feed(amazon, token, "POST_ORDER_ACKNOWLEDGEMENT_DATA", "<AmazonEnvelope><MessageType>"
                    + "OrderAcknowledgement</MessageType><Message><MessageID>1</MessageID><OrderAcknowledgement>"
                    + "<AmazonOrderID>111-8</AmazonOrderID><StatusCode>Failure</StatusCode><Item><AmazonOrderItemCode>"
                    + "item-111-8-0</AmazonOrderItemCode><CancelReason>NoInventory</CancelReason></Item>"
                    + "</OrderAcknowledgement></Message></AmazonEnvelope>");
            String report = HTTP.send(HttpRequest.newBuilder(URI.create(Json.mapper().readTree(HTTP.send(
                    HttpRequest.newBuilder(URI.create(amazon.endpoint() + "/feeds/2021-06-30/documents/"
                            + late.path("resultFeedDocumentId").asString())).header("x-amz-access-token", token)
                            .build(), HttpResponse.BodyHandlers.ofString()).body()).path("url").asString())).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(report).contains("<MessagesWithError>1</MessagesWithError>", "has shipped items");
            assertThat(amazon.orderStatus("111-8")).isEqualTo("Unshipped");
            assertThat(told).contains("order 111-7 cancelled by the seller (BuyerCanceled)",
                    "order 111-8 tracking corrected: DHL JJD1 (1 item(s))");
            assertThat(received(amazon.endpoint()).path("cancellations").get(0).path("amazonOrderId").asString())
                    .isEqualTo("111-7");
        }
    }

    /** createFeedDocument, the upload to its URL (no token), createFeed and getFeed: the feed as processed. */
    private static JsonNode feed(AmazonSimulator amazon, String token, String type, String xml) throws Exception {
        JsonNode document = Json.mapper().readTree(HTTP.send(HttpRequest.newBuilder(
                        URI.create(amazon.endpoint() + "/feeds/2021-06-30/documents")).header("x-amz-access-token", token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"contentType\": \"text/xml; charset=UTF-8\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        HttpResponse<String> upload = HTTP.send(HttpRequest.newBuilder(URI.create(document.path("url").asString()))
                .header("Content-Type", "text/xml; charset=UTF-8").PUT(HttpRequest.BodyPublishers.ofString(xml)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).isEqualTo(200);
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(amazon.endpoint()
                        + "/feeds/2021-06-30/feeds")).header("x-amz-access-token", token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"feedType\": \"" + type + "\", \"marketplaceIds\": [\""
                        + AmazonSimulator.MARKETPLACE + "\"], \"inputFeedDocumentId\": \""
                        + document.path("feedDocumentId").asString() + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(202);
        return Json.mapper().readTree(HTTP.send(HttpRequest.newBuilder(URI.create(amazon.endpoint()
                        + "/feeds/2021-06-30/feeds/" + Json.mapper().readTree(created.body()).path("feedId").asString()))
                .header("x-amz-access-token", token).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + path);
    }

    private static JsonNode received(URI store) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(store.resolve("/simulator/received")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return Json.mapper().readTree(answer.body());
    }
}
