package com.openfulfil.dropship.order.domain;

/**
 * Where one refund stands. REQUESTED: accepted by the order and asked of the payment provider, no answer
 * yet. SUCCEEDED: the provider paid it back. PENDING: the provider took it and the money is on its way
 * back (a bank transfer, say); counted as refunded, and followed up by the refund connector until the
 * provider settles it, once, to SUCCEEDED, or to FAILED, which no longer counts. FAILED: the provider refused
 * it or it failed; nothing was paid. REFUSED: the order refused the request (more than is left to refund, say, when another refund
 * asked at the same moment took it, or the order no longer takes refunds); nothing was asked of the
 * provider. OFFLINE: recorded without the provider (the order has no payment reference, or no provider is
 * configured): whoever refunds the customer does so outside the pipeline.
 */
public enum RefundStatus {
    REQUESTED, SUCCEEDED, PENDING, FAILED, OFFLINE, REFUSED;

    /** Whether the amount counts as paid back to the customer. */
    public boolean refunded() {
        return this == SUCCEEDED || this == PENDING || this == OFFLINE;
    }

    /**
     * Whether the provider has had its say (or there was none to ask, or the order refused the request): a
     * repeated outcome changes nothing. A PENDING refund still takes its settlement, succeeded or failed.
     */
    public boolean settled() {
        return this != REQUESTED;
    }
}
