package com.openfulfil.dropship.local.chaos;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.notification.NotificationRequested;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.partner.CommissionEarned;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.supplier.DispatchRequested;
import com.openfulfil.dropship.events.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads what the pipeline wrote, from the beginning of the topics to their end at the time of
 * reading, committed records only: every order's status changes, every dispatch to a supplier,
 * every commission, every message asked for a customer, and every dead letter.
 */
final class TopicAudit {
    private static final Pattern DISPATCH_TOPICS = Pattern.compile("supplier\\..*\\.dispatch");
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(90);

    /** A dispatch as found on its topic, with where it was, for a reproduction. */
    record Dispatch(DispatchRequested event, String topic, int partition, long offset) {
    }

    /** One dead letter: the DLQ it is in, the headers that say why, and the poison id if it was ours. */
    record DeadLetter(String dlqTopic, String sourceTopic, String group, String error, String poisonId,
                      Instant failedAt, String key) {
    }

    /** What the topics held when they were read. */
    record Snapshot(Map<String, List<OrderStatus>> statuses, Map<String, List<Dispatch>> dispatches,
                    Map<String, List<CommissionEarned>> commissions, Map<String, List<NotificationRequested>> notifications,
                    List<DeadLetter> deadLetters) {

        static Snapshot empty() {
            return new Snapshot(Map.of(), Map.of(), Map.of(), Map.of(), List.of());
        }

        /** The order's statuses in the order they were written (one partition per order). */
        List<OrderStatus> statusesOf(String orderId) {
            return statuses.getOrDefault(orderId, List.of());
        }

        OrderStatus lastStatusOf(String orderId) {
            List<OrderStatus> all = statusesOf(orderId);
            return all.isEmpty() ? null : all.get(all.size() - 1);
        }

        List<Dispatch> dispatchesOf(String orderId) {
            return dispatches.getOrDefault(orderId, List.of());
        }

        List<CommissionEarned> commissionsOf(String orderId) {
            return commissions.getOrDefault(orderId, List.of());
        }

        /** The messages asked for the order's customer on {@code notifications.outbound}, repeats included. */
        List<NotificationRequested> notificationsOf(String orderId) {
            return notifications.getOrDefault(orderId, List.of());
        }
    }

    private final String bootstrapServers;
    private final EventSerde serde = new EventSerde();

    TopicAudit(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    Snapshot read() {
        Map<String, List<OrderStatus>> statuses = new HashMap<>();
        Map<String, List<Dispatch>> dispatches = new HashMap<>();
        Map<String, List<CommissionEarned>> commissions = new HashMap<>();
        Map<String, List<NotificationRequested>> notifications = new HashMap<>();
        List<DeadLetter> deadLetters = new ArrayList<>();
        readAll(topic -> topic.equals(Topics.ORDERS_LIFECYCLE.name()) || topic.equals(Topics.COMMISSIONS_LEDGER.name())
                || topic.equals(Topics.NOTIFICATIONS_OUTBOUND.name())
                || DISPATCH_TOPICS.matcher(topic).matches() || topic.endsWith(".dlq"), record -> {
            if (record.topic().endsWith(".dlq")) {
                deadLetters.add(deadLetter(record));
                return;
            }
            Event event = readable(record);
            if (event instanceof OrderStatusChanged changed && changed.to() != null) {
                statuses.computeIfAbsent(changed.orderId(), id -> new ArrayList<>()).add(changed.to());
            } else if (event instanceof DispatchRequested dispatch) {
                dispatches.computeIfAbsent(dispatch.orderId(), id -> new ArrayList<>())
                        .add(new Dispatch(dispatch, record.topic(), record.partition(), record.offset()));
            } else if (event instanceof CommissionEarned earned) {
                commissions.computeIfAbsent(earned.orderId(), id -> new ArrayList<>()).add(earned);
            } else if (event instanceof NotificationRequested notification) {
                notifications.computeIfAbsent(notification.orderId(), id -> new ArrayList<>()).add(notification);
            }
        });
        return new Snapshot(statuses, dispatches, commissions, notifications, deadLetters);
    }

    /** Only the dead letters, for watching poison arrive. */
    List<DeadLetter> deadLetters() {
        List<DeadLetter> deadLetters = new ArrayList<>();
        readAll(topic -> topic.endsWith(".dlq"), record -> deadLetters.add(deadLetter(record)));
        return deadLetters;
    }

    /** Names of the dead-letter topics that exist. */
    Set<String> deadLetterTopics() {
        try (Admin admin = admin()) {
            return admin.listTopics().names().get(10, TimeUnit.SECONDS).stream()
                    .filter(t -> t.endsWith(".dlq")).collect(Collectors.toSet());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot list the topics: " + e.getMessage(), e);
        }
    }

    private Event readable(ConsumerRecord<String, byte[]> record) {
        try {
            return serde.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            return null;  // a poison message of ours (or someone else's): not an event of the pipeline
        }
    }

    private static DeadLetter deadLetter(ConsumerRecord<String, byte[]> record) {
        Instant failedAt;
        try {
            String at = header(record, "dlq.failed-at");
            failedAt = at == null ? null : Instant.parse(at);
        } catch (DateTimeParseException e) {
            failedAt = null;
        }
        return new DeadLetter(record.topic(), header(record, "dlq.topic"), header(record, "dlq.group"),
                header(record, "dlq.error"), header(record, Poison.HEADER), failedAt, record.key());
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private void readAll(Predicate<String> topics, Consumer<ConsumerRecord<String, byte[]>> sink) {
        try (Admin admin = admin();
             KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                     ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                     ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                     new StringDeserializer(), new ByteArrayDeserializer())) {
            List<String> names = admin.listTopics().names().get(10, TimeUnit.SECONDS).stream().filter(topics).toList();
            List<TopicPartition> partitions = admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS)
                    .values().stream().flatMap(d -> d.partitions().stream()
                            .map(p -> new TopicPartition(d.name(), p.partition()))).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            Instant deadline = Instant.now().plus(READ_TIMEOUT);
            while (!partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Could not read the topics to their end within " + READ_TIMEOUT);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(sink);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot read the topics: " + e.getMessage(), e);
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }
}
