package com.openfulfil.dropship.local.sim;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.EventHeaders;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.supplier.ParcelsShipped;
import com.openfulfil.dropship.events.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The carriers' side of the suppliers a person plays in the supplier portal: nobody hands their
 * parcels to the carrier simulator, so it picks them up where the pipeline announces them
 * ({@code ParcelsShipped} on {@code fulfilment.events}) and delivers each like any other. Offsets
 * are committed once a parcel's journey is over, so a restart picks up the parcels still on their
 * way; the carrier's event ids come from the tracking number, so a parcel reported twice is one.
 */
public final class PortalParcels implements AutoCloseable {
    public static final String GROUP = "carrier-simulator-portal";
    private static final String PARCELS_SHIPPED = ParcelsShipped.class.getSimpleName();

    private final Set<String> suppliers;
    private final SupplierSimulator.CarrierDesk carriers;
    private final EventSerde serde = new EventSerde();
    private final CommittingPoller poller;

    public PortalParcels(String bootstrapServers, Set<String> suppliers, SupplierSimulator.CarrierDesk carriers) {
        this.suppliers = Set.copyOf(suppliers);
        this.carriers = carriers;
        this.poller = new CommittingPoller("portal-parcels", Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG, GROUP,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                (consumer, listener) -> consumer.subscribe(List.of(Topics.FULFILMENT_EVENTS.name()), listener),
                this::receive);
    }

    public void start() {
        poller.start();
    }

    private void receive(ConsumerRecord<String, byte[]> record, Runnable done) {
        String type = EventHeaders.type(record.headers());
        if (type != null && !type.equals(PARCELS_SHIPPED)) {
            // the other fulfilment events are not the carriers' business: passed over without decoding them
            done.run();
            return;
        }
        Event event;
        try {
            event = serde.deserialize(record.topic(), record.headers(), record.value());
        } catch (RuntimeException e) {
            event = null;
        }
        if (!(event instanceof ParcelsShipped shipped) || !suppliers.contains(shipped.supplierId())
                || shipped.trackingNumbers().isEmpty()) {
            done.run();
            return;
        }
        Runnable finished = countDown(shipped.trackingNumbers().size(), done);
        for (String number : shipped.trackingNumbers()) {
            carriers.handOver(new Parcel(shipped.carrier(), number, SupplierWork.origin(shipped.supplierId()),
                    "the customer's address"), finished);
        }
    }

    /** Runs {@code then} once every parcel of the shipment is done. */
    private static Runnable countDown(int parcels, Runnable then) {
        int[] left = {parcels};
        return () -> {
            synchronized (left) {
                if (--left[0] == 0) {
                    then.run();
                }
            }
        };
    }

    @Override
    public void close() {
        poller.close();
    }
}
