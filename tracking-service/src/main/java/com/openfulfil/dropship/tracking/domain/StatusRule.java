package com.openfulfil.dropship.tracking.domain;

import com.openfulfil.dropship.events.model.ParcelStatus;

import java.time.Instant;

/**
 * Forward-only parcel status. Carriers re-send, reorder and backfill their reports, so a report
 * may only move a parcel along the happy path ({@link ParcelStatus#rank()}), never back, and
 * DELIVERED and EXPIRED are final.
 * <p>
 * The one loop allowed is a failed delivery: ATTEMPT_FAIL or EXCEPTION may follow any status from
 * IN_TRANSIT on (a courier out for delivery finds nobody home), after which OUT_FOR_DELIVERY and
 * DELIVERED follow again by rank. Such a step back is taken only when the report is newer than the
 * one that set the current status, so a failure that merely arrives late undoes nothing.
 */
public final class StatusRule {
    private StatusRule() {
    }

    /**
     * @param since      time of the report that set {@code current}; null while nothing has
     * @param reportedAt time of the carrier's report of {@code next}
     */
    public static boolean moves(ParcelStatus current, Instant since, ParcelStatus next, Instant reportedAt) {
        if (current.isTerminal() || next == current) {
            return false;
        }
        if (next.rank() > current.rank()) {
            return true;
        }
        return isFailure(next) && current.rank() >= ParcelStatus.IN_TRANSIT.rank() && isNewer(reportedAt, since);
    }

    private static boolean isFailure(ParcelStatus status) {
        return status == ParcelStatus.ATTEMPT_FAIL || status == ParcelStatus.EXCEPTION;
    }

    private static boolean isNewer(Instant reportedAt, Instant since) {
        return since == null || reportedAt.isAfter(since);
    }
}
