package com.openfulfil.dropship.gateway.web;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.serde.Json;
import com.openfulfil.dropship.events.supplier.DispatchRejected;
import com.openfulfil.dropship.events.supplier.DispatchShipped;
import com.openfulfil.dropship.events.supplier.SupplierUpdate;
import com.openfulfil.dropship.support.web.ApiProblem;
import com.openfulfil.dropship.support.web.FieldProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads a supplier update posted over HTTP: the same JSON as on the updates topic. Checks what
 * the contract's serde would refuse on the topic, and names every missing or malformed field.
 */
final class SupplierUpdateReader {
    private static final List<String> COMMON = List.of("eventId", "occurredAt", "orderId", "dispatchId", "supplierId");
    private static final Map<String, Class<?>> TYPES = Arrays.stream(SupplierUpdate.class.getPermittedSubclasses())
            .collect(Collectors.toMap(Class::getSimpleName, Function.identity()));

    private SupplierUpdateReader() {
    }

    static SupplierUpdate read(byte[] body) {
        JsonNode json = tree(body);
        List<FieldProblem> problems = new ArrayList<>();
        String type = json.path("type").asString("");
        if (!TYPES.containsKey(type)) {
            throw ApiProblem.invalid(List.of(FieldProblem.of("type",
                    "must be one of " + String.join(", ", TYPES.keySet().stream().sorted().toList()))));
        }
        COMMON.forEach(field -> requireText(json, field, problems));
        if (type.equals(DispatchShipped.class.getSimpleName())) {
            requireText(json, "carrier", problems);
            if (json.has("parcels")) {
                ParcelsReader.check(json, problems);
            } else {
                requireTrackingNumbers(json, problems);
            }
        }
        if (type.equals(DispatchRejected.class.getSimpleName())) {
            requireText(json, "reason", problems);
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
        return bind(json);
    }

    private static JsonNode tree(byte[] body) {
        try {
            JsonNode json = Json.mapper().readTree(body == null ? new byte[0] : body);
            if (json != null && json.isObject()) {
                return json;
            }
        } catch (JacksonException e) {
            // reported below, like any body that is not a JSON object
        }
        throw ApiProblem.invalid(List.of(FieldProblem.of("", "The body must be one supplier update as a JSON object")));
    }

    static void requireText(JsonNode json, String field, List<FieldProblem> problems) {
        JsonNode value = json.path(field);
        if (!value.isString() || value.asString().isBlank()) {
            problems.add(FieldProblem.of(field, "is required"));
        }
    }

    static void requireTrackingNumbers(JsonNode json, List<FieldProblem> problems) {
        JsonNode numbers = json.path("trackingNumbers");
        if (!numbers.isArray() || numbers.isEmpty()) {
            problems.add(FieldProblem.of("trackingNumbers",
                    "must list at least one tracking number (or give parcels with their contents)"));
            return;
        }
        for (int i = 0; i < numbers.size(); i++) {
            if (!numbers.get(i).isString() || numbers.get(i).asString().isBlank()) {
                problems.add(FieldProblem.of("trackingNumbers[" + i + "]", "must be a tracking number"));
            }
        }
    }

    /** Binding can still fail on a value's format (a date, an unknown rejection reason): name that field. */
    private static SupplierUpdate bind(JsonNode json) {
        try {
            return (SupplierUpdate) Json.mapper().treeToValue(json, Event.class);
        } catch (JacksonException e) {
            throw ApiProblem.invalid(List.of(FieldProblem.of(path(e), "cannot be read: " + e.getOriginalMessage())));
        }
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
