package com.openfulfil.dropship.channel.connector;

import com.openfulfil.dropship.channel.config.ChannelProperties;
import com.openfulfil.dropship.channel.domain.OutboundCall;
import com.openfulfil.dropship.channel.domain.ParcelLine;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Shopify store's side of the calls, through its GraphQL Admin API. Each call first reads what the
 * store already has and does only what is missing, so a call made again (after a restart, or when the
 * store answered after we gave up waiting) changes nothing the second time: a parcel whose tracking
 * number is on a fulfilment already is not fulfilled again.
 *
 * <p>A parcel that says what it holds is a fulfilment of those units alone: each of our lines is matched to
 * the store's fulfilment-order line item (the one an earlier parcel matched, else the open one with the
 * line's SKU), and the match is told back to the order's task ({@link LinesMatched}) for the line's next
 * parcels. Shopify refuses more units than a line item has left, and so the call is refused, for ops.
 * A parcel that does not say fulfils every line still open on the order's fulfilment orders; a later
 * such parcel of the same order, with nothing left open, adds its tracking number to the order's
 * latest fulfilment.
 */
final class ShopifyStoreClient implements ChannelClient {
    static final String FIND_ORDER = """
            query findOrder($query: String!) { orders(first: 1, query: $query) { nodes { id name } } }""";
    static final String ORDER = """
            query fulfillmentOrders($id: ID!) { order(id: $id) { id cancelledAt \
            fulfillmentOrders(first: 50) { nodes { id status \
            lineItems(first: 100) { nodes { id remainingQuantity lineItem { id sku } } } } } \
            fulfillments(first: 50) { id trackingInfo(first: 20) { number company url } } } }""";
    static final String FULFILLMENT_CREATE = """
            mutation fulfillmentCreate($fulfillment: FulfillmentInput!) { fulfillmentCreate(fulfillment: $fulfillment) \
            { fulfillment { id } userErrors { field message } } }""";
    static final String TRACKING_UPDATE = """
            mutation fulfillmentTrackingInfoUpdate($fulfillmentId: ID!, $trackingInfoInput: FulfillmentTrackingInput!, \
            $notifyCustomer: Boolean) { fulfillmentTrackingInfoUpdate(fulfillmentId: $fulfillmentId, \
            trackingInfoInput: $trackingInfoInput, notifyCustomer: $notifyCustomer) \
            { fulfillment { id } userErrors { field message } } }""";
    static final String ORDER_CANCEL = """
            mutation orderCancel($orderId: ID!, $refund: Boolean!, $restock: Boolean!, $reason: OrderCancelReason!, \
            $notifyCustomer: Boolean) { orderCancel(orderId: $orderId, refund: $refund, restock: $restock, \
            reason: $reason, notifyCustomer: $notifyCustomer) { job { id } orderCancelUserErrors { field message } } }""";
    static final String FIND_VARIANT = """
            query variantBySku($query: String!) { productVariants(first: 1, query: $query) \
            { nodes { sku inventoryItem { id } } } }""";
    static final String SET_QUANTITIES = """
            mutation inventorySetQuantities($input: InventorySetQuantitiesInput!) { inventorySetQuantities(input: $input) \
            { inventoryAdjustmentGroup { id } userErrors { field message } } }""";

    private static final List<String> OPEN = List.of("OPEN", "IN_PROGRESS");

    /** Hears which of the store's line items a fulfilment found for our lines (line number to line item id). */
    interface LinesMatched {
        void matched(OutboundCall call, Map<Integer, String> storeLineItems);
    }

    /** A line item of an open fulfilment order. */
    private record OpenLineItem(String fulfilmentOrderId, String id, String sku, int remaining) {
    }

    private final ChannelProperties.ShopifyStore store;
    private final GraphQl graphQl;
    private final TrackingLinks links;
    private final LinesMatched linesMatched;

    ShopifyStoreClient(ChannelProperties.ShopifyStore store, Duration timeout, TrackingLinks links,
                       LinesMatched linesMatched) {
        this.store = store;
        this.graphQl = new GraphQl(store.graphqlUrl(), store.adminToken(), timeout);
        this.links = links;
        this.linesMatched = linesMatched;
    }

    @Override
    public void send(OutboundCall call) {
        switch (call.kind()) {
            case FULFIL -> fulfil(call);
            case RETRACK -> retrack(call);
            case CANCEL -> cancel(call);
            case STOCK -> stock(call);
            case COMPLETE -> {
                // a Shopify order is done once fulfilled: nothing more to tell
            }
        }
    }

