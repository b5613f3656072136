package com.openfulfil.dropship.local.chaos;

import com.openfulfil.dropship.events.serde.Json;
import com.openfulfil.dropship.events.topics.Topics;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The poison messages of a run: for every consumed topic, one that is not JSON, one that names an
 * event type the contract does not have, and one that is a well-formed event of a type the topic
 * carries but with a value the contract rules out (a negative quantity, a negative total, no
 * order id, no event id). Each is keyed by a key no real order, product or partner has, so a
 * message that slipped through could not touch real data.
 */
final class PoisonMessages {
    private static final String AT = "2026-11-02T09:15:00Z";

    private PoisonMessages() {
    }

    static List<Poison> forRun(String runId) {
        List<Poison> poison = new ArrayList<>();
        Consumers.groupsByTopic().forEach((topic, groups) -> {
            for (Poison.Kind kind : Poison.Kind.values()) {
                String id = runId + "-" + (poison.size() + 1);
                String key = "chaos-poison-" + id;
                Impossible body = kind == Poison.Kind.IMPOSSIBLE ? impossible(topic, id) : null;
                poison.add(new Poison(id, topic, kind, body == null ? kind.label() : body.what(), key,
                        value(kind, id, body), groups));
            }
        });
        return List.copyOf(poison);
    }

