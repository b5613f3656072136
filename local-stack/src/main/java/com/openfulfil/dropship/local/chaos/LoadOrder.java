package com.openfulfil.dropship.local.chaos;

import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.local.demo.PlannedOrder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One order of the steady load as the run saw it, frozen for the report.
 *
 * @param acceptedAt   when order-service first answered 202 (null if it never did)
 * @param finishedAt   when the watcher first read a final status for it (null if never)
 * @param lastSeen     the last status the watcher read
 * @param refusal      why the order could not be placed, if it could not
 * @param finishProblem why confirming receipt or completing it failed, if it did
 * @param steps        when it moved, in order: its first POST, its acceptance, each status the watcher read
 */
record LoadOrder(PlannedOrder plan, String orderId, Instant firstAttemptAt, Instant acceptedAt, int attempts,
                 Instant finishedAt, OrderStatus lastSeen, String refusal, String finishProblem, List<Instant> steps) {

    LoadOrder {
        steps = List.copyOf(steps);
    }

    /** An order known only by when it was sent, accepted and finished. */
    LoadOrder(PlannedOrder plan, String orderId, Instant firstAttemptAt, Instant acceptedAt, int attempts,
              Instant finishedAt, OrderStatus lastSeen, String refusal, String finishProblem) {
        this(plan, orderId, firstAttemptAt, acceptedAt, attempts, finishedAt, lastSeen, refusal, finishProblem,
                new ArrayList<>(Stream.of(firstAttemptAt, acceptedAt, finishedAt).filter(t -> t != null).toList()));
    }

    boolean accepted() {
        return orderId != null;
    }

    /** Accepted before {@code at} and not yet finished then. */
    boolean inFlightAt(Instant at) {
        return accepted() && acceptedAt.isBefore(at) && (finishedAt == null || finishedAt.isAfter(at));
    }
}
