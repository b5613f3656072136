package com.openfulfil.dropship.local.demo;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.partner.CommissionEarned;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.local.Polling;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * Follows every order's status on {@code orders.lifecycle} and the commissions on
 * {@code commissions.ledger} (committed records only), from the beginning of both topics, so
 * nothing said before the watcher started is missed.
 */
public final class OrderWatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OrderWatcher.class);
    private static final List<String> TOPICS = List.of(Topics.ORDERS_LIFECYCLE.name(), Topics.COMMISSIONS_LEDGER.name());

    /** Called on the watcher's thread for every status change read. */
    public interface Listener {
        void onStatus(String orderId, OrderStatus status);
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final EventSerde serde = new EventSerde();
    private final Map<String, OrderStatus> statuses = new ConcurrentHashMap<>();
    private final Map<String, List<CommissionEarned>> commissions = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Thread poller = new Thread(this::pollLoop, "order-watcher");
    private volatile boolean running = true;

    public OrderWatcher(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Assigns every partition of both topics (they exist once the services have started) and starts reading. */
    public OrderWatcher start(Duration timeout) {
        consumer.assign(partitions(timeout));
        consumer.seekToBeginning(consumer.assignment());
        poller.start();
        return this;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public Optional<OrderStatus> status(String orderId) {
        return Optional.ofNullable(statuses.get(orderId));
    }

    public List<CommissionEarned> commissions(String orderId) {
        return List.copyOf(commissions.getOrDefault(orderId, List.of()));
    }

    /** Waits until {@code condition} holds (checked after every record read) or {@code timeout} passes. */
    public synchronized boolean awaitUntil(BooleanSupplier condition, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0) {
                return false;
            }
            try {
                wait(Math.min(left, 500));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private List<TopicPartition> partitions(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<TopicPartition> all = new ArrayList<>();
        for (String topic : TOPICS) {
            List<PartitionInfo> found = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            while (found.isEmpty() && Instant.now().isBefore(deadline)) {
                found = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            }
            if (found.isEmpty()) {
                throw new IllegalStateException("Topic " + topic + " does not exist: did order-service start?");
            }
            found.forEach(p -> all.add(new TopicPartition(p.topic(), p.partition())));
        }
        return all;
    }

    private void pollLoop() {
        try {
            while (running) {
                consumer.poll(Duration.ofMillis(200)).forEach(this::read);
            }
        } catch (WakeupException e) {
            // close() asked us to stop
        } catch (RuntimeException e) {
            log.error("Order watcher stopped", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void read(ConsumerRecord<String, byte[]> record) {
        Event event;
        try {
            event = serde.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            log.warn("Skipping unreadable record on {}: {}", record.topic(), e.getMessage());
            return;
        }
        try {
            apply(event);
        } finally {
            synchronized (this) {
                notifyAll();
            }
        }
    }

    private void apply(Event event) {
        if (event instanceof OrderStatusChanged changed && changed.to() != null) {
            statuses.put(changed.orderId(), changed.to());
            listeners.forEach(l -> l.onStatus(changed.orderId(), changed.to()));
        } else if (event instanceof CommissionEarned earned) {
            commissions.computeIfAbsent(earned.orderId(), id -> new CopyOnWriteArrayList<>()).add(earned);
        }
    }

    @Override
    public void close() {
        running = false;
        Polling.stop(poller, consumer);
    }
}
