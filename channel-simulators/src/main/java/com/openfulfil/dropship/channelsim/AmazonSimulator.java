package com.openfulfil.dropship.channelsim;

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
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Amazon seller's Selling Partner API (Orders v0) and Login with Amazon on the JDK's HTTP server:
 * tokens for a refresh token (expiring after {@code tokenSeconds}), getOrders by LastUpdatedAfter in
 * pages of {@code pageSize} with NextToken, getOrder, getOrderItems and confirmShipment (which marks
 * the items shipped). As Amazon does, getOrders and getOrder leave out the restricted data (the
 * buyer's name and e-mail, the street of the address) unless getOrder is called with a Restricted Data
 * Token for that order ({@code POST /tokens/2021-03-01/restrictedDataToken}). The Feeds API (2021-06-30)
 * takes the seller's order feeds: a feed document is created, its XML uploaded to the URL it names (no
 * access token there, as for Amazon's presigned URLs), and the feed created from it is processed at once, or
 * once let go while feeds are held in the queue ({@link Feeds}): an order acknowledgement with
 * {@code StatusCode} Failure cancels the order, an order fulfilment for items already shipped corrects their
 * carrier and tracking number, and getFeed and the processing report say how each message went. A call with a missing or expired token is 403; a
 * configurable number of calls (or of feed calls alone) is answered 429 with Retry-After. What it
 * received is at {@code GET /simulator/received}.
 */
public final class AmazonSimulator implements AutoCloseable {
    /** The marketplace the simulated seller sells on (Amazon.com). */
    public static final String MARKETPLACE = "ATVPDKIKX0DER";
    private static final Pattern ORDER = Pattern.compile("/orders/v0/orders/([^/]+)(/orderItems|/shipmentConfirmation)?");

    public record Confirmation(String amazonOrderId, String carrierCode, String trackingNumber, int items) {
    }

    /** An order the seller cancelled with an order acknowledgement feed, with the reason given for its items. */
    public record Cancellation(String amazonOrderId, String cancelReason, int items) {
    }

    /** Shipped items given another carrier and tracking number by an order fulfilment feed. */
    public record TrackingCorrection(String amazonOrderId, String carrierCode, String trackingNumber, int items) {
    }

    private final SimulatedServer server;
    private final String refreshToken;
    private final int pageSize;
    private final Map<String, ObjectNode> orders = new ConcurrentHashMap<>();
    private final Map<String, List<ObjectNode>> items = new ConcurrentHashMap<>();
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    /** Restricted Data Tokens: each the one order path it opens. */
    private final Map<String, String> restrictedTokens = new ConcurrentHashMap<>();
    private final List<String> lastUpdatedAfters = Collections.synchronizedList(new ArrayList<>());
    private final List<Confirmation> confirmations = Collections.synchronizedList(new ArrayList<>());
    /** The seller's listings (its SKUs) and every quantity set for each, through the Listings Items API. */
    private final Map<String, List<Integer>> listings = Collections.synchronizedMap(new LinkedHashMap<>());
    /** The simulated seller's id, in the Listings Items API's paths. */
    public static final String SELLER_ID = "A2SELLERDEMO";
    private final AtomicInteger refreshes = new AtomicInteger();
    private final AtomicInteger refusedTokens = new AtomicInteger();
    private volatile int tokenSeconds = 3600;
    private final Feeds feeds;

    public AmazonSimulator(String refreshToken, int pageSize) {
        this(refreshToken, pageSize, 0);
    }

    /** A seller's API on {@code port} of the loopback address (0: a free one). */
    public AmazonSimulator(String refreshToken, int pageSize, int port) {
        this.refreshToken = refreshToken;
        this.pageSize = pageSize;
        this.feeds = new Feeds(this);
        this.server = new SimulatedServer(port, Map.of("/auth/o2/token", this::token, "/orders/v0/orders", this::orders,
                "/listings/2021-08-01/items/", this::listings, "/tokens/2021-03-01/restrictedDataToken",
                this::restrictedDataToken, "/feeds/2021-06-30/", feeds::api, Feeds.UPLOADS, feeds::upload),
                this::received);
    }

    /** {@code listener} hears of every shipment confirmed. */
    public void onReceived(Consumer<String> listener) {
        server.listener(listener);
    }

    public URI endpoint() {
        return server.url();
    }

    public URI lwaUrl() {
        return URI.create(endpoint() + "/auth/o2/token");
    }

    /** An order with one item of {@code sku}, updated at {@code updated}. */
    public void putOrder(String id, String status, Instant updated, String sku, int quantity) {
        putOrder(id, status, updated, new Purchase("Grace", "Hopper", "buyer-" + id + "@marketplace.amazon.com",
                "1 Navy Way", "Arlington", "22201", "US", List.of(new Purchase.Item(sku, quantity, sku))));
    }

    /** A customer's order of {@code purchase}, updated at {@code updated}; its items are kept from the first put. */
    public void putOrder(String id, String status, Instant updated, Purchase purchase) {
        ObjectNode order = Json.mapper().createObjectNode().put("AmazonOrderId", id).put("OrderStatus", status)
                .put("LastUpdateDate", updated.toString()).put("PurchaseDate", updated.toString())
                .put("MarketplaceId", MARKETPLACE);
        order.putObject("OrderTotal").put("CurrencyCode", "USD").put("Amount", "25.00");
        order.putObject("BuyerInfo").put("BuyerEmail", purchase.email());
        order.putObject("ShippingAddress").put("Name", purchase.name()).put("AddressLine1", purchase.line1())
                .put("City", purchase.city()).put("PostalCode", purchase.postalCode())
                .put("CountryCode", purchase.country());
        orders.put(id, order);
        items.computeIfAbsent(id, k -> {
            List<ObjectNode> list = Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < purchase.items().size(); i++) {
                Purchase.Item item = purchase.items().get(i);
                list.add(Json.mapper().createObjectNode().put("OrderItemId", "item-" + id + "-" + i)
                        .put("SellerSKU", item.sku()).put("Title", item.title()).put("QuantityOrdered", item.quantity())
                        .put("QuantityShipped", 0));
            }
            return list;
        });
    }

    /** A SKU the seller lists (its offer's quantity is then set with patchListingsItem). */
    public void addListing(String sku) {
        listings.putIfAbsent(sku, Collections.synchronizedList(new ArrayList<>()));
    }

    /** Every quantity set for the SKU's offer, in order. */
    public List<Integer> stockSets(String sku) {
        return List.copyOf(listings.getOrDefault(sku, List.of()));
    }

    public void tokenSeconds(int seconds) {
        tokenSeconds = seconds;
    }

    public void tooManyRequests(int calls) {
        server.tooManyRequests(calls, 1);
    }

    /** The next {@code calls} calls to the Feeds API (not to the upload URL) are answered 429 with Retry-After 1. */
    public void tooManyFeedRequests(int calls) {
        feeds.tooManyRequests(calls);
    }

    /** The next {@code feeds} feeds created are not processed ({@code FATAL}), as Amazon fails a feed now and then. */
    public void failFeeds(int feeds) {
        this.feeds.fail(feeds);
    }

    /**
     * Held: the feeds created stay {@code IN_QUEUE}, unprocessed, as in Amazon's queue at a busy time; let go, those
     * waiting are processed in the order they came, and the next ones at once.
     */
    public void holdFeeds(boolean hold) {
        feeds.hold(hold);
    }

    /** How many feeds created name the order (sent to cancel it or correct its tracking). */
    public int feedsNaming(String amazonOrderId) {
        return feeds.feedsNaming(amazonOrderId);
    }

    /** Feeds API calls answered 429 so far. */
    public int feedCallsThrottled() {
        return feeds.throttled();
    }

    /** Every order cancelled by a feed, in order. */
    public List<Cancellation> cancellations() {
        return feeds.cancellations();
    }

    /** Every correction of shipped items' tracking made by a feed, in order. */
    public List<TrackingCorrection> trackingCorrections() {
        return feeds.trackingCorrections();
    }

    /** Every feed created, as {@code feedType} per feed, in order. */
    public List<String> feedTypes() {
        return feeds.feedTypes();
    }

    /** The order's status as getOrder shows it ({@code Unshipped}, {@code Canceled}, ...); null: no such order. */
    public String orderStatus(String amazonOrderId) {
        ObjectNode order = orders.get(amazonOrderId);
        return order == null ? null : order.path("OrderStatus").asString();
    }

    /** The order's LastUpdateDate; null: no such order. */
    public Instant lastUpdated(String amazonOrderId) {
        ObjectNode order = orders.get(amazonOrderId);
        return order == null ? null : Instant.parse(order.path("LastUpdateDate").asString());
    }

    /** The tracking numbers the order's shipped items go under now, in the order first given. */
    public List<String> trackingNumbers(String amazonOrderId) {
        return items.getOrDefault(amazonOrderId, List.of()).stream().map(i -> i.path("TrackingNumber").asString(""))
                .filter(number -> !number.isEmpty()).distinct().toList();
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

    /** The units of the order's items confirmed shipped so far. */
    public int unitsShipped(String amazonOrderId) {
        return items.getOrDefault(amazonOrderId, List.of()).stream().mapToInt(i -> i.path("QuantityShipped").asInt()).sum();
    }

    /** How many Restricted Data Tokens were asked for (one per order whose buyer was read). */
    public int restrictedDataTokens() {
        return restrictedTokens.size();
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
            if (refused(exchange)) {
                return;
            }
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
            if (path.equals("/orders/v0/orders")) {
                reply(exchange, 200, getOrders(query));
                return;
            }
            if (restrictedTokens.containsKey(String.valueOf(exchange.getRequestHeaders().getFirst("x-amz-access-token")))
                    && !path.equals(restrictedTokens.get(exchange.getRequestHeaders().getFirst("x-amz-access-token")))) {
                reply(exchange, 403, errors("Unauthorized", "The Restricted Data Token is for another resource"));
                return;
            }
            Matcher matcher = ORDER.matcher(path);
            if (!matcher.matches() || !orders.containsKey(matcher.group(1))) {
                reply(exchange, 404, errors("NotFound", "No such order"));
                return;
            }
            String id = matcher.group(1);
            String part = matcher.group(2) == null ? "" : matcher.group(2);
            String token = String.valueOf(exchange.getRequestHeaders().getFirst("x-amz-access-token"));
            switch (part) {
                case "" -> reply(exchange, 200, payload(path.equals(restrictedTokens.get(token))
                        ? orders.get(id) : withoutRestrictedData(orders.get(id))));
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
                                    + line.path("quantity").asInt())
                                    .put("TrackingNumber", detail.path("trackingNumber").asString())));
                    Confirmation confirmation = new Confirmation(id, detail.path("carrierCode").asString(),
                            detail.path("trackingNumber").asString(), detail.path("orderItems").size());
                    confirmations.add(confirmation);
                    server.told("order " + id + " shipment confirmed: " + confirmation.carrierCode() + " "
                            + confirmation.trackingNumber() + " (" + confirmation.items() + " item(s))");
                    exchange.sendResponseHeaders(204, -1);
                }
            }
        }
    }

    /**
     * {@code createRestrictedDataToken}: for a valid access token, a token that opens the one getOrder path named
     * with its {@code buyerInfo} and {@code shippingAddress}.
     */
    private void restrictedDataToken(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode resources = Json.mapper().readTree(exchange.getRequestBody().readAllBytes()).path("restrictedResources");
            if (refused(exchange)) {
                return;
            }
            JsonNode resource = resources.path(0);
            if (!"POST".equals(exchange.getRequestMethod()) || resources.size() != 1
                    || !"GET".equals(resource.path("method").asString()) || !ORDER.matcher(resource.path("path").asString(""))
                    .matches()) {
                reply(exchange, 400, errors("InvalidInput", "One getOrder resource is simulated"));
                return;
            }
            String token = "Atz.sprdt|" + UUID.randomUUID();
            restrictedTokens.put(token, resource.path("path").asString());
            reply(exchange, 200, Json.mapper().createObjectNode().put("restrictedDataToken", token).put("expiresIn", 3600));
        }
    }

    /** The order as getOrders and getOrder show it without a Restricted Data Token: no buyer, no street. */
    private static ObjectNode withoutRestrictedData(ObjectNode order) {
        ObjectNode open = order.deepCopy();
        open.remove("BuyerInfo");
        ObjectNode address = (ObjectNode) open.path("ShippingAddress");
        address.remove(List.of("Name", "AddressLine1", "AddressLine2", "Phone"));
        return open;
    }

    /** Answers 403 for a missing, unknown or expired access token, or as the server is set to (down, 429); true when it did. */
    private boolean refused(HttpExchange exchange) throws IOException {
        String presented = String.valueOf(exchange.getRequestHeaders().getFirst("x-amz-access-token"));
        Instant valid = restrictedTokens.containsKey(presented) ? Instant.MAX : tokens.get(presented);
        if (valid == null || !Instant.now().isBefore(valid)) {
            refusedTokens.incrementAndGet();
            reply(exchange, 403, errors("Unauthorized", "The access token is missing, invalid or expired"));
            return true;
        }
        return server.refuse(exchange);
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
        matching.stream().skip(offset).limit(pageSize).map(AmazonSimulator::withoutRestrictedData).forEach(page::add);
        if (offset + pageSize < matching.size()) {
            payload.put("NextToken", (offset + pageSize) + "|" + after);
        }
        return Json.mapper().createObjectNode().set("payload", payload);
    }

    /**
     * patchListingsItem ({@code PATCH /listings/2021-08-01/items/<sellerId>/<sku>?marketplaceIds=...}): a
     * merge of {@code /attributes/fulfillment_availability} sets the offer's quantity. A SKU the seller does
     * not list is 404, another seller's path 403.
     */
    private void listings(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (refused(exchange)) {
                return;
            }
            String[] parts = exchange.getRequestURI().getPath().substring("/listings/2021-08-01/items/".length()).split("/");
            String sku = parts.length == 2 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "";
            if (!"PATCH".equals(exchange.getRequestMethod()) || parts.length != 2 || !parts[0].equals(SELLER_ID)) {
                reply(exchange, 403, errors("Unauthorized", "Not this seller's listings"));
                return;
            }
            if (!listings.containsKey(sku) || !form(exchange.getRequestURI().getRawQuery()).containsKey("marketplaceIds")) {
                reply(exchange, 404, errors("NOT_FOUND", "SKU " + sku + " is not listed"));
                return;
            }
            JsonNode patch = Json.mapper().readTree(body).path("patches").path(0);
            JsonNode availability = patch.path("value").path(0);
            if (!"/attributes/fulfillment_availability".equals(patch.path("path").asString())
                    || !availability.has("quantity")) {
                reply(exchange, 400, errors("InvalidInput", "Only fulfillment_availability quantities are simulated"));
                return;
            }
            int quantity = availability.path("quantity").asInt();
            listings.get(sku).add(quantity);
            server.told("quantity of " + sku + " set to " + quantity);
            reply(exchange, 200, Json.mapper().createObjectNode().put("sku", sku).put("status", "ACCEPTED")
                    .put("submissionId", UUID.randomUUID().toString()).set("issues", Json.mapper().createArrayNode()));
        }
    }

    /**
     * {@code GET /simulator/received}: every shipment confirmed, order cancelled and tracking corrected, in order, and
     * each listing's quantities as set.
     */
    private JsonNode received() {
        ObjectNode body = Json.mapper().createObjectNode().put("platform", "AMAZON").put("endpoint", endpoint().toString());
        ArrayNode list = body.putArray("shipmentConfirmations");
        confirmations().forEach(c -> list.addObject().put("amazonOrderId", c.amazonOrderId())
                .put("carrierCode", c.carrierCode()).put("trackingNumber", c.trackingNumber()).put("items", c.items()));
        ArrayNode cancelled = body.putArray("cancellations");
        cancellations().forEach(c -> cancelled.addObject().put("amazonOrderId", c.amazonOrderId())
                .put("cancelReason", c.cancelReason()).put("items", c.items()));
        ArrayNode corrected = body.putArray("trackingCorrections");
        trackingCorrections().forEach(c -> corrected.addObject().put("amazonOrderId", c.amazonOrderId())
                .put("carrierCode", c.carrierCode()).put("trackingNumber", c.trackingNumber()).put("items", c.items()));
        ObjectNode stock = body.putObject("stock");
        synchronized (listings) {
            listings.keySet().forEach(sku -> stockSets(sku).forEach(stock.putArray(sku)::add));
        }
        return body;
    }

    /** The order, to be changed by a feed; null: no such order. */
    ObjectNode order(String amazonOrderId) {
        return orders.get(amazonOrderId);
    }

    /** The order's items, to be changed by a feed; empty: no such order. */
    List<ObjectNode> itemsOf(String amazonOrderId) {
        return items.getOrDefault(amazonOrderId, List.of());
    }

    /** Whether the call carries a valid access token and the server takes it now; answers it when not. */
    boolean admits(HttpExchange exchange) throws IOException {
        return !refused(exchange);
    }

    SimulatedServer server() {
        return server;
    }

    private static ObjectNode payload(JsonNode node) {
        ObjectNode answer = Json.mapper().createObjectNode();
        answer.set("payload", node);
        return answer;
    }

    static ObjectNode errors(String code, String message) {
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

    static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
        SimulatedServer.reply(exchange, status, body);
    }

    @Override
    public void close() {
        server.close();
    }
}
