package com.openfulfil.dropship.channelsim;

import com.openfulfil.dropship.events.Signatures;
import com.openfulfil.dropship.events.serde.Json;
import com.sun.net.httpserver.HttpExchange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A WooCommerce store's REST API ({@code /wp-json/wc/v3}) on the JDK's HTTP server, with what
 * channel-gateway uses: an order ({@code GET}/{@code PUT orders/<id>}) and its notes ({@code GET}/{@code POST
 * orders/<id>/notes}) and a product's stock ({@code GET products?sku=<sku>}, {@code PUT products/<id>}),
 * HTTP Basic with the store's REST key. It can be down (503) or answer 429 with
 * Retry-After, and sends its webhooks signed as WooCommerce signs them, a customer's new order
 * ({@code order.created}) among them. What it received is at {@code GET /simulator/received}.
 */
public final class WooCommerceSimulator implements AutoCloseable {
    private static final Pattern ORDER = Pattern.compile("/wp-json/wc/v3/orders/(\\d+)(/notes)?");
    private static final Pattern PRODUCT = Pattern.compile("/wp-json/wc/v3/products(?:/(\\d+))?");

    private final SimulatedServer server;
    private final String authorization;
    private final String webhookSecret;
    private final Map<Long, String> statuses = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<Long, List<String>> notes = Collections.synchronizedMap(new LinkedHashMap<>());
    /** The store's products by SKU: id, and every stock quantity set. */
    private final Map<String, Long> products = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, List<Integer>> stockSets = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    public WooCommerceSimulator(String consumerKey, String consumerSecret, String webhookSecret) {
        this(consumerKey, consumerSecret, webhookSecret, 0);
    }

    /** A store on {@code port} of the loopback address (0: a free one). */
    public WooCommerceSimulator(String consumerKey, String consumerSecret, String webhookSecret, int port) {
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((consumerKey + ":" + consumerSecret)
                .getBytes(StandardCharsets.UTF_8));
        this.webhookSecret = webhookSecret;
        this.server = new SimulatedServer(port, Map.of("/wp-json/wc/v3/", this::handle), this::received);
    }

    public URI url() {
        return server.url();
    }

    /** {@code listener} hears of every note and status the store's orders are given. */
    public void onReceived(Consumer<String> listener) {
        server.listener(listener);
    }

    /**
     * A customer's paid order: it is added to the store ({@code processing}) and its {@code order.created}
     * webhook, in WooCommerce's shape, is sent signed to {@code webhookUrl}; returns the webhook's answer.
     */
    public HttpResponse<String> placeOrder(URI webhookUrl, long id, Purchase purchase) {
        addOrder(id, "processing");
        return sendWebhook(webhookUrl, "order.created", "d-" + id, orderJson(id, "processing", purchase));
    }

    /** An order as WooCommerce's webhooks and REST API show it (the fields anyone reads here). */
    public static String orderJson(long id, String status, Purchase purchase) {
        ObjectNode order = Json.mapper().createObjectNode().put("id", id).put("status", status).put("currency", "USD");
        order.putObject("billing").put("first_name", purchase.firstName()).put("last_name", purchase.lastName())
                .put("email", purchase.email()).put("address_1", purchase.line1()).put("city", purchase.city())
                .put("postcode", purchase.postalCode()).put("country", purchase.country());
        order.putObject("shipping").put("first_name", purchase.firstName()).put("last_name", purchase.lastName())
                .put("address_1", purchase.line1()).put("address_2", "").put("city", purchase.city()).put("state", "")
                .put("postcode", purchase.postalCode()).put("country", purchase.country());
        ArrayNode lines = order.putArray("line_items");
        purchase.items().forEach(item -> lines.addObject().put("sku", item.sku()).put("quantity", item.quantity())
                .put("name", item.title()));
        order.putArray("meta_data");
        return Json.mapper().writeValueAsString(order);
    }

    public void addOrder(long id, String status) {
        statuses.put(id, status);
        notes.put(id, Collections.synchronizedList(new ArrayList<>()));
    }

    /** A product the store sells, by its SKU (WooCommerce's own product id is {@code id}). */
    public void addProduct(long id, String sku) {
        products.put(sku, id);
    }

    /** Every stock quantity set for the SKU's product, in order. */
    public List<Integer> stockSets(String sku) {
        return List.copyOf(stockSets.getOrDefault(sku, List.of()));
    }

    public String status(long id) {
        return statuses.get(id);
    }

    public List<String> notes(long id) {
        return List.copyOf(notes.get(id));
    }

