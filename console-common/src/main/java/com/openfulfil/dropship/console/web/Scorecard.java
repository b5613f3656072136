package com.openfulfil.dropship.console.web;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A supplier's scorecard as supplier-gateway publishes it, ready to show: every metric the gateway
 * lists, whatever it is, with its value and target in the metric's unit (a ratio as a percentage).
 */
public record Scorecard(String supplierId, String asOf, long dispatches, long shipped, long rejected,
                        long slaBreaches, List<Metric> metrics) {

    /** {@code value} and {@code met} are null while there is no data for the metric. */
    public record Metric(String key, String label, Double value, String unit, Double target, String comparison,
                         Boolean met) {

        public String shownValue() {
            return value == null ? "no data yet" : amount(value);
        }

        public String shownTarget() {
            if (target == null) {
                return "";
            }
            return ("AT_MOST".equals(comparison) ? "at most " : "at least ") + amount(target);
        }

        public String verdict() {
            return met == null ? "" : met ? "met" : "missed";
        }

        private String amount(double number) {
            return switch (unit == null ? "" : unit) {
                case "ratio" -> String.format(Locale.ROOT, "%.1f %%", number * 100);
                case "hours" -> String.format(Locale.ROOT, "%.1f h", number);
                default -> String.format(Locale.ROOT, "%.2f", number) + (unit == null ? "" : " " + unit);
            };
        }
    }

    public static Scorecard of(JsonNode json) {
        List<Metric> metrics = new ArrayList<>();
        json.path("metrics").forEach(m -> metrics.add(new Metric(m.path("key").asString(""),
                m.path("label").asString(m.path("key").asString("")), number(m.path("value")),
                m.path("unit").asString(""), number(m.path("target")), m.path("comparison").asString(""),
                m.path("met").isBoolean() ? m.path("met").asBoolean() : null)));
        return new Scorecard(json.path("supplierId").asString(""), json.path("asOf").asString(""),
                json.path("dispatches").asLong(0), json.path("shipped").asLong(0), json.path("rejected").asLong(0),
                json.path("slaBreaches").asLong(0), List.copyOf(metrics));
    }

    /** The metric of that key, if the gateway lists it. */
    public java.util.Optional<Metric> metric(String key) {
        return metrics.stream().filter(m -> m.key().equals(key)).findFirst();
    }

    private static Double number(JsonNode node) {
        return node.isNumber() ? node.asDouble() : null;
    }
}
