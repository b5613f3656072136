package com.openfulfil.dropship.support.kafka;

import com.openfulfil.dropship.events.topics.TopicSpec;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.config.DropshipProperties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Creates every topic of the registry (and the service's own extras and dead-letter topics)
 * before the service's streams start, so no service depends on another having started first.
 * Existing topics are left as they are; a partition count that differs from the registry is
 * reported, because order-keyed topics must be co-partitioned.
 */
public class TopicProvisioner implements SmartInitializingSingleton {
    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);
    private static final int DLQ_PARTITIONS = 1;
    private static final String DLQ_RETENTION_MS = Long.toString(Duration.ofDays(30).toMillis());

    private final Admin admin;
    private final DropshipProperties.Topics settings;
    private final List<ServiceTopics> serviceTopics;

    public TopicProvisioner(Admin admin, DropshipProperties.Topics settings, List<ServiceTopics> serviceTopics) {
        this.admin = admin;
        this.settings = settings;
        this.serviceTopics = serviceTopics;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (settings.provision()) {
            provision();
        }
    }

    /** The topics this service makes sure exist, by name. */
    public Map<String, NewTopic> wanted() {
        Map<String, NewTopic> wanted = new LinkedHashMap<>();
        if (settings.provisionRegistry()) {
            Topics.all().forEach(spec -> wanted.put(spec.name(), newTopic(spec)));
        }
        for (ServiceTopics service : serviceTopics) {
            if (settings.provisionRegistry()) {
                service.extra().forEach(spec -> wanted.put(spec.name(), newTopic(spec)));
            }
            for (String consumed : service.consumed()) {
                String dlq = Topics.dlq(consumed, service.group());
                wanted.put(dlq, new NewTopic(dlq, DLQ_PARTITIONS, settings.replicationFactor())
                        .configs(withMinIsr(Map.of("cleanup.policy", "delete", "retention.ms", DLQ_RETENTION_MS))));
            }
        }
        return wanted;
    }

    public void provision() {
        Map<String, NewTopic> wanted = wanted();
        Instant deadline = Instant.now().plus(settings.provisionTimeout());
        while (true) {
            try {
                createMissing(wanted);
                return;
            } catch (TimeoutException | ExecutionException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Could not create the pipeline's topics: the Kafka broker did not "
                            + "answer within " + settings.provisionTimeout(), e);
                }
                log.warn("Kafka broker not reachable yet ({}); retrying topic creation", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while creating topics", e);
            }
        }
    }

    private void createMissing(Map<String, NewTopic> wanted)
            throws InterruptedException, ExecutionException, TimeoutException {
        var existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
        List<NewTopic> missing = wanted.values().stream().filter(t -> !existing.contains(t.name())).toList();
        if (!missing.isEmpty()) {
            var results = admin.createTopics(missing).values();
            for (var entry : results.entrySet()) {
                try {
                    entry.getValue().get(10, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            log.info("Created topics {}", missing.stream().map(NewTopic::name).collect(Collectors.joining(", ")));
        }
        reportPartitionDrift(wanted, existing);
    }

    private void reportPartitionDrift(Map<String, NewTopic> wanted, java.util.Set<String> existing)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<String> check = new ArrayList<>(wanted.keySet());
        check.retainAll(existing);
        if (check.isEmpty()) {
            return;
        }
        Map<String, TopicDescription> described = admin.describeTopics(check).allTopicNames().get(10, TimeUnit.SECONDS);
        described.forEach((name, description) -> {
            int want = wanted.get(name).numPartitions();
            if (description.partitions().size() != want) {
                log.error("Topic {} has {} partitions but the registry says {}: order events may not be co-partitioned",
                        name, description.partitions().size(), want);
            }
        });
    }

    private NewTopic newTopic(TopicSpec spec) {
        int partitions = settings.partitions() > 0 ? settings.partitions() : spec.partitions();
        return new NewTopic(spec.name(), partitions, settings.replicationFactor()).configs(withMinIsr(spec.configs()));
    }

    private Map<String, String> withMinIsr(Map<String, String> configs) {
        Map<String, String> all = new HashMap<>(configs);
        if (settings.minInsyncReplicas() > 0) {
            all.put("min.insync.replicas", Integer.toString(settings.minInsyncReplicas()));
        }
        return all;
    }
}
