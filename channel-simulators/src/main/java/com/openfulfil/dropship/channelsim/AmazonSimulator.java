package com.openfulfil.dropship.channel.simulator;

import com.openfulfil.dropship.events.serde.Json;
import com.sun.net.httpserver.HttpExchange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Amazon seller's Selling Partner API (Orders v0) and Login with Amazon on the JDK's HTTP server:
 * tokens for a refresh token (expiring after {@code tokenSeconds}), getOrders by LastUpdatedAfter in
 * pages of {@code pageSize} with NextToken, getOrder, getOrderItems and confirmShipment (which marks
 * the items shipped). A call with a missing or expired token is 403; a configurable number of calls
 * is answered 429 with Retry-After.
 */
public final class AmazonSimulator implements AutoCloseable {
    private static final Pattern ORDER = Pattern.compile("/orders/v0/orders/([^/]+)(/orderItems|/shipmentConfirmation)?");

    public record Confirmation(String amazonOrderId, String carrierCode, String trackingNumber, int items) {
    }

    private final SimulatedServer server;
    private final String refreshToken;
    private final int pageSize;
    private final Map<String, ObjectNode> orders = new ConcurrentHashMap<>();
    private final Map<String, List<ObjectNode>> items = new ConcurrentHashMap<>();
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final List<String> lastUpdatedAfters = Collections.synchronizedList(new ArrayList<>());
    private final List<Confirmation> confirmations = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger refreshes = new AtomicInteger();
    private final AtomicInteger refusedTokens = new AtomicInteger();
    private volatile int tokenSeconds = 3600;

    public AmazonSimulator(String refreshToken, int pageSize) throws IOException {
        this.refreshToken = refreshToken;
        this.pageSize = pageSize;
        this.server = new SimulatedServer(Map.of("/auth/o2/token", this::token, "/orders/v0/orders", this::orders));
    }

    public URI endpoint() {
        return server.url();
    }

    public URI lwaUrl() {
        return URI.create(endpoint() + "/auth/o2/token");
    }

    /** An order with one item of {@code sku}, updated at {@code updated}. */
    public void putOrder(String id, String status, Instant updated, String sku, int quantity) {
        ObjectNode order = Json.mapper().createObjectNode().put("AmazonOrderId", id).put("OrderStatus", status)
                .put("LastUpdateDate", updated.toString()).put("PurchaseDate", updated.toString())
                .put("MarketplaceId", "ATVPDKIKX0DER");
        order.putObject("OrderTotal").put("CurrencyCode", "USD").put("Amount", "25.00");
        order.putObject("BuyerInfo").put("BuyerEmail", "buyer-" + id + "@marketplace.amazon.com");
        order.putObject("ShippingAddress").put("Name", "Grace Hopper").put("AddressLine1", "1 Navy Way")
                .put("City", "Arlington").put("StateOrRegion", "VA").put("PostalCode", "22201").put("CountryCode", "US");
        orders.put(id, order);
        items.computeIfAbsent(id, k -> {
            ObjectNode item = Json.mapper().createObjectNode().put("OrderItemId", "item-" + id).put("SellerSKU", sku)
                    .put("QuantityOrdered", quantity).put("QuantityShipped", 0);
            return Collections.synchronizedList(new ArrayList<>(List.of(item)));
        });
    }

    public void tokenSeconds(int seconds) {
        tokenSeconds = seconds;
    }

    public void tooManyRequests(int calls) {
        server.tooManyRequests(calls, 1);
    }

    /** The LastUpdatedAfter of every first-page getOrders, in order. */
    public List<String> lastUpdatedAfters() {
        return List.copyOf(lastUpdatedAfters);
    }

    public List<Confirmation> confirmations() {
        return List.copyOf(confirmations);
    }

    public int refreshes() {
        return refreshes.get();
    }

    /** Calls made with a missing, unknown or expired access token. */
    public int refusedTokens() {
        return refusedTokens.get();
    }

