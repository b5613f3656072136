package com.openfulfil.dropship.ops.pipeline;

import com.openfulfil.dropship.events.topics.TopicSpec;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.ops.domain.Throughput;
import com.openfulfil.dropship.ops.pipeline.PipelineSnapshot.GroupLag;
import com.openfulfil.dropship.ops.pipeline.PipelineSnapshot.TopicLag;
import com.openfulfil.dropship.ops.pipeline.PipelineSnapshot.TopicRate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Reads every topic's end offsets and every consumer group's committed offsets on a schedule:
 * messages per second come from the growth of the end offsets between two readings, a group's
 * lag from how far its committed offsets are behind them.
 */
@Component
public class PipelineSampler {
    private static final Logger log = LoggerFactory.getLogger(PipelineSampler.class);
    private static final long WAIT_SECONDS = 5;

    private final Admin admin;
    private final Clock clock;
    private final Map<String, Throughput> rates = new ConcurrentHashMap<>();
    private volatile PipelineSnapshot latest = PipelineSnapshot.none();

    public PipelineSampler(Admin dropshipAdmin, Clock clock) {
        this.admin = dropshipAdmin;
        this.clock = clock;
    }

    public PipelineSnapshot latest() {
        return latest;
    }

    @Scheduled(fixedDelayString = "${dropship.ops.sample-interval:2s}")
    public void sample() {
        try {
            latest = read();
        } catch (TimeoutException | ExecutionException e) {
            log.debug("Could not read the pipeline's offsets: {}", e.getMessage());
            latest = new PipelineSnapshot(clock.instant(), latest.topics(), latest.groups(),
                    "The Kafka cluster did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private PipelineSnapshot read() throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> names = admin.listTopics().names().get(WAIT_SECONDS, TimeUnit.SECONDS);
        Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames()
                .get(WAIT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latestOf = new HashMap<>();
        topics.values().forEach(t -> t.partitions().forEach(p ->
                latestOf.put(new TopicPartition(t.name(), p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latestOf).all()
                .get(WAIT_SECONDS, TimeUnit.SECONDS);
        Instant now = clock.instant();
        return new PipelineSnapshot(now, topicRates(ends, now), groupLags(ends), null);
    }

    private List<TopicRate> topicRates(Map<TopicPartition, ListOffsetsResultInfo> ends, Instant now) {
        Map<String, Long> messages = new TreeMap<>();
        ends.forEach((tp, info) -> messages.merge(tp.topic(), info.offset(), Long::sum));
        rates.keySet().retainAll(messages.keySet());
        List<TopicRate> result = new ArrayList<>();
        messages.forEach((topic, end) -> {
            Throughput rate = rates.compute(topic, (t, before) -> before == null
                    ? Throughput.first(end, now) : before.next(end, now));
            result.add(new TopicRate(topic, Topics.byName(topic).map(TopicSpec::writer).orElse(""), end,
                    rate.perSecond()));
        });
        return result;
    }

    private List<GroupLag> groupLags(Map<TopicPartition, ListOffsetsResultInfo> ends)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<String> groups = admin.listGroups(ListGroupsOptions.forConsumerGroups()).all()
                .get(WAIT_SECONDS, TimeUnit.SECONDS).stream().map(GroupListing::groupId).sorted().toList();
        if (groups.isEmpty()) {
            return List.of();
        }
        Map<String, ListConsumerGroupOffsetsSpec> specs = groups.stream()
                .collect(Collectors.toMap(g -> g, g -> new ListConsumerGroupOffsetsSpec()));
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = admin.listConsumerGroupOffsets(specs).all()
                .get(WAIT_SECONDS, TimeUnit.SECONDS);
        List<GroupLag> lags = new ArrayList<>();
        for (String group : groups) {
            Map<String, Long> byTopic = new TreeMap<>();
            committed.getOrDefault(group, Map.of()).forEach((tp, offset) -> {
                ListOffsetsResultInfo end = ends.get(tp);
                if (offset != null && end != null) {
                    byTopic.merge(tp.topic(), Math.max(0, end.offset() - offset.offset()), Long::sum);
                }
            });
            List<TopicLag> topicLags = byTopic.entrySet().stream().map(e -> new TopicLag(e.getKey(), e.getValue()))
                    .toList();
            lags.add(new GroupLag(group, topicLags.stream().mapToLong(TopicLag::lag).sum(), topicLags));
        }
        return lags;
    }
}
