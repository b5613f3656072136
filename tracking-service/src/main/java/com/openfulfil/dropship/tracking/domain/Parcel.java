package com.openfulfil.dropship.tracking.domain;

import com.openfulfil.dropship.events.model.ParcelStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One parcel, keyed by its tracking number: who it belongs to (once registered), its forward-only
 * status and every distinct carrier report, oldest first. Reports can come before the
 * registration (a carrier may be faster than our supplier); they are kept and applied, in time
 * order, when the registration arrives.
 *
 * @param registration null until the parcel's shipment has been registered
 * @param statusSince  time of the report that set {@code status}; null while PENDING
 * @param checkpoints  every report accepted so far, by time; their event ids are how duplicates are told
 * @param watch        what the delay and expiry timers know of it
 */
public record Parcel(String trackingNumber, Registration registration, ParcelStatus status, Instant statusSince,
                     List<StatusReport> checkpoints, Watch watch) {
    private static final Comparator<StatusReport> BY_TIME = Comparator.comparing(StatusReport::time);

    public Parcel {
        status = status == null ? ParcelStatus.PENDING : status;
        checkpoints = checkpoints == null ? List.of() : List.copyOf(checkpoints);
        watch = watch == null ? Watch.NONE : watch;
    }

    /** A tracking number we have heard nothing about yet. */
    public static Parcel unknown(String trackingNumber) {
        return new Parcel(trackingNumber, null, ParcelStatus.PENDING, null, List.of(), Watch.NONE);
    }

    public boolean registered() {
        return registration != null;
    }

    /** The carrier's latest delivery estimate: the one of its newest report that gave one. */
    public Optional<Instant> estimatedDelivery() {
        for (int i = checkpoints.size() - 1; i >= 0; i--) {
            if (checkpoints.get(i).estimatedDelivery() != null) {
                return Optional.of(checkpoints.get(i).estimatedDelivery());
            }
        }
        return Optional.empty();
    }

    /** The carrier's report that the parcel was delivered, whether or not it could still move the status. */
    public Optional<StatusReport> deliveryReport() {
        return checkpoints.stream().filter(r -> r.status() == ParcelStatus.DELIVERED).findFirst();
    }

    boolean reportedDelivered() {
        return deliveryReport().isPresent();
    }

    /** The first registration wins; a repeat (replay, a re-sent shipment) changes nothing. */
    public Update register(Registration newRegistration, Instant at) {
        if (registered()) {
            return Update.none(this);
        }
        Parcel parcel = new Parcel(trackingNumber, newRegistration, ParcelStatus.PENDING, null, checkpoints,
                watch.heard(at));
        List<Move> moves = new ArrayList<>();
        for (StatusReport early : checkpoints) {
            parcel = parcel.apply(early, moves);
        }
        return new Update(parcel, true, moves);
    }

    /** Keeps a new report and, once registered, lets it move the status forward; a report seen before changes nothing. */
    public Update record(StatusReport report) {
        if (hasSeen(report.eventId())) {
            return Update.none(this);
        }
        Parcel parcel = withCheckpoint(report);
        if (!registered()) {
            return new Update(parcel, true, List.of());
        }
        List<Move> moves = new ArrayList<>();
        return new Update(parcel.apply(report, moves), true, moves);
    }

    /**
     * Keeps reports that came together (one webhook call, one round of polling), oldest first, as
     * {@link #record(StatusReport)} would one by one.
     */
    public Update record(List<StatusReport> reports) {
        Parcel parcel = this;
        boolean changed = false;
        List<Move> moves = new ArrayList<>();
        for (StatusReport report : reports) {
            Update one = parcel.record(report);
            parcel = one.parcel();
            changed |= one.changed();
            moves.addAll(one.moves());
        }
        return new Update(parcel, changed, moves);
    }

    private Parcel apply(StatusReport report, List<Move> moves) {
        if (!StatusRule.moves(status, statusSince, report.status(), report.time())) {
            return this;
        }
        moves.add(new Move(status, report.status(), report));
        return new Parcel(trackingNumber, registration, report.status(), report.time(), checkpoints, watch);
    }

    Parcel watching(Watch newWatch) {
        return new Parcel(trackingNumber, registration, status, statusSince, checkpoints, newWatch);
    }

    Parcel expired(Instant at) {
        return new Parcel(trackingNumber, registration, ParcelStatus.EXPIRED, at, checkpoints, watch);
    }

    private boolean hasSeen(String eventId) {
        return checkpoints.stream().anyMatch(c -> c.eventId().equals(eventId));
    }

    private Parcel withCheckpoint(StatusReport report) {
        List<StatusReport> all = new ArrayList<>(checkpoints);
        all.add(report);
        all.sort(BY_TIME); // stable: reports with the same time keep their arrival order
        return new Parcel(trackingNumber, registration, status, statusSince, all, watch.heard(report.time()));
    }
}
