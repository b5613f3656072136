package com.openfulfil.dropship.tracking.stream;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.serde.JsonSerde;
import com.openfulfil.dropship.events.tracking.CarrierCheckpoint;
import com.openfulfil.dropship.events.tracking.ParcelRegistered;
import com.openfulfil.dropship.events.tracking.ParcelStatusChanged;
import com.openfulfil.dropship.tracking.domain.Move;
import com.openfulfil.dropship.tracking.domain.Parcel;
import com.openfulfil.dropship.tracking.domain.Registration;
import com.openfulfil.dropship.tracking.domain.StatusReport;
import com.openfulfil.dropship.tracking.domain.Update;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import java.time.Instant;
import java.util.Set;
import java.util.function.Function;

/**
 * The parcel task (keyed by tracking number): registrations and carrier reports go through
 * {@link Parcel}, and each status move goes out as ParcelStatusChanged keyed by orderId.
 */
final class ParcelProcessor implements Processor<String, Event, String, Event> {
    private ProcessorContext<String, Event> context;
    private KeyValueStore<String, Parcel> parcels;

    @Override
    public void init(ProcessorContext<String, Event> context) {
        this.context = context;
        this.parcels = context.getStateStore(TrackingTopology.PARCELS);
    }

    @Override
    public void process(Record<String, Event> record) {
        if (record.value() instanceof ParcelRegistered registered) {
            update(record, registered.trackingNumber(), parcel -> parcel.register(registration(registered)));
        } else if (record.value() instanceof CarrierCheckpoint checkpoint) {
            update(record, checkpoint.trackingNumber(), parcel -> parcel.record(report(checkpoint)));
        }
    }

    private void update(Record<String, Event> record, String trackingNumber, Function<Parcel, Update> step) {
        if (trackingNumber == null || trackingNumber.isBlank()) {
            throw new IllegalArgumentException(record.value().getClass().getSimpleName() + " "
                    + record.value().eventId() + " has no tracking number");
        }
        Parcel current = parcels.get(trackingNumber);
        Update update = step.apply(current == null ? Parcel.unknown(trackingNumber) : current);
        if (!update.changed()) {
            return;
        }
        parcels.put(trackingNumber, update.parcel());
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        for (Move move : update.moves()) {
            ParcelStatusChanged changed = statusChanged(update.parcel(), move, now);
            context.forward(record.withKey(changed.orderId()).withValue(changed));
        }
    }

    private static Registration registration(ParcelRegistered registered) {
        return new Registration(registered.orderId(), registered.dispatchId(), registered.supplierId(),
                registered.carrier());
    }

    private static StatusReport report(CarrierCheckpoint checkpoint) {
        return new StatusReport(checkpoint.eventId(), checkpoint.status(), checkpoint.checkpoint());
    }

    /** The id names the parcel and the report that moved it, so the move has one id however it came about. */
    private static ParcelStatusChanged statusChanged(Parcel parcel, Move move, Instant now) {
        Registration registration = parcel.registration();
        return new ParcelStatusChanged(EventIds.derived(parcel.trackingNumber(), move.report().eventId(), "status"),
                now, registration.orderId(), registration.dispatchId(), parcel.trackingNumber(),
                registration.carrier(), move.previous(), move.status(), move.report().checkpoint());
    }

    static final class Supplier implements ProcessorSupplier<String, Event, String, Event> {
        @Override
        public Processor<String, Event, String, Event> get() {
            return new ParcelProcessor();
        }

        @Override
        public Set<StoreBuilder<?>> stores() {
            return Set.of(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TrackingTopology.PARCELS),
                    Serdes.String(), JsonSerde.of(Parcel.class)));
        }
    }
}
