package com.openfulfil.dropship.gateway.connector;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.supplier.DispatchMessage;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.streams.DeadLetters;
import io.micrometer.core.instrument.Metrics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Reads one HTTP supplier's dispatch topic and delivers each message to the supplier's API.
 * Messages of one order go in order; different orders go side by side (the bulkhead caps how many).
 * An offset is committed only once its message is delivered or parked, so a restart re-sends what
 * was in flight: the supplier recognises it by its Idempotency-Key. While the circuit breaker is
 * open the messages wait on the topic, and are read again once it lets calls through.
 */
final class DispatchForwarder {
    private static final Logger log = LoggerFactory.getLogger(DispatchForwarder.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final String supplierId;
    private final String topic;
    private final String group;
    private final GuardedSupplier supplier;
    private final DeadLetters deadLetters;
    private final ExecutorService pool;
    private final EventSerde serde = new EventSerde();

    DispatchForwarder(String supplierId, String group, GuardedSupplier supplier, DeadLetters deadLetters,
                      ExecutorService pool) {
        this.supplierId = supplierId;
        this.topic = Topics.supplierDispatch(supplierId).name();
        this.group = group;
        this.supplier = supplier;
        this.deadLetters = deadLetters;
        this.pool = pool;
    }

    String topic() {
        return topic;
    }

    /** One poll: deliver what came, commit what is done, rewind to what must be sent again. */
    void pollOnce(KafkaConsumer<String, byte[]> consumer) {
        if (!consumer.paused().isEmpty() && supplier.permitsCalls()) {
            consumer.resume(consumer.paused());
        }
        ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
        if (records.isEmpty()) {
            return;
        }
        Map<String, List<ConsumerRecord<String, byte[]>>> byOrder = new LinkedHashMap<>();
        records.forEach(r -> byOrder.computeIfAbsent(r.key() == null ? "" : r.key(), k -> new ArrayList<>()).add(r));
        List<CompletableFuture<List<ConsumerRecord<String, byte[]>>>> running = byOrder.values().stream()
                .map(order -> CompletableFuture.supplyAsync(() -> deliverInOrder(order), pool)).toList();
        List<ConsumerRecord<String, byte[]>> heldBack = new ArrayList<>();
        running.forEach(f -> heldBack.addAll(f.join()));
        commitAndRewind(consumer, records, heldBack);
    }

    /** @return the messages held back by an open breaker (the first and every later one of this order) */
    private List<ConsumerRecord<String, byte[]>> deliverInOrder(List<ConsumerRecord<String, byte[]>> order) {
        for (int i = 0; i < order.size(); i++) {
            if (deliver(order.get(i)).outcome() == Delivery.Outcome.HELD_BACK) {
                return order.subList(i, order.size());
            }
        }
        return List.of();
    }

    private Delivery deliver(ConsumerRecord<String, byte[]> record) {
        DispatchMessage message;
        try {
            Event event = serde.deserialize(record.topic(), record.value());
            if (!(event instanceof DispatchMessage dispatch) || !dispatch.supplierId().equals(supplierId)) {
                throw new SerializationException("Not a dispatch message for " + supplierId + ": " + event);
            }
            message = dispatch;
        } catch (SerializationException e) {
            park(record, e);
            return Delivery.parked(e.getMessage());
        }
        Delivery delivery = supplier.deliver(message, record.value());
        if (delivery.outcome() == Delivery.Outcome.PARKED) {
            park(record, new IllegalStateException(message.getClass().getSimpleName() + " " + message.dispatchId()
                    + " for order " + message.orderId() + " not delivered: " + delivery.problem().orElse("")));
        } else if (delivery.outcome() == Delivery.Outcome.DELIVERED) {
            Metrics.counter("dropship.gateway.http.delivered", "supplier", supplierId).increment();
        }
        return delivery;
    }

    /** Never dropped: the message goes to the dead-letter topic, and ops are alerted by log and metric. */
    private void park(ConsumerRecord<String, byte[]> record, Exception why) {
        boolean kept = deadLetters.send(record.topic(), group, record.partition(), record.offset(),
                record.key() == null ? null : record.key().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                record.value(), record.headers(), why);
        if (!kept) {
            throw new IllegalStateException("Could not park " + record.topic() + "@" + record.offset()
                    + ": it stays on the topic and is read again");
        }
        log.error("ALERT parked dispatch for supplier {} ({}@{}) on {}: {}", supplierId, record.topic(),
                record.offset(), Topics.dlq(record.topic(), group), why.getMessage());
        Metrics.counter("dropship.gateway.dispatch.parked", "supplier", supplierId).increment();
    }

    private void commitAndRewind(KafkaConsumer<String, byte[]> consumer, ConsumerRecords<String, byte[]> records,
                                 List<ConsumerRecord<String, byte[]>> heldBack) {
        Map<TopicPartition, Long> firstHeld = new HashMap<>();
        heldBack.forEach(r -> firstHeld.merge(new TopicPartition(r.topic(), r.partition()), r.offset(), Math::min));
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> polled = records.records(partition);
            long next = firstHeld.getOrDefault(partition, polled.get(polled.size() - 1).offset() + 1);
            commit.put(partition, new OffsetAndMetadata(next));
            if (firstHeld.containsKey(partition)) {
                consumer.seek(partition, next);
            }
        }
        consumer.commitSync(commit);
        if (!heldBack.isEmpty()) {
            log.warn("Circuit breaker of supplier {} is open: {} dispatch messages wait on {}", supplierId,
                    heldBack.size(), topic);
            consumer.pause(consumer.assignment());
        }
    }
}
