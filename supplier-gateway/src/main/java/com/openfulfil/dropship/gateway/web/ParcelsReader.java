package com.openfulfil.dropship.gateway.web;

import com.openfulfil.dropship.support.web.FieldProblem;
import tools.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks the {@code parcels} of a DispatchShipped posted over HTTP, naming each bad field: every parcel a
 * tracking number (among {@code trackingNumbers} when those are given too, and once), its {@code items}
 * left out or listing at least one item, each item its {@code lineNo} (a whole number from 1) or its
 * {@code sku}, and its {@code quantity} (a whole number from 1). Whether the items are in the dispatch, and
 * not more than is left of them, is checked against the dispatch afterwards.
 */
final class ParcelsReader {
    private ParcelsReader() {
    }

    static void check(JsonNode json, List<FieldProblem> problems) {
        JsonNode parcels = json.path("parcels");
        if (!parcels.isArray() || parcels.isEmpty()) {
            problems.add(FieldProblem.of("parcels", "must list at least one parcel"));
            return;
        }
        if (json.has("trackingNumbers")) {
            SupplierUpdateReader.requireTrackingNumbers(json, problems);
        }
        Set<String> listed = new HashSet<>();
        JsonNode numbers = json.path("trackingNumbers");
        for (int i = 0; i < numbers.size(); i++) {
            listed.add(numbers.get(i).asString(""));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < parcels.size(); i++) {
            JsonNode parcel = parcels.get(i);
            String at = "parcels[" + i + "]";
            if (!parcel.isObject()) {
                problems.add(FieldProblem.of(at, "must be a parcel: {\"trackingNumber\": ..., \"items\": [...]}"));
                continue;
            }
            trackingNumber(parcel, at, json.has("trackingNumbers") ? listed : null, seen, problems);
            items(parcel.path("items"), at + ".items", parcel.has("items"), problems);
        }
    }

    private static void trackingNumber(JsonNode parcel, String at, Set<String> listed, Set<String> seen,
                                       List<FieldProblem> problems) {
        JsonNode number = parcel.path("trackingNumber");
        if (!number.isString() || number.asString().isBlank()) {
            problems.add(FieldProblem.of(at + ".trackingNumber", "is required"));
        } else if (!seen.add(number.asString())) {
            problems.add(FieldProblem.of(at + ".trackingNumber", "is listed twice"));
        } else if (listed != null && !listed.contains(number.asString())) {
            problems.add(FieldProblem.of(at + ".trackingNumber", "must be one of trackingNumbers"));
        }
    }

    private static void items(JsonNode items, String at, boolean given, List<FieldProblem> problems) {
        if (!given) {
            return; // a parcel that names nothing holds what is left of the dispatch
        }
        if (!items.isArray() || items.isEmpty()) {
            problems.add(FieldProblem.of(at, "must list at least one item, or be left out for everything left to ship"));
            return;
        }
        for (int j = 0; j < items.size(); j++) {
            JsonNode item = items.get(j);
            String itemAt = at + "[" + j + "]";
            boolean hasLine = item.has("lineNo");
            boolean hasSku = item.path("sku").isString() && !item.path("sku").asString().isBlank();
            if (hasLine && !(item.path("lineNo").isIntegralNumber() && item.path("lineNo").asInt() >= 1)) {
                problems.add(FieldProblem.of(itemAt + ".lineNo", "must be a line number of the dispatch (1 or more)"));
            } else if (!hasLine && !hasSku) {
                problems.add(FieldProblem.of(itemAt + ".lineNo", "is required, or the item's sku"));
            }
            JsonNode quantity = item.path("quantity");
            if (!quantity.isIntegralNumber() || quantity.asInt() < 1) {
                problems.add(FieldProblem.of(itemAt + ".quantity", "must be a whole number of units, 1 or more"));
            }
        }
    }
}
