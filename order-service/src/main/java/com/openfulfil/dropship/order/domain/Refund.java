package com.openfulfil.dropship.order.domain;

import com.openfulfil.dropship.events.model.LineQuantity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One refund of an order: its own id (the payment provider's idempotency key), how much, where it
 * stands, the provider's id for it and, when it failed or the order refused it, why.
 *
 * @param approvedAt when the order accepted the request and sent it to be paid; absent on a refund the order
 *                   refused, an offline one, and one asked for before the order approved its refunds (the
 *                   refund connector still pays such a request while it is {@link RefundStatus#REQUESTED})
 * @param releasedAt when the refund connector stopped following a {@link RefundStatus#PENDING} refund the provider
 *                   still reported pending after the longest it waits: it stays pending and counted, for ops to
 *                   look up in the provider's dashboard; absent on every other refund
 * @param lines      the units it pays back, by order line; empty for a refund of an amount that names none
 */
public record Refund(String refundId, BigDecimal amount, String currency, RefundStatus status,
                     String providerRefundId, String failure, String by, String note, Instant requestedAt,
                     Instant settledAt, Instant approvedAt, Instant releasedAt, List<LineQuantity> lines) {

    public Refund {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public Refund(String refundId, BigDecimal amount, String currency, RefundStatus status, String providerRefundId,
                  String failure, String by, String note, Instant requestedAt, Instant settledAt, Instant approvedAt,
                  Instant releasedAt) {
        this(refundId, amount, currency, status, providerRefundId, failure, by, note, requestedAt, settledAt,
                approvedAt, releasedAt, null);
    }

    public Refund(String refundId, BigDecimal amount, String currency, RefundStatus status, String providerRefundId,
                  String failure, String by, String note, Instant requestedAt, Instant settledAt, Instant approvedAt) {
        this(refundId, amount, currency, status, providerRefundId, failure, by, note, requestedAt, settledAt,
                approvedAt, null, null);
    }

    /** Accepted by the order, to be paid through the provider: it counts against what is left to refund. */
    static Refund approved(String refundId, BigDecimal amount, String currency, String by, String note,
                           List<LineQuantity> lines, Instant at) {
        return new Refund(refundId, amount, currency, RefundStatus.REQUESTED, null, null, by, note, at, null, at, null,
                lines);
    }

    /** Recorded as it is settled: an offline refund, or an outcome for a refund the order had no request of. */
    static Refund unasked(String refundId, BigDecimal amount, String currency, String by, String note,
                          List<LineQuantity> lines, Instant at) {
        return new Refund(refundId, amount, currency, RefundStatus.REQUESTED, null, null, by, note, at, null, null,
                null, lines);
    }

    /** Refused by the order ({@code why}): nothing is paid, and nothing counts against the order. */
    static Refund refused(String refundId, BigDecimal amount, String currency, String by, String note,
                          List<LineQuantity> lines, String why, Instant at) {
        return new Refund(refundId, amount, currency, RefundStatus.REFUSED, null, why, by, note, at, at, null, null,
                lines);
    }

    Refund settled(RefundStatus outcome, String providerId, String why, Instant at) {
        return new Refund(refundId, amount, currency, outcome, providerId, why, by, note, requestedAt, at, approvedAt,
                releasedAt, lines);
    }

    /** No longer followed at the provider: it stays as it is, and says since when. */
    Refund released(Instant at) {
        return new Refund(refundId, amount, currency, status, providerRefundId, failure, by, note, requestedAt,
                settledAt, approvedAt, at, lines);
    }

    /**
     * Accepted by a version of the order that did not yet approve its refunds, and not answered: the request
     * itself is what the refund connector pays.
     */
    public boolean acceptedBeforeApprovals() {
        return status == RefundStatus.REQUESTED && approvedAt == null;
    }
}
