package com.openfulfil.dropship.tracking.stream;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.events.tracking.CarrierCheckpoint;
import com.openfulfil.dropship.events.tracking.CarrierCheckpoints;
import com.openfulfil.dropship.events.tracking.ClaimCloseRequested;
import com.openfulfil.dropship.events.tracking.ClaimFileRequested;
import com.openfulfil.dropship.events.tracking.ParcelRegistered;
import com.openfulfil.dropship.tracking.domain.ParcelWatch;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;

import java.time.Duration;
import java.util.List;

/** The tracking stream, shared by the function bean and the topology tests. */
public final class TrackingTopology {
    /** The parcels store (key: tracking number, value: {@code domain.Parcel}). */
    public static final String PARCELS = "parcels";
    /** Each watched parcel's next timer (key: zero-padded due time and tracking number, value: tracking number). */
    public static final String PARCEL_DEADLINES = "parcel-deadlines";

    /** The topics parcel tracking reads (TrackingStream adds the notification inputs). */
    public static final List<String> INPUTS = List.of(Topics.TRACKING_REGISTRATIONS.name(),
            Topics.CARRIER_EVENTS.name());

    private static final Produced<String, Event> EVENTS = Produced.with(Serdes.String(), new EventSerde());

    private TrackingTopology() {
    }

    /**
     * @param watch      the delay and expiry rules
     * @param checkEvery how often the timers look for due parcels (wall-clock time)
     */
    public static void wire(KStream<String, Event> events, ParcelWatch watch, Duration checkEvery) {
        // registrations (supplier-gateway writes them with each shipment), carrier reports and ops' claim updates
        // of one tracking number meet in the parcel's task, with its timers
        events.filter((key, event) -> event instanceof ParcelRegistered || event instanceof CarrierCheckpoint
                        || event instanceof CarrierCheckpoints || event instanceof ClaimFileRequested
                        || event instanceof ClaimCloseRequested)
                .process(new ParcelProcessor.Supplier(watch, checkEvery))
                .to(Topics.TRACKING_EVENTS.name(), EVENTS);
    }
}