    /** Every call, as {@code METHOD path}, in order. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    public void down(boolean down) {
        server.down(down);
    }

    public void tooManyRequests(int calls) {
        server.tooManyRequests(calls, 1);
    }

    /** An order webhook of the store, signed with {@code secret}. */
    public HttpResponse<String> sendWebhook(URI url, String topic, String deliveryId, String json, String secret) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String signature = Base64.getEncoder().encodeToString(Signatures.hmacSha256(secret, body));
        HttpRequest request = HttpRequest.newBuilder(url).header("Content-Type", "application/json")
                .header("X-WC-Webhook-Topic", topic).header("X-WC-Webhook-Resource", "order")
                .header("X-WC-Webhook-Source", url().toString() + "/").header("X-WC-Webhook-Delivery-ID", deliveryId)
                .header("X-WC-Webhook-Signature", signature).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return SimulatedServer.send(request);
    }

    public HttpResponse<String> sendWebhook(URI url, String topic, String deliveryId, String json) {
        return sendWebhook(url, topic, deliveryId, json, webhookSecret);
    }

    /** The ping WooCommerce sends when a webhook is saved: form-encoded, unsigned. */
    public HttpResponse<String> ping(URI url) {
        return SimulatedServer.send(HttpRequest.newBuilder(url).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("webhook_id=17")).build());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            calls.add(exchange.getRequestMethod() + " " + path);
            if (server.refuse(exchange)) {
                return;
            }
            if (!authorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                reply(exchange, 401, Json.mapper().createObjectNode().put("code", "woocommerce_rest_cannot_view"));
                return;
            }
            Matcher product = PRODUCT.matcher(path);
            if (product.matches()) {
                products(exchange, product.group(1), body);
                return;
            }
            Matcher matcher = ORDER.matcher(path);
            if (!matcher.matches() || !statuses.containsKey(Long.parseLong(matcher.group(1)))) {
                reply(exchange, 404, Json.mapper().createObjectNode().put("code", "woocommerce_rest_shop_order_invalid_id"));
                return;
            }
            long id = Long.parseLong(matcher.group(1));
            JsonNode request = body.length == 0 ? Json.mapper().nullNode() : Json.mapper().readTree(body);
            boolean notesPath = matcher.group(2) != null;
            switch (exchange.getRequestMethod() + (notesPath ? " notes" : " order")) {
                case "GET notes" -> {
                    ArrayNode list = Json.mapper().createArrayNode();
                    notes(id).forEach(n -> list.addObject().put("note", n).put("customer_note", true));
                    reply(exchange, 200, list);
                }
                case "POST notes" -> {
                    notes.get(id).add(request.path("note").asString());
                    server.told("order " + id + " note: " + request.path("note").asString());
                    reply(exchange, 201, Json.mapper().createObjectNode().put("note", request.path("note").asString()));
                }
                case "GET order" -> reply(exchange, 200, order(id));
                case "PUT order" -> {
                    statuses.put(id, request.path("status").asString(statuses.get(id)));
                    server.told("order " + id + " status " + statuses.get(id));
                    reply(exchange, 200, order(id));
                }
                default -> reply(exchange, 405, Json.mapper().createObjectNode());
            }
        }
    }

    private ObjectNode order(long id) {
        return Json.mapper().createObjectNode().put("id", id).put("status", statuses.get(id));
    }

    /** {@code GET products?sku=<sku>} (the product, as a list of one, or none) and {@code PUT products/<id>}. */
    private void products(HttpExchange exchange, String productId, byte[] body) throws IOException {
        String method = exchange.getRequestMethod();
        if (productId == null && method.equals("GET")) {
            String query = exchange.getRequestURI().getQuery();
            String sku = query != null && query.startsWith("sku=") ? java.net.URLDecoder.decode(query.substring(4),
                    StandardCharsets.UTF_8) : "";
            ArrayNode list = Json.mapper().createArrayNode();
            Long id = products.get(sku);
            if (id != null) {
                List<Integer> sets = stockSets(sku);
                ObjectNode node = list.addObject().put("id", id).put("sku", sku).put("parent_id", 0)
                        .put("manage_stock", !sets.isEmpty());
                if (!sets.isEmpty()) {
                    node.put("stock_quantity", sets.get(sets.size() - 1));
                }
            }
            reply(exchange, 200, list);
            return;
        }
        String sku = productId == null ? null : products.entrySet().stream()
                .filter(e -> e.getValue() == Long.parseLong(productId)).map(Map.Entry::getKey).findFirst().orElse(null);
        if (sku == null || !method.equals("PUT")) {
            reply(exchange, 404, Json.mapper().createObjectNode().put("code", "woocommerce_rest_product_invalid_id"));
            return;
        }
        JsonNode request = Json.mapper().readTree(body);
        int quantity = request.path("stock_quantity").asInt();
        stockSets.computeIfAbsent(sku, k -> Collections.synchronizedList(new ArrayList<>())).add(quantity);
        server.told("stock of " + sku + " set to " + quantity);
        reply(exchange, 200, Json.mapper().createObjectNode().put("id", Long.parseLong(productId)).put("sku", sku)
                .put("manage_stock", request.path("manage_stock").asBoolean()).put("stock_quantity", quantity));
    }

    /** {@code GET /simulator/received}: each order with its status and notes, and each product's stock as set. */
    private JsonNode received() {
        ObjectNode body = Json.mapper().createObjectNode().put("platform", "WOOCOMMERCE").put("url", url().toString());
        ArrayNode orders = body.putArray("orders");
        synchronized (statuses) {
            statuses.forEach((id, status) -> {
                ObjectNode order = orders.addObject().put("id", id).put("status", status);
                notes(id).forEach(order.putArray("notes")::add);
            });
        }
        ObjectNode stock = body.putObject("stock");
        synchronized (stockSets) {
            stockSets.forEach((sku, sets) -> stockSets(sku).forEach(stock.putArray(sku)::add));
        }
        return body;
    }

    private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
        SimulatedServer.reply(exchange, status, body);
    }

    @Override
    public void close() {
        server.close();
    }
}
