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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Shopify store's GraphQL Admin API on the JDK's HTTP server, with the request and answer shapes
 * channel-gateway uses: orders by name, their fulfilment orders and fulfilments, fulfillmentCreate,
 * fulfillmentTrackingInfoUpdate, orderCancel, variants by SKU and inventorySetQuantities. It checks the
 * access token, can be down (503) or answer 429 with Retry-After, and sends the store's webhooks
 * signed as Shopify signs them, a customer's new order ({@code orders/create}) among them. What it
 * received is at {@code GET /simulator/received}.
 */
public final class ShopifySimulator implements AutoCloseable {
    private static final Pattern OPERATION = Pattern.compile("^\\s*(query|mutation)\\s+(\\w+)");

    public record Fulfilment(String id, List<String> numbers, String company, boolean notified) {
    }

    private record Order(String id, String name, Map<String, String> fulfilmentOrders, List<Fulfilment> fulfilments,
                         boolean[] cancelled) {
    }

    private final SimulatedServer server;
    private final String domain;
    private final String token;
    private final String webhookSecret;
    private final Map<String, Order> ordersByName = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, String> variants = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, List<Integer>> stockSets = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<String> operations = Collections.synchronizedList(new ArrayList<>());
    // numeric ids from the clock: a store simulated again on the same pipeline data gives new orders new ids
    private final AtomicLong ids = new AtomicLong(System.currentTimeMillis());
    private final AtomicInteger orderNumbers = new AtomicInteger(1000);

    public ShopifySimulator(String domain, String token, String webhookSecret) {
        this(domain, token, webhookSecret, 0);
    }

    /** A store on {@code port} of the loopback address (0: a free one). */
    public ShopifySimulator(String domain, String token, String webhookSecret, int port) {
        this.domain = domain;
        this.token = token;
        this.webhookSecret = webhookSecret;
        this.server = new SimulatedServer(port, Map.of("/admin/api/", this::handle), this::received);
    }

    public URI baseUrl() {
        return server.url();
    }

    public String domain() {
        return domain;
    }

    /** {@code listener} hears of every fulfilment, tracking change, cancellation and stock level the store is given. */
    public void onReceived(Consumer<String> listener) {
        server.listener(listener);
    }

    /**
     * A customer's paid order: it is added to the store (one open fulfilment order) and its
     * {@code orders/create} webhook, in Shopify's shape, is sent signed to {@code ordersCreateUrl}.
     *
     * @return the order's name ({@code #1001}), its numeric id and the webhook's answer
     */
    public Placed placeOrder(URI ordersCreateUrl, Purchase purchase) {
        String name = "#" + orderNumbers.incrementAndGet();
        long id = addOrder(name);
        HttpResponse<String> answer = sendWebhook(ordersCreateUrl, "wh-create-" + id, ordersCreate(id, name, purchase));
        return new Placed(id, name, answer);
    }

    /** An order placed at the store, and what its {@code orders/create} webhook was answered. */
    public record Placed(long id, String name, HttpResponse<String> answer) {
    }

    /** Shopify's {@code orders/create} payload (the fields of it anyone reads here). */
    static String ordersCreate(long id, String name, Purchase purchase) {
        ObjectNode order = Json.mapper().createObjectNode().put("id", id).put("name", name)
                .put("email", purchase.email()).put("currency", "USD").put("financial_status", "paid");
        order.putObject("customer").put("first_name", purchase.firstName()).put("last_name", purchase.lastName())
                .put("email", purchase.email());
        order.putObject("shipping_address").put("name", purchase.name()).put("first_name", purchase.firstName())
                .put("last_name", purchase.lastName()).put("address1", purchase.line1()).put("city", purchase.city())
                .put("zip", purchase.postalCode()).put("country_code", purchase.country());
        ArrayNode lines = order.putArray("line_items");
        purchase.items().forEach(item -> lines.addObject().put("sku", item.sku()).put("quantity", item.quantity())
                .put("title", item.title()).put("requires_shipping", true));
        order.putArray("shipping_lines").addObject().put("title", "Standard Shipping").put("code", "standard");
        return Json.mapper().writeValueAsString(order);
    }