    private void fulfil(OutboundCall call) {
        JsonNode order = order(call);
        if (fulfilmentWith(order, call.trackingNumber()).isPresent()) {
            return;  // told already: the earlier call got through
        }
        if (call.items() != null) {
            fulfilLines(call, order);
            return;
        }
        List<String> open = new ArrayList<>();
        order.path("fulfillmentOrders").path("nodes").forEach(fo -> {
            if (OPEN.contains(fo.path("status").asString(""))) {
                open.add(fo.path("id").asString());
            }
        });
        if (open.isEmpty()) {
            JsonNode latest = latestFulfilment(order).orElseThrow(() -> new ChannelRefusedException("Order "
                    + call.externalRef() + " has nothing left to fulfil and no fulfilment to add parcel "
                    + call.trackingNumber() + " to"));
            List<String> numbers = numbers(latest);
            numbers.add(call.trackingNumber());
            updateTracking(latest.path("id").asString(), numbers, call);
            return;
        }
        create(open.stream().map(id -> Map.<String, Object>of("fulfillmentOrderId", id)).toList(), call);
    }

    /** One fulfilment of the parcel's units, line item by line item. */
    private void fulfilLines(OutboundCall call, JsonNode order) {
        List<OpenLineItem> open = openLineItems(order);
        Map<String, Map<String, Integer>> byFulfilmentOrder = new LinkedHashMap<>();
        Map<Integer, String> matched = new LinkedHashMap<>();
        for (ParcelLine line : call.items()) {
            OpenLineItem item = lineItemOf(line, open, matched).orElseThrow(() -> new ChannelRefusedException("Order "
                    + call.externalRef() + " has no open line item for " + describe(line) + " of parcel "
                    + call.trackingNumber()));
            byFulfilmentOrder.computeIfAbsent(item.fulfilmentOrderId(), fo -> new LinkedHashMap<>())
                    .merge(item.id(), line.quantity(), Integer::sum);
            if (line.lineNo() != null) {
                matched.put(line.lineNo(), item.id());
            }
        }
        create(byFulfilmentOrder.entrySet().stream().map(fo -> Map.<String, Object>of("fulfillmentOrderId", fo.getKey(),
                "fulfillmentOrderLineItems", fo.getValue().entrySet().stream()
                        .map(li -> Map.of("id", li.getKey(), "quantity", li.getValue())).toList())).toList(), call);
        matched.entrySet().removeIf(m -> call.items().stream().anyMatch(line -> m.getKey().equals(line.lineNo())
                && m.getValue().equals(line.storeLineItemId())));
        if (!matched.isEmpty()) {
            linesMatched.matched(call, matched);
        }
    }

    /**
     * The store's line item of one of our lines: the one an earlier parcel matched while it is still open,
     * else the open one with the line's SKU that has units left and is not another of our lines'.
     */
    private static Optional<OpenLineItem> lineItemOf(ParcelLine line, List<OpenLineItem> open,
                                                     Map<Integer, String> matched) {
        if (line.storeLineItemId() != null) {
            Optional<OpenLineItem> known = open.stream().filter(i -> i.id().equals(line.storeLineItemId())).findFirst();
            if (known.isPresent()) {
                return known;
            }
        }
        List<OpenLineItem> sameSku = open.stream().filter(i -> i.sku().equals(line.sku()))
                .filter(i -> !matched.containsValue(i.id()) || i.id().equals(matched.get(line.lineNo()))).toList();
        // none with units left: the first of them, so the store's refusal names the quantity
        return sameSku.stream().filter(i -> i.remaining() > 0).findFirst().or(() -> sameSku.stream().findFirst());
    }

    private static List<OpenLineItem> openLineItems(JsonNode order) {
        List<OpenLineItem> items = new ArrayList<>();
        order.path("fulfillmentOrders").path("nodes").forEach(fo -> {
            if (OPEN.contains(fo.path("status").asString(""))) {
                fo.path("lineItems").path("nodes").forEach(item -> items.add(new OpenLineItem(fo.path("id").asString(),
                        item.path("id").asString(), item.path("lineItem").path("sku").asString(""),
                        item.path("remainingQuantity").asInt(0))));
            }
        });
        return items;
    }

    private static String describe(ParcelLine line) {
        return (line.lineNo() == null ? "" : "line " + line.lineNo() + " ") + "(" + line.sku() + ")";
    }

    private void create(List<Map<String, Object>> lineItemsByFulfillmentOrder, OutboundCall call) {
        Map<String, Object> fulfillment = new LinkedHashMap<>();
        fulfillment.put("lineItemsByFulfillmentOrder", lineItemsByFulfillmentOrder);
        fulfillment.put("notifyCustomer", store.notifyCustomer());
        fulfillment.put("trackingInfo", trackingInfo(List.of(call.trackingNumber()), call));
        JsonNode payload = graphQl.call(FULFILLMENT_CREATE, Map.of("fulfillment", fulfillment)).path("fulfillmentCreate");
        GraphQl.checkUserErrors(payload, "fulfillmentCreate of parcel " + call.trackingNumber());
    }

