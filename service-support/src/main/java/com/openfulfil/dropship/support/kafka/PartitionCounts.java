package com.openfulfil.dropship.support.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How many partitions a topic really has, as the broker says (not as configured): a processor that
 * decides where a key's state lives must agree with the partitioner that routes the key's records.
 * Asked once per topic, when a task starts.
 */
public class PartitionCounts {
    private final Admin admin;
    private final Map<String, Integer> known = new ConcurrentHashMap<>();

    public PartitionCounts(Admin admin) {
        this.admin = admin;
    }

    public int of(String topic) {
        return known.computeIfAbsent(topic, this::describe);
    }

    private int describe(String topic) {
        try {
            TopicDescription description = admin.describeTopics(java.util.List.of(topic)).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get(topic);
            return description.partitions().size();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot tell how many partitions " + topic + " has", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while describing " + topic, e);
        }
    }
}