    /** An order on the store with one open fulfilment order; returns its numeric id. */
    public long addOrder(String name) {
        long id = ids.incrementAndGet();
        Map<String, String> fos = Collections.synchronizedMap(new LinkedHashMap<>());
        fos.put("gid://shopify/FulfillmentOrder/" + id, "OPEN");
        ordersByName.put(name, new Order("gid://shopify/Order/" + id, name, fos,
                Collections.synchronizedList(new ArrayList<>()), new boolean[1]));
        return id;
    }

    /** A fulfilment already on the store, as if an earlier call had made it. */
    public void addFulfilment(String orderName, String trackingNumber) {
        Order order = ordersByName.get(orderName);
        order.fulfilmentOrders().replaceAll((k, v) -> "CLOSED");
        order.fulfilments().add(new Fulfilment("gid://shopify/Fulfillment/" + ids.incrementAndGet(),
                List.of(trackingNumber), "DHL Express", false));
    }

    public void addVariant(String sku) {
        variants.put(sku, "gid://shopify/InventoryItem/" + ids.incrementAndGet());
    }

    public List<Fulfilment> fulfilments(String orderName) {
        return List.copyOf(ordersByName.get(orderName).fulfilments());
    }

    public boolean cancelled(String orderName) {
        return ordersByName.get(orderName).cancelled()[0];
    }

    /** Every available quantity set for the SKU, in order. */
    public List<Integer> stockSets(String sku) {
        return List.copyOf(stockSets.getOrDefault(sku, List.of()));
    }

    /** The GraphQL operation names called, in order (retries and refused calls included). */
    public List<String> operations() {
        return List.copyOf(operations);
    }

    public long count(String operation) {
        return operations().stream().filter(operation::equals).count();
    }

    /** Down: every call is a 503. */
    public void down(boolean down) {
        server.down(down);
    }

    /** The next {@code calls} calls are answered 429 with {@code Retry-After: seconds}. */
    public void tooManyRequests(int calls, int seconds) {
        server.tooManyRequests(calls, seconds);
    }

