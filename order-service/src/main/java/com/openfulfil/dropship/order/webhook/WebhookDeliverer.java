package com.openfulfil.dropship.order.webhook;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.Signatures;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.storefront.StorefrontWebhookSet;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.streams.DeadLetters;
import io.micrometer.core.instrument.Metrics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Delivers one storefront's status changes, in order per order, until each is accepted.
 *
 * <p>A consumer group of its own ({@code order-service.webhooks.<storefrontId>.<subscriptionId>})
 * reads {@code orders.lifecycle}; every instance of order-service joins it, so the partitions, and
 * the work, are shared between them. A status change is POSTed to the storefront's URL, signed
 * with its secret; its offset is committed only once the storefront answered 2xx. When an attempt
 * fails, its partition is paused and rewound to it, and retried after a doubling wait: the changes
 * behind it on that partition (the same order's among them) wait their turn, the other partitions
 * go on. The wait is the consumer's own poll, so nothing sleeps.
 *
 * <p>Delivery is at least once: an instance that stops between the storefront's answer and the
 * commit delivers that change again, with the same {@code X-Dropship-Event-Id}.
 */
final class WebhookDeliverer implements AutoCloseable {
    static final String EVENT_ID_HEADER = "X-Dropship-Event-Id";
    static final String ATTEMPT_HEADER = "X-Dropship-Delivery-Attempt";
    private static final Logger log = LoggerFactory.getLogger(WebhookDeliverer.class);
    private static final Duration IDLE_POLL = Duration.ofMillis(500);
    private static final String TOPIC = Topics.ORDERS_LIFECYCLE.name();

    private final String storefrontId;
    private final String subscriptionId;
    private final Instant since;
    private final Function<String, Optional<StorefrontWebhookSet>> registrations;
    private final WebhookProperties properties;
    private final HttpClient http;
    private final Clock clock;
    private final String bootstrapServers;
    private final Map<String, Object> security;
    private final String deadLetterGroup;
    private final EventSerde serde = new EventSerde();
    private final RestartingLoop loop;
    private final Map<TopicPartition, Integer> failures = new HashMap<>();
    private final Map<TopicPartition, Instant> retryAt = new HashMap<>();
    /** The current run's consumer: each restart of the loop gets a fresh one. */
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean running = true;
    private volatile DeliveryStatus status = DeliveryStatus.NONE;

    WebhookDeliverer(StorefrontWebhookSet webhook, Function<String, Optional<StorefrontWebhookSet>> registrations,
                     WebhookProperties properties, HttpClient http, Clock clock, String bootstrapServers,
                     Map<String, Object> security, String deadLetterGroup) {
        this.storefrontId = webhook.storefrontId();
        this.subscriptionId = webhook.subscriptionId();
        this.since = webhook.since();
        this.registrations = registrations;
        this.properties = properties;
        this.http = http;
        this.clock = clock;
        this.bootstrapServers = bootstrapServers;
        this.security = security;
        this.deadLetterGroup = deadLetterGroup;
        this.loop = new RestartingLoop("webhooks-" + storefrontId, properties::backoff, this::deliverUntilStopped,
                this::restarting);
    }

    private KafkaConsumer<String, byte[]> newConsumer() {
        Map<String, Object> config = new HashMap<>(security);
        config.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, groupId(storefrontId, subscriptionId),
                ConsumerConfig.CLIENT_ID_CONFIG, "order-service-webhooks-" + storefrontId,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.maxPerPoll(),
                // every record of a poll may wait for a slow storefront before the next poll
                ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) Math.max(300_000L,
                        2 * properties.maxPerPoll() * (properties.requestTimeout().toMillis()
                                + properties.connectTimeout().toMillis()))));
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    static String groupId(String storefrontId, String subscriptionId) {
        return "order-service.webhooks." + storefrontId + "." + subscriptionId;
    }

    String subscriptionId() {
        return subscriptionId;
    }

    DeliveryStatus status() {
        return status;
    }

    void start() {
        loop.start();
    }

    /**
     * One run of the delivery loop, with a consumer of its own, until the deliverer is closed or the
     * registration is gone. Whatever it throws ends the run; the loop starts a new one after a wait,
     * which rejoins the group and carries on from the last committed change (nothing is skipped).
     */
    private void deliverUntilStopped() {
        failures.clear();
        retryAt.clear();
        updateWaiting();
        KafkaConsumer<String, byte[]> current = newConsumer();
        consumer = current;
        try {
            if (!running) {
                return;  // closed while the consumer was being made: its wakeup went to the previous one
            }
            current.subscribe(List.of(TOPIC), new StartFromRegistration());
            while (running) {
                resumeDue();
                ConsumerRecords<String, byte[]> records = current.poll(nextPoll());
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                for (TopicPartition partition : records.partitions()) {
                    deliver(partition, records.records(partition), done);
                }
                if (!done.isEmpty()) {
                    current.commitSync(done);
                    loop.progressed();
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            current.close(Duration.ofSeconds(5));
        }
    }

    private void restarting(RuntimeException error, Duration wait) {
        DeliveryStatus now = status;
        status = new DeliveryStatus(now.delivered(), now.lastDeliveredAt(), now.lastFailedAt(), now.lastError(),
                now.waiting(), now.nextAttemptAt(), now.restarts() + 1);
        Metrics.counter("dropship.webhook.restarts", "storefront", storefrontId).increment();
    }

    private void deliver(TopicPartition partition, List<ConsumerRecord<String, byte[]>> records,
                         Map<TopicPartition, OffsetAndMetadata> done) {
        for (ConsumerRecord<String, byte[]> record : records) {
            if (!running) {
                return;
            }
            if (!handle(record)) {
                consumer.seek(partition, record.offset());
                consumer.pause(List.of(partition));
                int failed = failures.merge(partition, 1, Integer::sum);
                retryAt.put(partition, clock.instant().plus(properties.backoff(failed)));
                updateWaiting();
                return;
            }
            failures.remove(partition);
            done.put(partition, new OffsetAndMetadata(record.offset() + 1));
        }
    }

    /** @return false when the storefront did not take the change and it must be tried again */
    private boolean handle(ConsumerRecord<String, byte[]> record) {
        Event event;
        try {
            event = serde.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
            return DeadLetters.forBroker(bootstrapServers, security).send(record.topic(), deadLetterGroup, record.partition(),
                    record.offset(), key, record.value(), record.headers(), e);
        }
        if (!(event instanceof OrderStatusChanged change) || change.source() == null
                || !storefrontId.equals(change.source().storefrontId())) {
            return true;
        }
        Optional<StorefrontWebhookSet> target = registrations.apply(storefrontId)
                .filter(w -> w.subscriptionId().equals(subscriptionId));
        if (target.isEmpty()) {
            running = false;
            return false;
        }
        return post(target.get(), WebhookPayload.of(change), record.topic(), record.partition());
    }

    private boolean post(StorefrontWebhookSet target, WebhookPayload payload, String topic, int partition) {
        byte[] body = payload.toJson();
        int attempt = failures.getOrDefault(new TopicPartition(topic, partition), 0) + 1;
        HttpRequest request = HttpRequest.newBuilder(URI.create(target.url()))
                .timeout(properties.requestTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "dropship-webhooks/1")
                .header(EVENT_ID_HEADER, payload.eventId())
                .header(ATTEMPT_HEADER, Integer.toString(attempt))
                .header(Signatures.HEADER, Signatures.sign(target.secret(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        String error;
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                DeliveryStatus now = status;
                status = new DeliveryStatus(now.delivered() + 1, clock.instant(), now.lastFailedAt(), now.lastError(),
                        now.waiting(), now.nextAttemptAt(), now.restarts());
                Metrics.counter("dropship.webhook.deliveries", "storefront", storefrontId, "outcome", "delivered")
                        .increment();
                return true;
            }
            error = "HTTP " + response.statusCode();
        } catch (IOException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return false;
        }
        DeliveryStatus now = status;
        status = new DeliveryStatus(now.delivered(), now.lastDeliveredAt(), clock.instant(), error, now.waiting(),
                now.nextAttemptAt(), now.restarts());
        Metrics.counter("dropship.webhook.deliveries", "storefront", storefrontId, "outcome", "failed").increment();
        log.warn("Webhook of storefront {} for {} (attempt {}) failed: {}", storefrontId, payload.eventId(), attempt, error);
        return false;
    }

    private void resumeDue() {
        Instant now = clock.instant();
        List<TopicPartition> due = retryAt.entrySet().stream().filter(e -> !e.getValue().isAfter(now))
                .map(Map.Entry::getKey).toList();
        if (!due.isEmpty()) {
            due.forEach(retryAt::remove);
            consumer.resume(due);
            updateWaiting();
        }
    }

    /** Poll at most until the next retry is due: with every partition paused, the poll is the wait. */
    private Duration nextPoll() {
        Instant now = clock.instant();
        return retryAt.values().stream().min(Instant::compareTo)
                .map(next -> Duration.between(now, next))
                .filter(wait -> wait.compareTo(IDLE_POLL) < 0)
                .map(wait -> wait.isNegative() ? Duration.ZERO : wait)
                .orElse(IDLE_POLL);
    }

    private void updateWaiting() {
        DeliveryStatus now = status;
        Instant next = retryAt.values().stream().min(Instant::compareTo).orElse(null);
        status = new DeliveryStatus(now.delivered(), now.lastDeliveredAt(), now.lastFailedAt(), now.lastError(),
                retryAt.size(), next, now.restarts());
    }

    /** A partition this group never committed on starts at the first change since the registration. */
    private final class StartFromRegistration implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
            Map<TopicPartition, Long> fresh = new HashMap<>();
            for (TopicPartition partition : partitions) {
                if (committed.get(partition) == null) {
                    fresh.put(partition, since.toEpochMilli());
                }
            }
            if (fresh.isEmpty()) {
                return;
            }
            // the ends first: a change written after them is at or past them, so none slips between the two look-ups
            Map<TopicPartition, Long> ends = consumer.endOffsets(fresh.keySet());
            Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(fresh);
            for (TopicPartition partition : fresh.keySet()) {
                OffsetAndTimestamp at = found.get(partition);
                consumer.seek(partition, at == null ? ends.get(partition) : at.offset());
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            partitions.forEach(p -> {
                failures.remove(p);
                retryAt.remove(p);
            });
            updateWaiting();
        }
    }

    @Override
    public void close() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        loop.close();
    }
}
