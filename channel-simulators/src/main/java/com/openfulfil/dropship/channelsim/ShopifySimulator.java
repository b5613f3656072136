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
 * channel-gateway uses: orders by name, their fulfilment orders (with their line items and what is left
 * of each) and fulfilments, fulfillmentCreate, fulfillmentTrackingInfoUpdate, orderCancel, variants by
 * SKU and inventorySetQuantities. A fulfilment names whole fulfilment orders (everything left of them)
 * or their line items and quantities; as Shopify, it refuses a line item of another fulfilment order,
 * a quantity below 1 or more than the line item has left, and a fulfilment order that is closed. It
 * checks the access token, can be down (503), stall (answer nothing for a while) or answer 429 with
 * Retry-After, and sends the store's webhooks signed as Shopify signs them, a customer's new order
 * ({@code orders/create}) among them.
 * What it received is at {@code GET /simulator/received}.
 */
public final class ShopifySimulator implements AutoCloseable {
    private static final Pattern OPERATION = Pattern.compile("^\\s*(query|mutation)\\s+(\\w+)");

    /** A fulfilment as the store shows it: its tracking numbers and the units it took, by SKU. */
    public record Fulfilment(String id, List<String> numbers, String company, boolean notified,
                             Map<String, Integer> units) {
        public Fulfilment {
            numbers = List.copyOf(numbers);
            units = Collections.unmodifiableMap(new LinkedHashMap<>(units));
        }
    }

    /** A line item of a fulfilment order: the order's line item it fulfils, and how many units are left. */
    private static final class FulfilmentOrderLineItem {
        final String id;
        final String lineItemId;
        final String sku;
        int remaining;

        FulfilmentOrderLineItem(String id, String lineItemId, String sku, int quantity) {
            this.id = id;
            this.lineItemId = lineItemId;
            this.sku = sku;
            this.remaining = quantity;
        }
    }

    /** OPEN, IN_PROGRESS once partly fulfilled, CLOSED once nothing is left. */
    private static final class FulfilmentOrder {
        final String id;
        final List<FulfilmentOrderLineItem> lineItems;
        String status = "OPEN";

        FulfilmentOrder(String id, List<FulfilmentOrderLineItem> lineItems) {
            this.id = id;
            this.lineItems = List.copyOf(lineItems);
        }

        boolean open() {
            return status.equals("OPEN") || status.equals("IN_PROGRESS");
        }

        /** After a fulfilment took from it. */
        void settle() {
            status = lineItems.stream().allMatch(i -> i.remaining == 0) ? "CLOSED" : "IN_PROGRESS";
        }
    }