    private void retrack(OutboundCall call) {
        JsonNode order = order(call);
        if (fulfilmentWith(order, call.trackingNumber()).isPresent()) {
            return;
        }
        JsonNode fulfilment = fulfilmentWith(order, call.previousTrackingNumber())
                .orElseThrow(() -> new ChannelRefusedException("Order " + call.externalRef() + " has no fulfilment"
                        + " with tracking number " + call.previousTrackingNumber() + " to change"));
        List<String> numbers = numbers(fulfilment);
        numbers.replaceAll(n -> n.equals(call.previousTrackingNumber()) ? call.trackingNumber() : n);
        updateTracking(fulfilment.path("id").asString(), numbers, call);
    }

    private void updateTracking(String fulfilmentId, List<String> numbers, OutboundCall call) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("fulfillmentId", fulfilmentId);
        variables.put("trackingInfoInput", trackingInfo(numbers, call));
        variables.put("notifyCustomer", store.notifyCustomer());
        JsonNode payload = graphQl.call(TRACKING_UPDATE, variables).path("fulfillmentTrackingInfoUpdate");
        GraphQl.checkUserErrors(payload, "fulfillmentTrackingInfoUpdate");
    }

    private Map<String, Object> trackingInfo(List<String> numbers, OutboundCall call) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("company", links.company(call.carrier()));
        if (numbers.size() == 1) {
            info.put("number", numbers.get(0));
            links.url(numbers.get(0)).ifPresent(url -> info.put("url", url));
        } else {
            info.put("numbers", numbers);
            List<String> urls = numbers.stream().map(links::url).flatMap(Optional::stream).toList();
            if (urls.size() == numbers.size()) {
                info.put("urls", urls);
            }
        }
        return info;
    }

    private void cancel(OutboundCall call) {
        JsonNode order = order(call);
        if (!order.path("cancelledAt").isNull() && !order.path("cancelledAt").isMissingNode()) {
            return;
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("orderId", order.path("id").asString());
        variables.put("refund", store.refundOnCancel());
        variables.put("restock", false);
        variables.put("reason", outOfStock(call.reason()) ? "INVENTORY" : "OTHER");
        variables.put("notifyCustomer", store.notifyCustomer());
        JsonNode payload = graphQl.call(ORDER_CANCEL, variables).path("orderCancel");
        JsonNode errors = payload.path("orderCancelUserErrors");
        if (errors.isArray() && !errors.isEmpty()) {
            throw new ChannelRefusedException("orderCancel refused: " + errors);
        }
    }

    /** Whether order-service's words for the cancel say no supplier had the stock ("out of stock: ..."). */
    static boolean outOfStock(String reason) {
        return reason != null && reason.toLowerCase(java.util.Locale.ROOT).contains("out of stock");
    }

    private void stock(OutboundCall call) {
        JsonNode variants = graphQl.call(FIND_VARIANT, Map.of("query", "sku:" + quoted(call.sku())))
                .path("productVariants").path("nodes");
        if (variants.isEmpty()) {
            return;  // the store does not sell this product
        }
        String item = variants.get(0).path("inventoryItem").path("id").asString();
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("name", "available");
        input.put("reason", "correction");
        input.put("ignoreCompareQuantity", true);
        input.put("quantities", List.of(Map.of("inventoryItemId", item, "locationId", gid("Location",
                store.locationId()), "quantity", call.quantity())));
        JsonNode payload = graphQl.call(SET_QUANTITIES, Map.of("input", input)).path("inventorySetQuantities");
        GraphQl.checkUserErrors(payload, "inventorySetQuantities");
    }

    /** The order on Shopify, found by its name (our external reference). */
    private JsonNode order(OutboundCall call) {
        JsonNode found = graphQl.call(FIND_ORDER, Map.of("query", "name:" + quoted(call.externalRef())))
                .path("orders").path("nodes");
        if (found.isEmpty()) {
            throw new ChannelRefusedException("Store " + store.id() + " has no order " + call.externalRef());
        }
        JsonNode order = graphQl.call(ORDER, Map.of("id", found.get(0).path("id").asString())).path("order");
        if (order.isMissingNode() || order.isNull()) {
            throw new ChannelRefusedException("Store " + store.id() + " has no order " + call.externalRef());
        }
        return order;
    }

    private static Optional<JsonNode> fulfilmentWith(JsonNode order, String number) {
        for (JsonNode fulfilment : order.path("fulfillments")) {
            if (numbers(fulfilment).contains(number)) {
                return Optional.of(fulfilment);
            }
        }
        return Optional.empty();
    }

    private static Optional<JsonNode> latestFulfilment(JsonNode order) {
        JsonNode all = order.path("fulfillments");
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    private static List<String> numbers(JsonNode fulfilment) {
        List<String> numbers = new ArrayList<>();
        fulfilment.path("trackingInfo").forEach(info -> numbers.add(info.path("number").asString()));
        return numbers;
    }

    private static String quoted(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    static String gid(String type, String id) {
        return id.startsWith("gid://") ? id : "gid://shopify/" + type + "/" + id;
    }
}
