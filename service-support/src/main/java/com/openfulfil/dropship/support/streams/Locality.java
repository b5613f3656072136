package com.openfulfil.dropship.support.streams;

import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.api.ProcessorContext;

import java.nio.charset.StandardCharsets;

/**
 * Whether a key's state lives in the task at hand. A stage whose state is keyed two ways (catalog:
 * orders and products; the gateway: orders and suppliers) handles a key of this task's partition in
 * place, in the same transaction, and sends only the others through a topic keyed by them. On one
 * partition, the default, every key is local and nothing goes round through Kafka.
 */
public final class Locality {
    private final int partitions;
    private final int taskPartition;

    private Locality(int partitions, int taskPartition) {
        this.partitions = partitions;
        this.taskPartition = taskPartition;
    }

    /** @param partitions the partitions of the topic a non-local key's records would go to */
    public static Locality of(ProcessorContext<?, ?> context, int partitions) {
        return new Locality(partitions, context.taskId().partition());
    }

    /** Every key is local: for tests of the in-place path, and single-partition deployments. */
    public static Locality everything() {
        return new Locality(1, 0);
    }

    /** No key is local (as if every key lived in another task): for tests of the path through Kafka. */
    public static Locality nothing() {
        return new Locality(Integer.MAX_VALUE, -1);
    }

    public boolean isLocal(String key) {
        return partitions <= 1 || (taskPartition >= 0 && partitionOf(key, partitions) == taskPartition);
    }

    /** The partition Kafka's default partitioner gives a string key, as producers and Kafka Streams' {@code to()} do. */
    public static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
