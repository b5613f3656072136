package com.openfulfil.dropship.local.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * How far every topic's log has grown (the sum of its partitions' end offsets: records plus, under
 * exactly-once, one transaction marker per partition and commit), so a run can say how many
 * records the pipeline writes per order: on its event path, and in total with Kafka Streams'
 * changelogs and repartition topics, consumer offsets and transaction state.
 */
final class TopicVolume {
    private TopicVolume() {
    }

    static Map<String, Long> snapshot(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get(30, TimeUnit.SECONDS);
            List<TopicPartition> partitions = admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS)
                    .values().stream().flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .toList();
            return admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                    .all().get(30, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.groupingBy(e -> e.getKey().topic(), Collectors.summingLong(e -> e.getValue().offset())));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot measure the topics' growth", e);
        }
    }

    /** Records written per order between two snapshots: on the event path, in Kafka Streams' topics, in Kafka's own, in all. */
    static Map<String, Double> perOrder(Map<String, Long> before, Map<String, Long> after, long orders) {
        Map<String, Double> perOrder = new LinkedHashMap<>();
        if (orders <= 0) {
            return perOrder;
        }
        Set<String> eventPath = Set.copyOf(PathCapture.eventPathTopics());
        perOrder.put("event path", growth(before, after, eventPath::contains) / (double) orders);
        perOrder.put("changelog and repartition topics", growth(before, after,
                t -> t.endsWith("-changelog") || t.endsWith("-repartition")) / (double) orders);
        perOrder.put("consumer offsets and transaction state", growth(before, after, t -> t.startsWith("__")) / (double) orders);
        perOrder.put("all topics", growth(before, after, t -> true) / (double) orders);
        return perOrder;
    }

    /** Growth between two snapshots over the topics {@code include} accepts. */
    static long growth(Map<String, Long> before, Map<String, Long> after, Predicate<String> include) {
        return after.entrySet().stream().filter(e -> include.test(e.getKey()))
                .mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L)).sum();
    }
}
