package com.openfulfil.dropship.partner.connector;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What order-service answers a partner: their orders, one order, and a placed order. */
public final class Orders {
    private Orders() {
    }

    public record Placed(String orderId, String status) {
    }

    public record Page(List<Summary> items, int page, int size, int total) {
        public Page {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    public record Summary(String orderId, String status, Instant placedAt, String externalRef, String currency,
                          BigDecimal total, int lines, String partnerName) {
    }

    public record Detail(String orderId, String status, Instant placedAt, Source source, String currency,
                         Customer customer, Address shipTo, List<Line> lines, BigDecimal total, List<Step> history,
                         Commission commission) {
        public Detail {
            lines = lines == null ? List.of() : List.copyOf(lines);
            history = history == null ? List.of() : List.copyOf(history);
        }

        /** The partner's own reference for the order, else its id. */
        public String reference() {
            return source != null && source.externalRef() != null ? source.externalRef() : orderId;
        }
    }

    public record Source(String externalRef) {
    }

    public record Customer(String name, String email, String phone) {
    }

    public record Address(String line1, String line2, String city, String region, String postalCode, String country) {
        /** Postcode, city and region, those that are given. */
        public String place() {
            return Stream.of(postalCode, city, region).filter(p -> p != null && !p.isBlank())
                    .collect(Collectors.joining(" "));
        }
    }

    /** A line and its units: ordered ({@code quantity}), shipped, delivered, returned, refunded. */
    public record Line(int lineNo, String sku, String title, int quantity, BigDecimal retailPrice,
                       BigDecimal salePrice, BigDecimal lineTotal, int shipped, int delivered, int returned,
                       int refunded) {
    }

    public record Step(String status, Instant at, String reason) {
    }

    /** The order's own view of its commission: PENDING with the expected gross until it is EARNED. */
    public record Commission(String state, String partnerName, String currency, BigDecimal gross, BigDecimal total) {
    }
}
