package com.openfulfil.dropship.order.connector;

import com.openfulfil.dropship.order.domain.Refund;

import java.util.Optional;

/**
 * An order's refunds as its stream recorded them, read wherever the order lives (this instance's store or
 * the instance that holds the order). The refund connector asks only about requests it reads, to pay those
 * an older version of the order accepted without approving them.
 */
public interface RefundRecords {
    /**
     * The refund {@code refundId} of order {@code orderId}; empty while the order's stream has not seen it.
     *
     * @throws RuntimeException when the order cannot be read now (its store restoring or rebalancing, the
     *                          instance that holds it unreachable)
     */
    Optional<Refund> find(String orderId, String refundId);
}
