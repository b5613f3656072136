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

    /**
     * Records written per order between two snapshots: on the event path, in Kafka Streams' topics, in Kafka's own, in all.
     *
     * @param suppliers the bench catalog's supplier ids: their topics are on the event path
     */
    static Map<String, Double> perOrder(Map<String, Long> before, Map<String, Long> after, long orders,
                                        List<String> suppliers) {
        Map<String, Double> perOrder = new LinkedHashMap<>();
        if (orders <= 0) {
            return perOrder;
        }
        Set<String> eventPath = Set.copyOf(PathCapture.eventPathTopics(suppliers));
        perOrder.put("event path", growth(before, after, eventPath::contains) / (double) orders);
        perOrder.put("changelog and repartition topics", growth(before, after,
                t -> t.endsWith("-changelog") || t.endsWith("-repartition")) / (double) orders);
        perOrder.put("consumer offsets and transaction state", growth(before, after, t -> t.startsWith("__")) / (double) orders);
        perOrder.put("all topics", growth(before, after, t -> true) / (double) orders);
        return perOrder;
    }

    /**
     * Records written per order to each topic that grew between two snapshots (registry topics,
     * Kafka Streams' changelogs and repartition topics, dead-letter topics, consumer offsets and
     * transaction state alike), the most written first.
     */
    static Map<String, Double> perTopic(Map<String, Long> before, Map<String, Long> after, long orders) {
        Map<String, Double> perTopic = new LinkedHashMap<>();
        if (orders <= 0) {
            return perTopic;
        }
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> perTopic.put(e.getKey(), e.getValue() / (double) orders));
        return perTopic;
    }

    /** Growth between two snapshots over the topics {@code include} accepts. */
    static long growth(Map<String, Long> before, Map<String, Long> after, Predicate<String> include) {
        return after.entrySet().stream().filter(e -> include.test(e.getKey()))
                .mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L)).sum();
    }
}
