package com.openfulfil.dropship.order.domain;

import com.openfulfil.dropship.events.model.ReturnReason;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What happened after delivery (R5): the customer's return request with its photos, and how it
 * was settled: a refund, or the order shipped again. {@code supplierPaysReturn} follows the
 * reason: a quality problem is the supplier's, a change of mind the customer's (R5.2).
 */
public record AfterSales(ReturnReason reason, String description, List<String> photoUrls, Instant requestedAt,
                         boolean supplierPaysReturn, Instant returnedAt, BigDecimal refunded, String refundCurrency,
                         Instant refundedAt, Instant reshippedAt) {

    public AfterSales {
        photoUrls = photoUrls == null ? List.of() : List.copyOf(photoUrls);
    }

    static AfterSales requested(ReturnReason reason, String description, List<String> photoUrls, Instant at) {
        return new AfterSales(reason, description, photoUrls, at, reason != null && reason.supplierPaysReturn(), null,
                null, null, null, null);
    }

    static AfterSales none() {
        return new AfterSales(null, null, List.of(), null, false, null, null, null, null, null);
    }

    AfterSales returned(Instant at) {
        return new AfterSales(reason, description, photoUrls, requestedAt, supplierPaysReturn, at, refunded,
                refundCurrency, refundedAt, reshippedAt);
    }

    AfterSales refunded(BigDecimal amount, String currency, Instant at) {
        return new AfterSales(reason, description, photoUrls, requestedAt, supplierPaysReturn, returnedAt, amount,
                currency, at, reshippedAt);
    }

    AfterSales reshipped(Instant at) {
        return new AfterSales(reason, description, photoUrls, requestedAt, supplierPaysReturn, returnedAt, refunded,
                refundCurrency, refundedAt, at);
    }
}