    private void token(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (!"refresh_token".equals(form.get("grant_type")) || !refreshToken.equals(form.get("refresh_token"))) {
                reply(exchange, 400, Json.mapper().createObjectNode().put("error", "invalid_grant"));
                return;
            }
            refreshes.incrementAndGet();
            String token = "Atza|" + UUID.randomUUID();
            tokens.put(token, Instant.now().plusSeconds(tokenSeconds));
            reply(exchange, 200, Json.mapper().createObjectNode().put("access_token", token)
                    .put("token_type", "bearer").put("expires_in", tokenSeconds));
        }
    }

    private void orders(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Instant valid = tokens.get(String.valueOf(exchange.getRequestHeaders().getFirst("x-amz-access-token")));
            if (valid == null || !Instant.now().isBefore(valid)) {
                refusedTokens.incrementAndGet();
                reply(exchange, 403, errors("Unauthorized", "The access token is missing, invalid or expired"));
                return;
            }
            if (server.refuse(exchange)) {
                return;
            }
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
            if (path.equals("/orders/v0/orders")) {
                reply(exchange, 200, getOrders(query));
                return;
            }
            Matcher matcher = ORDER.matcher(path);
            if (!matcher.matches() || !orders.containsKey(matcher.group(1))) {
                reply(exchange, 404, errors("NotFound", "No such order"));
                return;
            }
            String id = matcher.group(1);
            String part = matcher.group(2) == null ? "" : matcher.group(2);
            switch (part) {
                case "" -> reply(exchange, 200, payload(orders.get(id)));
                case "/orderItems" -> {
                    ObjectNode payload = Json.mapper().createObjectNode().put("AmazonOrderId", id);
                    ArrayNode list = payload.putArray("OrderItems");
                    items.get(id).forEach(list::add);
                    reply(exchange, 200, Json.mapper().createObjectNode().set("payload", payload));
                }
                default -> {
                    JsonNode detail = Json.mapper().readTree(body).path("packageDetail");
                    detail.path("orderItems").forEach(line -> items.get(id).stream()
                            .filter(i -> i.path("OrderItemId").asString().equals(line.path("orderItemId").asString()))
                            .forEach(i -> i.put("QuantityShipped", i.path("QuantityShipped").asInt()
                                    + line.path("quantity").asInt())));
                    confirmations.add(new Confirmation(id, detail.path("carrierCode").asString(),
                            detail.path("trackingNumber").asString(), detail.path("orderItems").size()));
                    exchange.sendResponseHeaders(204, -1);
                }
            }
        }
    }

    private ObjectNode getOrders(Map<String, String> query) {
        String next = query.get("NextToken");
        String after = next != null ? next.substring(next.indexOf('|') + 1) : query.get("LastUpdatedAfter");
        int offset = next != null ? Integer.parseInt(next.substring(0, next.indexOf('|'))) : 0;
        if (next == null) {
            lastUpdatedAfters.add(after);
        }
        Instant from = Instant.parse(after);
        List<ObjectNode> matching = orders.values().stream()
                .filter(o -> Instant.parse(o.path("LastUpdateDate").asString()).isAfter(from))
                .sorted(Comparator.comparing(o -> o.path("LastUpdateDate").asString())).toList();
        ObjectNode payload = Json.mapper().createObjectNode();
        ArrayNode page = payload.putArray("Orders");
        matching.stream().skip(offset).limit(pageSize).forEach(page::add);
        if (offset + pageSize < matching.size()) {
            payload.put("NextToken", (offset + pageSize) + "|" + after);
        }
        return Json.mapper().createObjectNode().set("payload", payload);
    }

    private static ObjectNode payload(JsonNode node) {
        ObjectNode answer = Json.mapper().createObjectNode();
        answer.set("payload", node);
        return answer;
    }

    private static ObjectNode errors(String code, String message) {
        ObjectNode answer = Json.mapper().createObjectNode();
        answer.putArray("errors").addObject().put("code", code).put("message", message);
        return answer;
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
        SimulatedServer.reply(exchange, status, body);
    }

    @Override
    public void close() {
        server.close();
    }
}