    private record Order(String id, String name, Map<String, FulfilmentOrder> fulfilmentOrders,
                         List<Fulfilment> fulfilments, boolean[] cancelled) {
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
        long id = addOrder(name, purchase.items());
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

    /** An order on the store with one open fulfilment order holding no line items; returns its numeric id. */
    public long addOrder(String name) {
        return addOrder(name, List.of());
    }

    /** An order on the store with one open fulfilment order of the items' line items; returns its numeric id. */
    public long addOrder(String name, List<Purchase.Item> items) {
        long id = ids.incrementAndGet();
        List<FulfilmentOrderLineItem> lineItems = items.stream().map(item -> new FulfilmentOrderLineItem(
                "gid://shopify/FulfillmentOrderLineItem/" + ids.incrementAndGet(),
                "gid://shopify/LineItem/" + ids.incrementAndGet(), item.sku(), item.quantity())).toList();
        Map<String, FulfilmentOrder> fos = Collections.synchronizedMap(new LinkedHashMap<>());
        String foId = "gid://shopify/FulfillmentOrder/" + id;
        fos.put(foId, new FulfilmentOrder(foId, lineItems));
        ordersByName.put(name, new Order("gid://shopify/Order/" + id, name, fos,
                Collections.synchronizedList(new ArrayList<>()), new boolean[1]));
        return id;
    }

    /** A fulfilment of everything left already on the store, as if an earlier call had made it. */
    public void addFulfilment(String orderName, String trackingNumber) {
        Order order = ordersByName.get(orderName);
        Map<String, Integer> units = new LinkedHashMap<>();
        synchronized (order) {
            order.fulfilmentOrders().values().forEach(fo -> {
                fo.lineItems.forEach(item -> {
                    units.merge(item.sku, item.remaining, Integer::sum);
                    item.remaining = 0;
                });
                fo.status = "CLOSED";
            });
        }
        order.fulfilments().add(new Fulfilment("gid://shopify/Fulfillment/" + ids.incrementAndGet(),
                List.of(trackingNumber), "DHL Express", false, units));
    }

    /** The units of each SKU of the order not fulfilled yet. */
    public Map<String, Integer> unitsLeft(String orderName) {
        Order order = ordersByName.get(orderName);
        Map<String, Integer> left = new LinkedHashMap<>();
        synchronized (order) {
            order.fulfilmentOrders().values().forEach(fo -> fo.lineItems
                    .forEach(item -> left.merge(item.sku, item.remaining, Integer::sum)));
        }
        return left;
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

    /**
     * Stalling: every call waits, unanswered, until {@code stall(false)} lets the store go (at most two minutes),
     * as a store that is overloaded or whose network is gone; the calls are then answered as usual.
     */
    public void stall(boolean stall) {
        server.stall(stall);
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
        synchronized (order) {
            return orderNodeOf(order);
        }
    }

    private static JsonNode orderNodeOf(Order order) {
        ObjectNode node = Json.mapper().createObjectNode().put("id", order.id());
        if (order.cancelled()[0]) {
            node.put("cancelledAt", "2026-12-06T00:00:00Z");
        } else {
            node.putNull("cancelledAt");
        }
        ArrayNode fos = node.putObject("fulfillmentOrders").putArray("nodes");
        order.fulfilmentOrders().values().forEach(fo -> {
            ArrayNode items = fos.addObject().put("id", fo.id).put("status", fo.status).putObject("lineItems")
                    .putArray("nodes");
            fo.lineItems.forEach(item -> items.addObject().put("id", item.id).put("remainingQuantity", item.remaining)
                    .putObject("lineItem").put("id", item.lineItemId).put("sku", item.sku));
        });
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
        JsonNode asked = input.path("lineItemsByFulfillmentOrder");
        Order order = asked.isEmpty() ? null : byFulfilmentOrder(asked.get(0).path("fulfillmentOrderId").asString());
        if (order == null) {
            return refused(payload, errors, "fulfillment", "Fulfillment order does not exist");
        }
        Map<String, Integer> units = new LinkedHashMap<>();
        synchronized (order) {
            Map<FulfilmentOrderLineItem, Integer> taking = new LinkedHashMap<>();
            for (int i = 0; i < asked.size(); i++) {
                String problem = take(order, asked.get(i), taking);
                if (problem != null) {
                    return refused(payload, errors, "lineItemsByFulfillmentOrder." + i, problem);
                }
            }
            taking.forEach((item, quantity) -> {
                item.remaining -= quantity;
                units.merge(item.sku, quantity, Integer::sum);
            });
            asked.forEach(fo -> order.fulfilmentOrders().get(fo.path("fulfillmentOrderId").asString()).settle());
        }
        JsonNode tracking = input.path("trackingInfo");
        String id = "gid://shopify/Fulfillment/" + ids.incrementAndGet();
        Fulfilment fulfilment = new Fulfilment(id, numbers(tracking), tracking.path("company").asString(null),
                input.path("notifyCustomer").asBoolean(false), units);
        order.fulfilments().add(fulfilment);
        server.told(order.name() + " fulfilled: " + fulfilment.company() + " " + String.join(", ", fulfilment.numbers())
                + describe(units) + (fulfilment.notified() ? " (customer notified)" : ""));
        payload.putObject("fulfillment").put("id", id);
        return payload;
    }

    /**
     * What one fulfilment order of a fulfillmentCreate takes, added to {@code taking}: the line items and
     * quantities it names, or everything left of it when it names none. A problem as Shopify words it, or null.
     */
    private static String take(Order order, JsonNode asked, Map<FulfilmentOrderLineItem, Integer> taking) {
        FulfilmentOrder fo = order.fulfilmentOrders().get(asked.path("fulfillmentOrderId").asString());
        if (fo == null) {
            return "Fulfillment order " + asked.path("fulfillmentOrderId").asString() + " is not of order " + order.name();
        }
        if (!fo.open()) {
            return "Fulfillment order " + fo.id + " is not open (" + fo.status + ")";
        }
        JsonNode lines = asked.path("fulfillmentOrderLineItems");
        if (lines.isMissingNode() || lines.isNull()) {
            fo.lineItems.stream().filter(item -> item.remaining > 0).forEach(item -> taking.put(item, item.remaining));
            return null;
        }
        for (JsonNode line : lines) {
            String lineId = line.path("id").asString("");
            int quantity = line.path("quantity").asInt(0);
            FulfilmentOrderLineItem item = fo.lineItems.stream().filter(i -> i.id.equals(lineId)).findFirst()
                    .orElse(null);
            if (item == null) {
                return "Fulfillment order line item " + lineId + " is not in fulfillment order " + fo.id;
            }
            int after = taking.getOrDefault(item, 0) + quantity;
            if (quantity < 1 || after > item.remaining) {
                return "Invalid fulfillment order line item quantity requested: " + after + " of " + item.sku
                        + " asked, " + item.remaining + " remaining";
            }
            taking.put(item, after);
        }
        return null;
    }

    private static ObjectNode refused(ObjectNode payload, ArrayNode errors, String field, String message) {
        errors.addObject().put("field", field).put("message", message);
        payload.putNull("fulfillment");
        return payload;
    }

    private static String describe(Map<String, Integer> units) {
        return units.isEmpty() ? "" : " (" + String.join(", ", units.entrySet().stream()
                .map(e -> e.getValue() + " x " + e.getKey()).toList()) + ")";
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
                                variables.path("notifyCustomer").asBoolean(false), f.units()));
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

    /**
     * {@code GET /simulator/received}: each order with its fulfilments (tracking numbers and the units of each
     * SKU taken), the units of each SKU not fulfilled yet and whether it was cancelled, and each SKU's stock as
     * set.
     */
    private JsonNode received() {
        ObjectNode body = Json.mapper().createObjectNode().put("platform", "SHOPIFY").put("domain", domain);
        ArrayNode orders = body.putArray("orders");
        synchronized (ordersByName) {
            for (Order order : ordersByName.values()) {
                ObjectNode node = orders.addObject().put("name", order.name()).put("id", order.id())
                        .put("cancelled", order.cancelled()[0]);
                ObjectNode left = node.putObject("unitsLeft");
                unitsLeft(order.name()).forEach((sku, n) -> left.put(sku, n.intValue()));
                ArrayNode fulfilments = node.putArray("fulfilments");
                synchronized (order.fulfilments()) {
                    order.fulfilments().forEach(f -> {
                        ObjectNode fulfilment = fulfilments.addObject().put("company", f.company())
                                .put("notifyCustomer", f.notified());
                        f.numbers().forEach(fulfilment.putArray("trackingNumbers")::add);
                        ObjectNode units = fulfilment.putObject("units");
                        f.units().forEach((sku, n) -> units.put(sku, n.intValue()));
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
