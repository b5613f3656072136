package com.openfulfil.dropship.catalog.feed;

import com.openfulfil.dropship.catalog.domain.RowProblem;
import com.openfulfil.dropship.events.catalog.OfferFeedRow;
import com.openfulfil.dropship.events.model.Priority;
import com.openfulfil.dropship.events.model.ShippingOption;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one JSON feed row field by field, so a value of the wrong type refuses that row (naming the
 * field) instead of the whole feed. Fields we do not know are ignored: feeds carry extra columns.
 */
public final class FeedRowReader {
    private final JsonNode node;
    private final List<RowProblem> problems = new ArrayList<>();

    private FeedRowReader(JsonNode node) {
        this.node = node;
    }

    /** The row (fields that could not be read are left out) and the fields that could not be read. */
    public record Read(OfferFeedRow row, List<RowProblem> problems) {
    }

    public static Read read(JsonNode node, String supplierId, String eventId, Instant at) {
        if (node == null || !node.isObject()) {
            return new Read(null, List.of(new RowProblem("", "must be a JSON object")));
        }
        FeedRowReader reader = new FeedRowReader(node);
        OfferFeedRow row = new OfferFeedRow(eventId, at, reader.text("sku"), supplierId, reader.text("supplierSku"),
                reader.text("title"), reader.text("description"), reader.texts("imageUrls"), reader.money("cost"),
                reader.text("currency"), reader.whole("stock"), reader.whole("handlingDays"),
                reader.money("shippingCost"), reader.whole("priority"), reader.money("retailPrice"),
                reader.shippingOptions(), reader.whole("lowStockThreshold"), reader.text("hsCode"),
                reader.text("countryOfOrigin"));
        return new Read(row, List.copyOf(reader.problems));
    }

    private JsonNode field(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    private String text(String name) {
        JsonNode value = field(name);
        if (value == null) {
            return null;
        }
        if (!value.isString()) {
            problems.add(new RowProblem(name, "must be a string"));
            return null;
        }
        return value.stringValue().strip();
    }

    private List<String> texts(String name) {
        JsonNode value = field(name);
        if (value == null) {
            return null;
        }
        if (!value.isArray() || value.values().stream().anyMatch(v -> !v.isString())) {
            problems.add(new RowProblem(name, "must be an array of strings"));
            return null;
        }
        return value.values().stream().map(JsonNode::stringValue).toList();
    }

    /** Amounts are accepted as strings ("4.20", the contract's form) or JSON numbers. */
    private BigDecimal money(String name) {
        JsonNode value = field(name);
        if (value == null) {
            return null;
        }
        try {
            if (value.isNumber()) {
                return value.decimalValue();
            }
            if (value.isString()) {
                return new BigDecimal(value.stringValue().strip());
            }
        } catch (NumberFormatException e) {
            // reported below, like any other value that is not an amount
        }
        problems.add(new RowProblem(name, "must be a decimal amount such as \"4.20\""));
        return null;
    }

    /** {@code [{"service":"EXPEDITED","cost":"6.50","days":3,"carrier":"DHL"}]}; each option's fields checked alone. */
    private List<ShippingOption> shippingOptions() {
        JsonNode value = field("shippingOptions");
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            problems.add(new RowProblem("shippingOptions", "must be a list of shipping options"));
            return null;
        }
        List<ShippingOption> options = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            FeedRowReader option = new FeedRowReader(value.get(i));
            String prefix = "shippingOptions[" + i + "].";
            if (!value.get(i).isObject()) {
                problems.add(new RowProblem("shippingOptions[" + i + "]", "must be an object with service, cost and days"));
                continue;
            }
            Priority service = option.service();
            BigDecimal cost = option.money("cost");
            Integer days = option.whole("days");
            String carrier = option.text("carrier");
            option.problems.forEach(p -> problems.add(new RowProblem(prefix + p.field(), p.reason())));
            if (cost == null && option.problems.stream().noneMatch(p -> p.field().equals("cost"))) {
                problems.add(new RowProblem(prefix + "cost", "is required"));
            }
            if (cost != null && cost.signum() < 0) {
                problems.add(new RowProblem(prefix + "cost", "must not be negative"));
            } else if (days != null && days < 0) {
                problems.add(new RowProblem(prefix + "days", "must not be negative"));
            } else if (service != null && cost != null) {
                options.add(new ShippingOption(service, cost, days, carrier));
            }
        }
        return options;
    }

    private Priority service() {
        String name = text("service");
        if (name == null) {
            problems.add(new RowProblem("service", "is required: STANDARD or EXPEDITED"));
            return null;
        }
        try {
            return Priority.valueOf(name.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new RowProblem("service", "must be STANDARD or EXPEDITED"));
            return null;
        }
    }

    private Integer whole(String name) {
        JsonNode value = field(name);
        if (value == null) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return value.intValue();
        }
        if (value.isString() && value.stringValue().strip().matches("-?\\d{1,9}")) {
            return Integer.valueOf(value.stringValue().strip());
        }
        problems.add(new RowProblem(name, "must be a whole number"));
        return null;
    }
}
