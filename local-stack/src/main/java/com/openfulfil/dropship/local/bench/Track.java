package com.openfulfil.dropship.local.bench;

import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.local.demo.DemoCatalog;

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
    private static final int OTHER_SUPPLIER = DemoCatalog.SUPPLIERS.size();

    final String orderId;
    final AtomicBoolean finishRequested = new AtomicBoolean();
    private volatile Plan plan;
    private final long[] firstMillis = new long[SLOTS];
    private final int[] counts = new int[SLOTS];
    private final int[] dispatches = new int[OTHER_SUPPLIER + 1];
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
        dispatches[supplierIndex < 0 ? OTHER_SUPPLIER : supplierIndex]++;
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

    /** DispatchRequested read for the supplier at this index of {@code DemoCatalog.SUPPLIERS}. */
    int dispatches(int supplierIndex) {
        return visible() ? dispatches[supplierIndex] : 0;
    }

    /** DispatchRequested read for suppliers outside the demo's three. */
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
