package com.openfulfil.dropship.tracking.stream;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.supplier.ParcelsShipped;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.events.tracking.CarrierCheckpoint;
import com.openfulfil.dropship.events.tracking.ParcelRegistered;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;

import java.util.List;

/** The tracking stream, shared by the function bean and the topology tests. */
public final class TrackingTopology {
    /** The parcels store (key: tracking number, value: {@code domain.Parcel}). */
    public static final String PARCELS = "parcels";

    /** Every topic the stream reads; the binding's destination lists the same. */
    public static final List<String> INPUTS = List.of(Topics.FULFILMENT_EVENTS.name(),
            Topics.TRACKING_REGISTRATIONS.name(), Topics.CARRIER_EVENTS.name());

    private static final Produced<String, Event> EVENTS = Produced.with(Serdes.String(), new EventSerde());

    private TrackingTopology() {
    }

    public static void wire(KStream<String, Event> events) {
        // a shipment becomes one registration per tracking number, keyed by it, so the parcel's task owns it
        events.filter((key, event) -> event instanceof ParcelsShipped)
                .process(ShipmentSplitter::new)
                .to(Topics.TRACKING_REGISTRATIONS.name(), EVENTS);

        // registrations and carrier reports of one tracking number meet in the parcel's task
        events.filter((key, event) -> event instanceof ParcelRegistered || event instanceof CarrierCheckpoint)
                .process(new ParcelProcessor.Supplier())
                .to(Topics.TRACKING_EVENTS.name(), EVENTS);
    }
}
