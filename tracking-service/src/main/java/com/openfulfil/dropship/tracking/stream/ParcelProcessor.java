package com.openfulfil.dropship.tracking.stream;

import com.openfulfil.dropship.support.streams.DueIndex;
import com.openfulfil.dropship.support.streams.KeyedState;
import com.openfulfil.dropship.support.streams.StateStores;
import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.OrderScoped;
import com.openfulfil.dropship.events.tracking.CarrierCheckpoint;
import com.openfulfil.dropship.events.tracking.CarrierCheckpoints;
import com.openfulfil.dropship.events.tracking.ClaimCloseRequested;
import com.openfulfil.dropship.events.tracking.ClaimFileRequested;
import com.openfulfil.dropship.events.tracking.ParcelRegistered;
import com.openfulfil.dropship.tracking.domain.Claim;
import com.openfulfil.dropship.tracking.domain.Claims;
import com.openfulfil.dropship.tracking.domain.Parcel;
import com.openfulfil.dropship.tracking.domain.ParcelWatch;
import com.openfulfil.dropship.tracking.domain.Registration;
import com.openfulfil.dropship.tracking.domain.StatusReport;
import com.openfulfil.dropship.tracking.domain.Update;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The parcel task (keyed by tracking number): registrations and carrier reports go through
 * {@link Parcel}, ops' claim updates through {@link Claims}, and each status move, delay and claim
 * change goes out keyed by orderId. Each parcel's
 * next timer sits in a deadline index (a store, so it survives restarts); a wall-clock punctuator
 * fires the due ones, and firing moves or removes the entry in the same transaction, so a timer
 * fires once.
 */
final class ParcelProcessor implements Processor<String, Event, String, Event> {
    private final ParcelWatch watch;
    private final Duration checkEvery;
    /** The width the due times of the deadline index are padded to (as stored since the index was made). */
    private static final int DEADLINE_DIGITS = 19;

    private ProcessorContext<String, Event> context;
    private KeyedState<Parcel> parcels;
    private DueIndex deadlines;

    private ParcelProcessor(ParcelWatch watch, Duration checkEvery) {
        this.watch = watch;
        this.checkEvery = checkEvery;
    }

    @Override
    public void init(ProcessorContext<String, Event> context) {
        this.context = context;
        this.parcels = KeyedState.of(context, TrackingTopology.PARCELS);
        this.deadlines = new DueIndex(context.getStateStore(TrackingTopology.PARCEL_DEADLINES), DEADLINE_DIGITS);
        context.schedule(checkEvery, PunctuationType.WALL_CLOCK_TIME, this::fireDue);
    }

    @Override
    public void process(Record<String, Event> record) {
        Instant now = now();
        if (record.value() instanceof ParcelRegistered registered) {
            update(record, registered.trackingNumber(), parcel -> parcel.register(registration(registered), now));
        } else if (record.value() instanceof CarrierCheckpoint checkpoint) {
            update(record, checkpoint.trackingNumber(), parcel -> parcel.record(report(checkpoint)));
        } else if (record.value() instanceof CarrierCheckpoints batch) {
            update(record, batch.trackingNumber(), parcel -> parcel.record(batch.checkpoints().stream()
                    .map(ParcelProcessor::report).toList()));
        } else if (record.value() instanceof ClaimFileRequested filing) {
            update(record, filing.trackingNumber(), parcel -> Claims.file(parcel, filing.eventId(),
                    filing.carrierReference(), now, filing.requestedBy()));
        } else if (record.value() instanceof ClaimCloseRequested closing) {
            update(record, closing.trackingNumber(), parcel -> Claims.close(parcel, closing.eventId(),
                    new Claim.Settlement(closing.outcome(), closing.amount(), closing.currency(), closing.note(),
                            closing.remedy()), now,
                    closing.requestedBy()));
        }
    }

    private void update(Record<String, Event> record, String trackingNumber, Function<Parcel, Update> step) {
        if (trackingNumber == null || trackingNumber.isBlank()) {
            throw new IllegalArgumentException(record.value().getClass().getSimpleName() + " "
                    + record.value().eventId() + " has no tracking number");
        }
        Parcel parcel = parcels.getOr(trackingNumber, Parcel::unknown);
        save(parcel, watch.afterReport(step.apply(parcel), now()), record.timestamp());
    }

    /** Every parcel whose timer is due: the index is ordered by time, so the scan stops at now. */
    private void fireDue(long wallClockMs) {
        Instant now = Instant.ofEpochMilli(wallClockMs);
        for (DueIndex.Due due : deadlines.due(now)) {
            Parcel parcel = parcels.get(due.value());
            if (parcel != null) {
                save(parcel, watch.due(parcel, now), wallClockMs);
            }
        }
    }

    private void save(Parcel before, Update update, long timestamp) {
        if (!update.changed()) {
            return;
        }
        Parcel after = update.parcel();
        parcels.put(after.trackingNumber(), after);
        Optional<Instant> oldDeadline = watch.deadline(before);
        Optional<Instant> newDeadline = watch.deadline(after);
        if (!oldDeadline.equals(newDeadline)) {
            oldDeadline.ifPresent(at -> deadlines.remove(at, after.trackingNumber()));
            newDeadline.ifPresent(at -> deadlines.add(at, after.trackingNumber(), after.trackingNumber()));
        }
        for (Event event : ParcelEvents.of(update, now())) {
            context.forward(new Record<>(((OrderScoped) event).orderId(), event, timestamp));
        }
    }

    private Instant now() {
        return KeyedState.now(context);
    }

    private static Registration registration(ParcelRegistered registered) {
        return new Registration(registered.orderId(), registered.dispatchId(), registered.supplierId(),
                registered.carrier(), registered.items());
    }

    private static StatusReport report(CarrierCheckpoint checkpoint) {
        return new StatusReport(checkpoint.eventId(), checkpoint.status(), checkpoint.checkpoint(),
                checkpoint.estimatedDelivery(), checkpoint.receivedVia());
    }

    static final class Supplier implements ProcessorSupplier<String, Event, String, Event> {
        private final ParcelWatch watch;
        private final Duration checkEvery;

        Supplier(ParcelWatch watch, Duration checkEvery) {
            this.watch = watch;
            this.checkEvery = checkEvery;
        }

        @Override
        public Processor<String, Event, String, Event> get() {
            return new ParcelProcessor(watch, checkEvery);
        }

        @Override
        public Set<StoreBuilder<?>> stores() {
            return Set.of(
                    StateStores.keyValue(TrackingTopology.PARCELS, Parcel.class),
                    StateStores.timers(TrackingTopology.PARCEL_DEADLINES));
        }
    }
}
