package com.openfulfil.dropship.order.domain;

import java.math.BigDecimal;
import java.time.Instant;

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
 */
public record Refund(String refundId, BigDecimal amount, String currency, RefundStatus status,
                     String providerRefundId, String failure, String by, String note, Instant requestedAt,
                     Instant settledAt, Instant approvedAt, Instant releasedAt) {

    public Refund(String refundId, BigDecimal amount, String currency, RefundStatus status, String providerRefundId,
                  String failure, String by, String note, Instant requestedAt, Instant settledAt, Instant approvedAt) {
        this(refundId, amount, currency, status, providerRefundId, failure, by, note, requestedAt, settledAt,
                approvedAt, null);
    }

    /** Accepted by the order, to be paid through the provider: it counts against what is left to refund. */
    static Refund approved(String refundId, BigDecimal amount, String currency, String by, String note, Instant at) {
        return new Refund(refundId, amount, currency, RefundStatus.REQUESTED, null, null, by, note, at, null, at);
    }

    /** Recorded as it is settled: an offline refund, or an outcome for a refund the order had no request of. */
    static Refund unasked(String refundId, BigDecimal amount, String currency, String by, String note, Instant at) {
        return new Refund(refundId, amount, currency, RefundStatus.REQUESTED, null, null, by, note, at, null, null);
    }

    /** Refused by the order ({@code why}): nothing is paid, and nothing counts against the order. */
    static Refund refused(String refundId, BigDecimal amount, String currency, String by, String note, String why,
                          Instant at) {
        return new Refund(refundId, amount, currency, RefundStatus.REFUSED, null, why, by, note, at, at, null);
    }

    Refund settled(RefundStatus outcome, String providerId, String why, Instant at) {
        return new Refund(refundId, amount, currency, outcome, providerId, why, by, note, requestedAt, at, approvedAt,
                releasedAt);
    }

    /** No longer followed at the provider: it stays as it is, and says since when. */
    Refund released(Instant at) {
        return new Refund(refundId, amount, currency, status, providerRefundId, failure, by, note, requestedAt,
                settledAt, approvedAt, at);
    }

    /**
     * Accepted by a version of the order that did not yet approve its refunds, and not answered: the request
     * itself is what the refund connector pays.
     */
    public boolean acceptedBeforeApprovals() {
        return status == RefundStatus.REQUESTED && approvedAt == null;
    }
}
