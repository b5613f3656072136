package com.openfulfil.dropship.tracking.stream;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.supplier.ParcelsShipped;
import com.openfulfil.dropship.events.tracking.ParcelRegistered;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import java.time.Instant;
import java.util.List;

/** ParcelsShipped (keyed by orderId) to one ParcelRegistered per tracking number (keyed by it). */
final class ShipmentSplitter implements Processor<String, Event, String, Event> {
    private ProcessorContext<String, Event> context;

    @Override
    public void init(ProcessorContext<String, Event> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, Event> record) {
        ParcelsShipped shipped = (ParcelsShipped) record.value();
        List<String> trackingNumbers = trackingNumbers(shipped);
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        for (String trackingNumber : trackingNumbers) {
            context.forward(record.withKey(trackingNumber).withValue(registration(shipped, trackingNumber, now)));
        }
    }

    /** Checked before anything is forwarded, so a bad shipment goes to the DLQ whole. */
    private static List<String> trackingNumbers(ParcelsShipped shipped) {
        if (shipped.trackingNumbers() == null) {
            return List.of();
        }
        if (shipped.trackingNumbers().stream().anyMatch(n -> n == null || n.isBlank())) {
            throw new IllegalArgumentException("ParcelsShipped " + shipped.eventId() + " has a blank tracking number");
        }
        return shipped.trackingNumbers().stream().distinct().toList();
    }

    private static ParcelRegistered registration(ParcelsShipped shipped, String trackingNumber, Instant now) {
        return new ParcelRegistered(EventIds.derived(shipped.eventId(), "registered", trackingNumber), now,
                shipped.orderId(), shipped.dispatchId(), shipped.supplierId(), shipped.carrier(), trackingNumber);
    }
}
