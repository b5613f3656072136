package com.openfulfil.dropship.local.bench;

import com.openfulfil.dropship.events.EventHeaders;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.partner.CommissionEarned;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.local.Polling;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Reads, from the beginning and committed records only, every order's status changes
 * ({@code orders.lifecycle}), the commissions ({@code commissions.ledger}) and the dispatches to
 * each supplier of the bench catalog ({@code supplier.<id>.dispatch}) into the {@link OrderBook},
 * and says when an order is DELIVERED so the bench can confirm it as the customer (or the admin) would.
 *
 * <p>It decodes as little as it can: a record's {@value EventHeaders#TYPE} header says whether it
 * is wanted at all; a dispatch's order is its key and its supplier the topic's name, so a dispatch
 * is not decoded; a status change or a commission is read only up to the fields needed. A record
 * without the header (written before events named their type) is read as a whole.
 */
final class BenchWatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BenchWatcher.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private static final String COMMISSION_EARNED = CommissionEarned.class.getSimpleName();

    private final String bootstrapServers;
    private final List<String> topics;
    /** The catalog index of the supplier each dispatch topic belongs to. */
    private final Map<String, Integer> supplierOfTopic = new HashMap<>();
    private final OrderBook book;
    private final Consumer<Track> onDelivered;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
    private final AtomicLong unreadable = new AtomicLong();
    private final AtomicLong read = new AtomicLong();
    private final AtomicLong decoded = new AtomicLong();
    private final Thread poller = new Thread(this::pollLoop, "bench-watcher");
    private volatile boolean running = true;

    /** @param suppliers the bench catalog's supplier ids, in catalog order */
    BenchWatcher(String bootstrapServers, List<String> suppliers, OrderBook book, Consumer<Track> onDelivered) {
        this.bootstrapServers = bootstrapServers;
        this.topics = topics(suppliers);
        for (int i = 0; i < suppliers.size(); i++) {
            supplierOfTopic.put(Topics.supplierDispatch(suppliers.get(i)).name(), i);
        }
        this.book = book;
        this.onDelivered = onDelivered;
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000), new StringDeserializer(), new ByteArrayDeserializer());
    }

    static List<String> topics(List<String> suppliers) {
        List<String> topics = new ArrayList<>(List.of(Topics.ORDERS_LIFECYCLE.name(), Topics.COMMISSIONS_LEDGER.name()));
        suppliers.forEach(s -> topics.add(Topics.supplierDispatch(s).name()));
        return topics;
    }

    BenchWatcher start(Duration timeout) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> found = consumer.partitionsFor(topic, timeout);
            if (found.isEmpty()) {
                throw new IllegalStateException("Topic " + topic + " does not exist");
            }
            found.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        partitions.forEach(p -> positions.put(p, 0L));
        poller.start();
        return this;
    }

    private void pollLoop() {
        try {
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                records.forEach(this::apply);
                for (TopicPartition partition : records.partitions()) {
                    positions.put(partition, consumer.position(partition));
                }
                if (records.isEmpty()) {
                    // positions also move past transaction markers when no record comes
                    consumer.assignment().forEach(p -> positions.put(p, consumer.position(p)));
                }
            }
        } catch (WakeupException e) {
            // close() asked us to stop
        } catch (RuntimeException e) {
            log.error("Bench watcher stopped", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    void apply(ConsumerRecord<String, byte[]> record) {
        read.incrementAndGet();
        String type = EventHeaders.type(record.headers());
        if (type == null) {
            applyDecoded(record);
        } else if (type.equals(EventFields.DISPATCH_REQUESTED) && record.key() != null) {
            dispatched(record.key(), record.topic());
        } else if (type.equals(EventFields.STATUS_CHANGED) || type.equals(COMMISSION_EARNED)) {
            applyDecoded(record);
        }
        // any other event on these topics (a cancellation, a commission reversed) is not counted, nor read
    }

    private void applyDecoded(ConsumerRecord<String, byte[]> record) {
        decoded.incrementAndGet();
        EventFields event = EventFields.read(record.topic(), record.headers(), record.value()).orElse(null);
        if (event == null || event.orderId() == null) {
            unreadable.incrementAndGet();
            return;
        }
        switch (event.type()) {
            case "OrderStatusChanged" -> {
                if (event.to() == null) {
                    unreadable.incrementAndGet();
                    return;
                }
                Track track = book.track(event.orderId());
                OrderStatus to = OrderStatus.valueOf(event.to());
                track.status(to, event.occurredAtMillis());
                if (to == OrderStatus.DELIVERED) {
                    onDelivered.accept(track);
                }
            }
            case "CommissionEarned" -> book.track(event.orderId()).commission(event.occurredAtMillis());
            case "DispatchRequested" -> dispatched(event.orderId(), record.topic());
            default -> {
                // other events on these topics (e.g. cancellations) are not counted
            }
        }
    }

    /** A dispatch is counted for the supplier whose topic it is on: that is where the supplier reads it. */
    private void dispatched(String orderId, String topic) {
        book.track(orderId).dispatch(supplierOfTopic.getOrDefault(topic, Track.OTHER_SUPPLIER));
    }

    /**
     * Waits until the watcher has read every committed record written so far (the last stable
     * offset of each partition), so a check made afterwards sees everything.
     */
    boolean awaitCaughtUp(Duration timeout) {
        Map<TopicPartition, Long> ends = stableEnds();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (ends.entrySet().stream().allMatch(e -> positions.getOrDefault(e.getKey(), 0L) >= e.getValue())) {
                return true;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        return false;
    }

    private Map<TopicPartition, Long> stableEnds() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<TopicPartition, OffsetSpec> latest = positions.keySet().stream()
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            return admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                    .get(30, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the end offsets of " + topics, e);
        }
    }

    long recordsRead() {
        return read.get();
    }

    /** Records whose value was read (the others were told apart by their headers and key alone). */
    long decoded() {
        return decoded.get();
    }

    long unreadable() {
        return unreadable.get();
    }

    @Override
    public void close() {
        running = false;
        Polling.stop(poller, consumer);
    }
}
