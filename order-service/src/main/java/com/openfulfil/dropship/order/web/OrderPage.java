package com.openfulfil.dropship.order.web;

import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.order.domain.OrderRecord;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** {@code GET /api/v1/orders}: one page of the caller's orders, newest first, and how many there are in all. */
record OrderPage(List<Summary> items, int page, int size, int total) {

    record Summary(String orderId, OrderStatus status, Instant placedAt, String externalRef, String currency,
                   BigDecimal total, int lines, String partnerName) {

        static Summary of(OrderRecord order) {
            var details = order.details();
            BigDecimal total = details.lines().stream()
                    .map(l -> l.salePrice().multiply(BigDecimal.valueOf(l.quantity())))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            return new Summary(order.orderId(), order.status(), order.placedAt(), details.source().externalRef(),
                    details.currency(), total, details.lines().size(), details.source().partnerName());
        }
    }
}
