package com.openfulfil.dropship.commission.domain;

import java.math.BigDecimal;

/**
 * What one refund of an order took back from the partner's commission.
 *
 * @param refundId  the refund's own id, as the order's move to REFUNDED named it
 * @param amount    what the clawback took for it
 * @param givenBack whether it was given back since (the refund was pending at the payment provider, then failed)
 */
public record RefundClawback(String refundId, BigDecimal amount, boolean givenBack) {
}