    /** Sends the store's webhook {@code topic} (orders-cancelled, ...) to {@code url}, signed with {@code secret}. */
    public HttpResponse<String> sendWebhook(URI url, String webhookId, String json, String secret) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String hmac = Base64.getEncoder().encodeToString(Signatures.hmacSha256(secret, body));
        HttpRequest request = HttpRequest.newBuilder(url).header("Content-Type", "application/json")
                .header("X-Shopify-Shop-Domain", domain).header("X-Shopify-Hmac-Sha256", hmac)
                .header("X-Shopify-Webhook-Id", webhookId).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return SimulatedServer.send(request);
    }

    public HttpResponse<String> sendWebhook(URI url, String webhookId, String json) {
        return sendWebhook(url, webhookId, json, webhookSecret);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode request = Json.mapper().readTree(exchange.getRequestBody().readAllBytes());
            Matcher matcher = OPERATION.matcher(request.path("query").asString(""));
            String operation = matcher.find() ? matcher.group(2) : "?";
            operations.add(operation);
            if (server.refuse(exchange)) {
                return;
            }
            if (!token.equals(exchange.getRequestHeaders().getFirst("X-Shopify-Access-Token"))) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            ObjectNode data = answer(operation, request.path("variables"));
            ObjectNode body = Json.mapper().createObjectNode();
            body.set("data", data);
            SimulatedServer.reply(exchange, 200, body);
        }
    }

    private ObjectNode answer(String operation, JsonNode variables) {
        ObjectNode data = Json.mapper().createObjectNode();
        switch (operation) {
            case "findOrder" -> {
                String name = variables.path("query").asString().replaceFirst("^name:", "").replaceAll("^'|'$", "");
                ArrayNode nodes = data.putObject("orders").putArray("nodes");
                Order order = ordersByName.get(name);
                if (order != null) {
                    nodes.addObject().put("id", order.id()).put("name", order.name());
                }
            }
            case "fulfillmentOrders" -> data.set("order", orderNode(byId(variables.path("id").asString())));
            case "fulfillmentCreate" -> data.set("fulfillmentCreate", fulfillmentCreate(variables.path("fulfillment")));
            case "fulfillmentTrackingInfoUpdate" -> data.set("fulfillmentTrackingInfoUpdate", trackingUpdate(variables));
            case "orderCancel" -> {
                Order order = byId(variables.path("orderId").asString());
                order.cancelled()[0] = true;
                server.told(order.name() + " cancelled");
                ObjectNode payload = data.putObject("orderCancel");
                payload.putObject("job").put("id", "gid://shopify/Job/" + ids.incrementAndGet());
                payload.putArray("orderCancelUserErrors");
            }
            case "variantBySku" -> {
                String sku = variables.path("query").asString().replaceFirst("^sku:", "").replaceAll("^'|'$", "");
                ArrayNode nodes = data.putObject("productVariants").putArray("nodes");
                if (variants.containsKey(sku)) {
                    ObjectNode node = nodes.addObject().put("sku", sku);
                    node.putObject("inventoryItem").put("id", variants.get(sku));
                }
            }
            case "inventorySetQuantities" -> {
                JsonNode quantity = variables.path("input").path("quantities").get(0);
                String item = quantity.path("inventoryItemId").asString();
                variants.forEach((sku, id) -> {
                    if (id.equals(item)) {
                        stockSets.computeIfAbsent(sku, k -> Collections.synchronizedList(new ArrayList<>()))
                                .add(quantity.path("quantity").asInt());
                        server.told("stock of " + sku + " set to " + quantity.path("quantity").asInt());
                    }
                });
                ObjectNode payload = data.putObject("inventorySetQuantities");
                payload.putObject("inventoryAdjustmentGroup").put("id", "gid://shopify/InventoryAdjustmentGroup/1");
                payload.putArray("userErrors");
            }
            default -> throw new IllegalArgumentException("The simulator does not know " + operation);
        }
        return data;
    }

    private Order byId(String id) {
        synchronized (ordersByName) {
            return ordersByName.values().stream().filter(o -> o.id().equals(id)).findFirst().orElse(null);
        }
    }

    private Order byFulfilmentOrder(String foId) {
        synchronized (ordersByName) {
            return ordersByName.values().stream().filter(o -> o.fulfilmentOrders().containsKey(foId)).findFirst()
                    .orElse(null);
        }
    }

    private static JsonNode orderNode(Order order) {
        if (order == null) {
            return Json.mapper().nullNode();
        }
        ObjectNode node = Json.mapper().createObjectNode().put("id", order.id());
        if (order.cancelled()[0]) {
            node.put("cancelledAt", "2026-12-06T00:00:00Z");
        } else {
            node.putNull("cancelledAt");
        }
        ArrayNode fos = node.putObject("fulfillmentOrders").putArray("nodes");
        order.fulfilmentOrders().forEach((id, status) -> fos.addObject().put("id", id).put("status", status));
        ArrayNode fulfilments = node.putArray("fulfillments");
        synchronized (order.fulfilments()) {
            for (Fulfilment f : order.fulfilments()) {
                ArrayNode info = fulfilments.addObject().put("id", f.id()).putArray("trackingInfo");
                f.numbers().forEach(n -> info.addObject().put("number", n).put("company", f.company()));
            }
        }
        return node;
    }

    private ObjectNode fulfillmentCreate(JsonNode input) {
        ObjectNode payload = Json.mapper().createObjectNode();
        ArrayNode errors = payload.putArray("userErrors");
        List<String> foIds = new ArrayList<>();
        input.path("lineItemsByFulfillmentOrder").forEach(fo -> foIds.add(fo.path("fulfillmentOrderId").asString()));
        Order order = foIds.isEmpty() ? null : byFulfilmentOrder(foIds.get(0));
        if (order == null || foIds.stream().anyMatch(id -> !"OPEN".equals(order.fulfilmentOrders().get(id)))) {
            errors.addObject().put("field", "fulfillment").put("message", "Fulfillment order is not open");
            payload.putNull("fulfillment");
            return payload;
        }
        foIds.forEach(id -> order.fulfilmentOrders().put(id, "CLOSED"));
        JsonNode tracking = input.path("trackingInfo");
        String id = "gid://shopify/Fulfillment/" + ids.incrementAndGet();
        Fulfilment fulfilment = new Fulfilment(id, numbers(tracking), tracking.path("company").asString(null),
                input.path("notifyCustomer").asBoolean(false));
        order.fulfilments().add(fulfilment);
        server.told(order.name() + " fulfilled: " + fulfilment.company() + " " + String.join(", ", fulfilment.numbers())
                + (fulfilment.notified() ? " (customer notified)" : ""));
        payload.putObject("fulfillment").put("id", id);
        return payload;
    }

    private ObjectNode trackingUpdate(JsonNode variables) {
        ObjectNode payload = Json.mapper().createObjectNode();
        ArrayNode errors = payload.putArray("userErrors");
        String id = variables.path("fulfillmentId").asString();
        synchronized (ordersByName) {
            for (Order order : ordersByName.values()) {
                List<Fulfilment> fulfilments = order.fulfilments();
                for (int i = 0; i < fulfilments.size(); i++) {
                    Fulfilment f = fulfilments.get(i);
                    if (f.id().equals(id)) {
                        JsonNode tracking = variables.path("trackingInfoInput");
                        fulfilments.set(i, new Fulfilment(id, numbers(tracking), tracking.path("company").asString(null),
                                variables.path("notifyCustomer").asBoolean(false)));
                        server.told(order.name() + " tracking now " + tracking.path("company").asString("") + " "
                                + String.join(", ", numbers(tracking)));
                        payload.putObject("fulfillment").put("id", id);
                        return payload;
                    }
                }
            }
        }
        errors.addObject().put("field", "fulfillmentId").put("message", "Fulfillment does not exist");
        return payload;
    }

    private static List<String> numbers(JsonNode tracking) {
        List<String> numbers = new ArrayList<>();
        if (tracking.has("number")) {
            numbers.add(tracking.path("number").asString());
        }
        tracking.path("numbers").forEach(n -> numbers.add(n.asString()));
        return numbers;
    }

    /** {@code GET /simulator/received}: each order with its fulfilments and whether it was cancelled, and each SKU's stock as set. */
    private JsonNode received() {
        ObjectNode body = Json.mapper().createObjectNode().put("platform", "SHOPIFY").put("domain", domain);
        ArrayNode orders = body.putArray("orders");
        synchronized (ordersByName) {
            for (Order order : ordersByName.values()) {
                ObjectNode node = orders.addObject().put("name", order.name()).put("id", order.id())
                        .put("cancelled", order.cancelled()[0]);
                ArrayNode fulfilments = node.putArray("fulfilments");
                synchronized (order.fulfilments()) {
                    order.fulfilments().forEach(f -> {
                        ObjectNode fulfilment = fulfilments.addObject().put("company", f.company())
                                .put("notifyCustomer", f.notified());
                        f.numbers().forEach(fulfilment.putArray("trackingNumbers")::add);
                    });
                }
            }
        }
        ObjectNode stock = body.putObject("stock");
        synchronized (stockSets) {
            stockSets.forEach((sku, sets) -> {
                ArrayNode list = stock.putArray(sku);
                synchronized (sets) {
                    sets.forEach(list::add);
                }
            });
        }
        return body;
    }

    @Override
    public void close() {
        server.close();
    }
}
