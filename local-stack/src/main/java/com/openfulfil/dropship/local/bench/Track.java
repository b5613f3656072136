package com.openfulfil.dropship.local.bench;

import com.openfulfil.dropship.events.model.OrderStatus;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the pipeline said about one order, as read from its topics: when each status was first
 * reached and how often it was announced, the commissions credited and the dispatches per
 * supplier. Only the watcher's thread writes; others read after the volatile {@code updates}.
 */
final class Track {
    /** The slot after the statuses, for the commission. */
    static final int COMMISSION = OrderStatus.values().length;
    private static final int SLOTS = COMMISSION + 1;
    /** Where a dispatch to a supplier outside the bench catalog is noted. */
    static final int OTHER_SUPPLIER = -1;
    private static final int[] NONE = new int[0];

    final String orderId;
    final AtomicBoolean finishRequested = new AtomicBoolean();
    private volatile Plan plan;
    private final long[] firstMillis = new long[SLOTS];
    private final int[] counts = new int[SLOTS];
    /** The supplier index of every DispatchRequested read, in order (an order has one or two, so a short array). */
    private int[] dispatchedTo = NONE;
    private volatile int updates;

    Track(String orderId) {
        this.orderId = orderId;
    }

    void attach(Plan plan) {
        this.plan = plan;
    }

    /** How the bench placed this order; null for an order the bench did not place (or not yet heard back about). */
    Plan plan() {
        return plan;
    }

    void status(OrderStatus status, long occurredAtMillis) {
        record(status.ordinal(), occurredAtMillis);
    }

    void commission(long occurredAtMillis) {
        record(COMMISSION, occurredAtMillis);
    }

    void dispatch(int supplierIndex) {
        int[] grown = Arrays.copyOf(dispatchedTo, dispatchedTo.length + 1);
        grown[dispatchedTo.length] = supplierIndex < 0 ? OTHER_SUPPLIER : supplierIndex;
        dispatchedTo = grown;
        updates++;
    }

    private void record(int slot, long millis) {
        if (counts[slot]++ == 0) {
            firstMillis[slot] = millis;
        }
        updates++;
    }

    /** Epoch milliseconds at which the status was first announced; 0 if never. */
    long first(OrderStatus status) {
        return visible() ? firstMillis[status.ordinal()] : 0;
    }

    int count(OrderStatus status) {
        return visible() ? counts[status.ordinal()] : 0;
    }

    long commissionMillis() {
        return visible() ? firstMillis[COMMISSION] : 0;
    }

    int commissions() {
        return visible() ? counts[COMMISSION] : 0;
    }

    /** DispatchRequested read for the bench catalog's supplier at this index. */
    int dispatches(int supplierIndex) {
        if (!visible()) {
            return 0;
        }
        int count = 0;
        for (int index : dispatchedTo) {
            count += index == supplierIndex ? 1 : 0;
        }
        return count;
    }

    /** The suppliers dispatched to, as a bit mask of catalog indexes (suppliers outside the catalog left out). */
    long dispatchedMask() {
        long mask = 0;
        if (visible()) {
            for (int index : dispatchedTo) {
                mask |= index >= 0 && index < Long.SIZE ? 1L << index : 0;
            }
        }
        return mask;
    }

    /** DispatchRequested read for suppliers outside the bench catalog. */
    int otherDispatches() {
        return dispatches(OTHER_SUPPLIER);
    }

    /** Reads the volatile counter the watcher writes last, so the arrays it filled are seen in full. */
    private boolean visible() {
        return updates >= 0;
    }

    /** COMPLETED, and for a partner order the commission credited too. */
    boolean isDone() {
        Plan p = plan;
        return p != null && count(OrderStatus.COMPLETED) > 0 && (!p.partner() || commissions() > 0);
    }

    /** When the order was done: COMPLETED, or the commission if that came later; 0 while not done. */
    long doneMillis() {
        return isDone() ? Math.max(first(OrderStatus.COMPLETED), commissionMillis()) : 0;
    }

    /** Rejected, cancelled or in exception: it will not complete. */
    boolean hasFailed() {
        return count(OrderStatus.REJECTED) + count(OrderStatus.CANCELLED) + count(OrderStatus.EXCEPTION) > 0;
    }
}
