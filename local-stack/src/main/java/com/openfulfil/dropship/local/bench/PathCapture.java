package com.openfulfil.dropship.local.bench;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.OrderScoped;
import com.openfulfil.dropship.events.catalog.ProductUpdated;
import com.openfulfil.dropship.events.catalog.StockAlert;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.supplier.ParcelsShipped;
import com.openfulfil.dropship.events.topics.TopicSpec;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.events.tracking.CarrierCheckpoint;
import com.openfulfil.dropship.events.tracking.ParcelRegistered;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Captures the records one order causes, for the relays: with the pipeline otherwise idle, it
 * notes where every pipeline topic ends, lets one order run to completion, waits until the
 * topics are quiet, and reads that order's records written in between. Feed rows and partners are left out
 * (no order writes them); Kafka Streams' own changelog and repartition topics too, since their
 * cost is what the comparison is about. A record on a topic keyed by order id is told by its key,
 * without decoding it.
 */
final class PathCapture implements AutoCloseable {
    private static final Duration POLL_EVERY = Duration.ofMillis(200);

    private final Admin admin;
    private final String bootstrapServers;
    private final List<String> topics;

    /** @param suppliers the bench catalog's supplier ids: their topics are on the event path */
    PathCapture(String bootstrapServers, List<String> suppliers) {
        this.bootstrapServers = bootstrapServers;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.topics = eventPathTopics(suppliers);
    }

    /** The topics an order's events go to: the registry's (but feed rows and partners) and the suppliers'. */
    static List<String> eventPathTopics(List<String> suppliers) {
        return Stream.concat(
                        Topics.all().stream().filter(t -> t != Topics.CATALOG_FEED && t != Topics.PARTNERS).map(TopicSpec::name),
                        suppliers.stream().flatMap(s -> Stream.of(Topics.supplierDispatch(s).name(),
                                Topics.supplierUpdates(s).name())))
                .toList();
    }

    /** Whether the topic's records are keyed by order id (the registry says so; every supplier topic is). */
    static boolean keyedByOrder(String topic) {
        return topic.startsWith("supplier.") || Topics.byName(topic).map(t -> t.key().equals("orderId")).orElse(false);
    }

    /** Where each partition of the pipeline's topics ends now (committed records only). */
    Map<TopicPartition, Long> ends() {
        try {
            List<TopicPartition> partitions = admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS)
                    .values().stream().flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .toList();
            return admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())),
                            new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                    .all().get(30, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the end offsets of the pipeline's topics", e);
        }
    }

    /** Waits until no topic has moved for {@code quiet} (at most {@code max}) and returns where they end. */
    Map<TopicPartition, Long> awaitQuiet(Duration quiet, Duration max) {
        Instant deadline = Instant.now().plus(max);
        Map<TopicPartition, Long> last = ends();
        Instant since = Instant.now();
        while (Instant.now().isBefore(deadline)) {
            LockSupport.parkNanos(POLL_EVERY.toNanos());
            Map<TopicPartition, Long> now = ends();
            if (!now.equals(last)) {
                last = now;
                since = Instant.now();
            } else if (Duration.between(since, Instant.now()).compareTo(quiet) >= 0) {
                return now;
            }
        }
        return last;
    }

    /**
     * The events of one order written between two snapshots of {@link #ends()}, in the order they
     * happened. On a quiet pipeline that is everything written; should other orders still be
     * moving, only this order's events are kept (its product updates are told by their sku).
     */
    RelayPath read(String label, String orderId, Set<String> skus, Map<TopicPartition, Long> from,
                   Map<TopicPartition, Long> to) {
        List<TopicPartition> moved = to.keySet().stream().filter(p -> to.get(p) > from.getOrDefault(p, 0L)).toList();
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(moved);
            moved.forEach(p -> consumer.seek(p, from.getOrDefault(p, 0L)));
            Instant deadline = Instant.now().plusSeconds(30);
            while (!moved.stream().allMatch(p -> consumer.position(p) >= to.get(p)) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL_EVERY)) {
                    if (record.offset() < to.get(new TopicPartition(record.topic(), record.partition()))) {
                        records.add(record);
                    }
                }
            }
        }
        return path(label, orderId, skus, records);
    }

    static RelayPath path(String label, String orderId, Set<String> skus, List<ConsumerRecord<String, byte[]>> records) {
        EventSerde serde = new EventSerde();
        record Written(ConsumerRecord<String, byte[]> record, Event event) {
        }
        List<Written> all = records.stream()
                .filter(r -> r.key() == null || !keyedByOrder(r.topic()) || r.key().equals(orderId))
                .map(r -> new Written(r, serde.deserialize(r.topic(), r.headers(), r.value())))
                .toList();
        Set<String> parcels = new HashSet<>();
        for (Written w : all) {
            if (w.event() instanceof ParcelRegistered registered && orderId.equals(registered.orderId())) {
                parcels.add(registered.trackingNumber());
            } else if (w.event() instanceof ParcelsShipped shipped && orderId.equals(shipped.orderId())) {
                parcels.addAll(shipped.trackingNumbers());
            }
        }
        List<Written> mine = all.stream().filter(w -> belongs(w.event(), orderId, skus, parcels))
                .sorted(Comparator.comparing((Written w) -> w.event().occurredAt()))
                .toList();
        return new RelayPath(label, mine.stream().map(w -> new RelayPath.Step(w.record().topic(), w.record().key(),
                w.record().value(), headers(w.record()), w.event())).toList());
    }

    private static List<Header> headers(ConsumerRecord<String, byte[]> record) {
        return Arrays.asList(record.headers().toArray());
    }

    private static boolean belongs(Event event, String orderId, Set<String> skus, Set<String> parcels) {
        if (event instanceof OrderScoped scoped) {
            return orderId.equals(scoped.orderId());
        }
        if (event instanceof CarrierCheckpoint checkpoint) {
            return parcels.contains(checkpoint.trackingNumber());
        }
        if (event instanceof ProductUpdated product) {
            return skus.contains(product.sku());
        }
        return event instanceof StockAlert alert && skus.contains(alert.sku());
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
