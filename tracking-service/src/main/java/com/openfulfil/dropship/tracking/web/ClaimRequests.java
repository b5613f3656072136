package com.openfulfil.dropship.tracking.web;

import com.openfulfil.dropship.events.model.ClaimOutcome;
import com.openfulfil.dropship.events.model.OrderRemedy;
import com.openfulfil.dropship.events.serde.Json;
import com.openfulfil.dropship.support.web.ApiProblem;
import com.openfulfil.dropship.support.web.FieldProblem;
import com.openfulfil.dropship.tracking.domain.Claim;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/** Reads ops' claim request bodies; every bad field is named in one answer (400). */
final class ClaimRequests {
    private static final int MAX_REFERENCE = 100;
    private static final int MAX_NOTE = 1_000;

    private ClaimRequests() {
    }

    /** {@code {"carrierReference": "..."}}: the carrier's reference for the filed claim. */
    static String carrierReference(byte[] body) {
        List<FieldProblem> problems = new ArrayList<>();
        String reference = new Fields(object(body), Fields.NO_INDEX, problems).text("carrierReference", true,
                MAX_REFERENCE);
        check(problems);
        return reference;
    }

    /**
     * {@code {"outcome": "PAID", "amount": "45.00", "currency": "USD", "note": "...", "remedy": "RESHIP"}}:
     * PAID needs the amount and currency the carrier paid; REFUSED takes neither. {@code remedy}
     * (optional, RESHIP or REFUND) settles the parcel's order for its customer in the same step.
     */
    static Claim.Settlement settlement(byte[] body) {
        JsonNode node = object(body);
        List<FieldProblem> problems = new ArrayList<>();
        Fields fields = new Fields(node, Fields.NO_INDEX, problems);
        ClaimOutcome outcome = outcome(fields.text("outcome", true, 20), fields);
        String note = fields.text("note", false, MAX_NOTE);
        BigDecimal amount = amount(node.get("amount"), fields);
        String currency = currency(fields.text("currency", false, 3), fields);
        OrderRemedy remedy = remedy(fields.text("remedy", false, 20), fields);
        if (outcome == ClaimOutcome.PAID) {
            for (String name : List.of("amount", "currency")) {
                if (!present(node, name)) {
                    fields.problem(name, "is required when the carrier paid");
                }
            }
        } else if (outcome == ClaimOutcome.REFUSED) {
            for (String name : List.of("amount", "currency")) {
                if (present(node, name)) {
                    fields.problem(name, "must be left out when the carrier refused");
                }
            }
        }
        check(problems);
        return new Claim.Settlement(outcome, amount, currency, note, remedy);
    }

    private static OrderRemedy remedy(String text, Fields fields) {
        if (text == null) {
            return null;
        }
        try {
            return OrderRemedy.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            fields.problem("remedy", "must be RESHIP or REFUND (or left out: the order is settled separately)");
            return null;
        }
    }

    private static boolean present(JsonNode node, String name) {
        return node.get(name) != null && !node.get(name).isNull();
    }

    private static ClaimOutcome outcome(String text, Fields fields) {
        if (text == null) {
            return null;
        }
        return switch (text.toUpperCase(Locale.ROOT)) {
            case "PAID" -> ClaimOutcome.PAID;
            case "REFUSED" -> ClaimOutcome.REFUSED;
            default -> {
                fields.problem("outcome", "must be PAID or REFUSED (a delivered parcel closes its claim by itself)");
                yield null;
            }
        };
    }

    private static BigDecimal amount(JsonNode value, Fields fields) {
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            BigDecimal amount = value.isNumber() ? value.decimalValue()
                    : value.isString() ? new BigDecimal(value.stringValue().strip()) : null;
            if (amount != null && amount.signum() > 0) {
                return amount;
            }
        } catch (NumberFormatException e) {
            // named below with every other bad amount
        }
        fields.problem("amount", "must be a positive amount, like \"45.00\"");
        return null;
    }

    private static String currency(String code, Fields fields) {
        if (code == null) {
            return null;
        }
        try {
            if (code.equals(code.toUpperCase(Locale.ROOT))) {
                return Currency.getInstance(code).getCurrencyCode();
            }
        } catch (IllegalArgumentException e) {
            // named below
        }
        fields.problem("currency", "must be an ISO 4217 code, like USD");
        return null;
    }

    private static JsonNode object(byte[] body) {
        try {
            JsonNode node = body == null || body.length == 0 ? null : Json.mapper().readTree(body);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (JacksonException e) {
            // answered below, like any body that is not a JSON object
        }
        throw ApiProblem.invalid(List.of(FieldProblem.of("", "The body must be a JSON object")));
    }

    private static void check(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
    }
}
