package com.openfulfil.dropship.local.sim;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.supplier.ParcelsShipped;
import com.openfulfil.dropship.events.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
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
    private static final Logger log = LoggerFactory.getLogger(PortalParcels.class);
    private static final Duration COMMIT_EVERY = Duration.ofSeconds(1);

    private final Set<String> suppliers;
    private final SupplierSimulator.CarrierDesk carriers;
    private final KafkaConsumer<String, byte[]> consumer;
    private final PendingOffsets pending = new PendingOffsets();
    private final EventSerde serde = new EventSerde();
    private final Thread poller = new Thread(this::pollLoop, "portal-parcels");
    private volatile boolean running = true;

    public PortalParcels(String bootstrapServers, Set<String> suppliers, SupplierSimulator.CarrierDesk carriers) {
        this.suppliers = Set.copyOf(suppliers);
        this.carriers = carriers;
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, GROUP,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
    }

    public void start() {
        poller.start();
    }

    private void pollLoop() {
        try {
            consumer.subscribe(List.of(Topics.FULFILMENT_EVENTS.name()));
            Instant nextCommit = Instant.now().plus(COMMIT_EVERY);
            while (running) {
                consumer.poll(Duration.ofMillis(200)).forEach(this::receive);
                if (Instant.now().isAfter(nextCommit)) {
                    commitQuietly();
                    nextCommit = Instant.now().plus(COMMIT_EVERY);
                }
            }
        } catch (WakeupException e) {
            // close() woke us up to stop
        } catch (RuntimeException e) {
            log.error("Portal parcels stopped", e);
        } finally {
            commitQuietly();
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void receive(ConsumerRecord<String, byte[]> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        pending.begin(partition, record.offset());
        Event event;
        try {
            event = serde.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            event = null;
        }
        if (!(event instanceof ParcelsShipped shipped) || !suppliers.contains(shipped.supplierId())
                || shipped.trackingNumbers().isEmpty()) {
            pending.finish(partition, record.offset());
            return;
        }
        Runnable finished = countDown(shipped.trackingNumbers().size(), () -> pending.finish(partition, record.offset()));
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

    private void commitQuietly() {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = pending.toCommit();
            if (!offsets.isEmpty()) {
                consumer.commitSync(offsets);
                pending.committed(offsets);
            }
        } catch (RuntimeException e) {
            log.warn("Could not commit the portal parcels' offsets: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            poller.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