    private static byte[] value(Poison.Kind kind, String id, Impossible body) {
        String json = switch (kind) {
            case BAD_JSON -> "{\"type\":\"OrderPlaced\",\"eventId\":\"" + id + "\",\"orderId\":";
            case UNKNOWN_TYPE -> Json.mapper().writeValueAsString(Map.of("type", "ChaosGremlinAppeared",
                    "eventId", id, "occurredAt", AT, "orderId", "chaos-order-" + id));
            case IMPOSSIBLE -> Json.mapper().writeValueAsString(body.json());
        };
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** A well-formed message of a type {@code topic} carries, with one thing the contract rules out. */
    private static Impossible impossible(String topic, String id) {
        String orderId = "chaos-order-" + id;
        if (Topics.SUPPLIER_UPDATES.matcher(topic).matches()) {
            return new Impossible("DispatchShipped with no tracking number", event("DispatchShipped", id,
                    "orderId", orderId, "dispatchId", "chaos-dispatch-" + id, "supplierId", "hanoi-crafts",
                    "carrier", "VNPOST", "trackingNumbers", List.of()));
        }
        return switch (topic) {
            case "orders.placed" -> new Impossible("OrderPlaced with quantity -2",
                    event("OrderPlaced", id, "orderId", orderId, "order", order(-2)));
            case "orders.lifecycle" -> new Impossible("OrderStatusChanged whose order has quantity -1",
                    event("OrderStatusChanged", id, "orderId", orderId, "from", "DELIVERED", "to", "COMPLETED",
                            "reason", "chaos", "order", order(-1)));
            case "orders.allocations" -> new Impossible("StockAllocated allocating quantity 0",
                    event("StockAllocated", id, "orderId", orderId, "order", order(2), "lines", List.of(Map.of(
                            "lineNo", 1, "sku", "MUG-001", "quantity", 0, "chosen", offer(), "backups", List.of()))));
            case "orders.commands" -> new Impossible("ReceiptConfirmed without orderId",
                    event("ReceiptConfirmed", id, "rating", 5, "comment", "chaos"));
            case "catalog.reservation-requests" -> new Impossible("ReserveRequested with quantity -3",
                    event("ReserveRequested", id, "orderId", orderId, "lineNo", 1, "sku", "MUG-001", "quantity", -3,
                            "excludedSuppliers", List.of()));
            case "catalog.reservation-results" -> new Impossible("LineReserved without orderId",
                    event("LineReserved", id, "lineNo", 1, "sku", "MUG-001", "quantity", 2, "chosen", offer(),
                            "backups", List.of()));
            case "fulfilment.commands" -> new Impossible("RerouteRequested with a blank reason",
                    event("RerouteRequested", id, "orderId", orderId, "dispatchId", "chaos-dispatch-" + id,
                            "supplierId", "hanoi-crafts", "requestedBy", "chaos", "reason", " "));
            case "fulfilment.events" -> new Impossible("SupplierAccepted without orderId",
                    event("SupplierAccepted", id, "dispatchId", "chaos-dispatch-" + id, "supplierId", "hanoi-crafts"));
            case "tracking.events" -> new Impossible("ParcelStatusChanged without orderId",
                    event("ParcelStatusChanged", id, "dispatchId", "chaos-dispatch-" + id, "trackingNumber",
                            "CHAOS" + id, "carrier", "SF", "previous", "INFO_RECEIVED", "status", "IN_TRANSIT"));
            case "tracking.registrations" -> new Impossible("ParcelRegistered without orderId",
                    event("ParcelRegistered", id, "dispatchId", "chaos-dispatch-" + id, "supplierId", "hanoi-crafts",
                            "carrier", "VNPOST", "trackingNumber", "CHAOS" + id));
            case "tracking.carrier-events" -> new Impossible("CarrierCheckpoint with a blank eventId",
                    event("CarrierCheckpoint", " ", "carrier", "SF", "trackingNumber", "CHAOS" + id,
                            "status", "IN_TRANSIT"));
            case "commissions.ledger" -> new Impossible("CommissionEarned with total -4.07",
                    event("CommissionEarned", id, "orderId", orderId, "partnerId", "chaos-partner",
                            "partnerName", "Chaos", "currency", "USD", "gross", "5.00", "deductions", List.of(),
                            "total", "-4.07"));
            case "catalog.products" -> new Impossible("ProductUpdated with a blank eventId",
                    event("ProductUpdated", "", "sku", "CHAOS-" + id, "title", "Chaos", "retailPrice", "1.00",
                            "currency", "USD", "listed", true, "available", 1, "offers", List.of()));
            case "partners" -> new Impossible("PartnerUpdated with a blank eventId",
                    event("PartnerUpdated", "", "partnerId", "chaos-partner-" + id, "name", "Chaos",
                            "email", "chaos@example.com", "status", "GRANTED"));
            case "notifications.outbound" -> new Impossible("NotificationRequested without orderId",
                    event("NotificationRequested", id, "orderReference", "CHAOS", "notificationId", "chaos-" + id,
                            "kind", "ORDER_CONFIRMED", "locale", "en", "customerName", "Ada Lovelace",
                            "email", "ada@example.com"));
            case "commissions.payout-requests" -> new Impossible("PayoutRequested without orderId",
                    event("PayoutRequested", id, "partnerId", "chaos-partner", "batchId", "chaos-" + id));
            case "commissions.payout-details" -> new Impossible("PayoutDetailsSet with a blank eventId",
                    event("PayoutDetailsSet", "", "partnerId", "chaos-partner-" + id, "keyId", "chaos",
                            "sealed", "Y2hhb3M="));
            case "storefronts.webhooks" -> new Impossible("StorefrontWebhookSet with a blank eventId",
                    event("StorefrontWebhookSet", "", "storefrontId", "chaos-poison-" + id, "subscriptionId", "chaos",
                            "url", "http://127.0.0.1:9/chaos", "secret", "chaos", "since", AT));
            case "catalog.feed" -> new Impossible("OfferFeedRow with a blank eventId",
                    event("OfferFeedRow", "", "sku", "CHAOS-" + id, "supplierId", "hanoi-crafts", "stock", 5));
            default -> throw new IllegalArgumentException("No impossible message written for " + topic
                    + ": add one to PoisonMessages");
        };
    }

    private record Impossible(String what, Map<String, Object> json) {
    }

    private static Map<String, Object> event(String type, String eventId, Object... fields) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", type);
        json.put("eventId", eventId);
        json.put("occurredAt", AT);
        for (int i = 0; i < fields.length; i += 2) {
            json.put((String) fields[i], fields[i + 1]);
        }
        return json;
    }

    private static Map<String, Object> order(int quantity) {
        return Map.of(
                "source", Map.of("channel", "STOREFRONT", "storefrontId", "demo-shop", "externalRef", "CHAOS"),
                "currency", "USD",
                "customer", Map.of("name", "Ada Lovelace", "email", "ada@example.com", "locale", "en"),
                "shipTo", Map.of("line1", "1 Example Street", "city", "London", "postalCode", "N1 9GU", "country", "GB"),
                "lines", List.of(Map.of("lineNo", 1, "sku", "MUG-001", "title", "Ceramic mug 350 ml",
                        "quantity", quantity, "retailPrice", "12.50", "salePrice", "12.50")),
                "priority", "STANDARD",
                "paymentStatus", "PAID");
    }

    private static Map<String, Object> offer() {
        return Map.of("supplierId", "hanoi-crafts", "supplierSku", "HN-MUG-1", "unitCost", "4.20",
                "shippingCost", "1.80", "currency", "USD", "handlingDays", 2, "priority", 1);
    }
}
