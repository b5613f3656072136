package com.openfulfil.dropship.order.connector;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.order.OrderCommand;
import com.openfulfil.dropship.events.order.PendingRefundReleased;
import com.openfulfil.dropship.events.order.RefundFailed;
import com.openfulfil.dropship.events.order.RefundIssued;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.config.DropshipProperties;
import com.openfulfil.dropship.support.kafka.EventPublisher;
import io.github.resilience4j.core.IntervalFunction;
import io.micrometer.core.instrument.Metrics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows the refunds the payment provider answered {@code pending} until it settles them. A consumer group of
 * its own ({@value #GROUP}) reads {@code orders.commands}: each {@link RefundIssued} with provider status
 * {@code pending} is followed, and the provider asked how it stands ({@code GET /v1/refunds/{id}}) after
 * {@link RefundProperties#pendingCheckInitial()}, the wait doubling after each check that finds it still pending
 * (or gets no answer) up to {@link RefundProperties#pendingCheckMax()}. Once settled, the outcome goes back on
 * {@code orders.commands} for the order's stream: {@link RefundIssued} with status {@code succeeded}, or
 * {@link RefundFailed} with the provider's reason, each with an id derived from the pending answer's, so a repeat
 * changes nothing. An outcome read on the topic (this follower's, or another's) ends the following too.
 *
 * <p>Following is bounded, so that no refund holds the group's offset for ever. A refund the provider answers it
 * does not know ({@code 404}, {@code resource_missing}) {@link RefundProperties#pendingUnknownAfter()} checks in a
 * row is settled failed, as unknown to the provider: it was never paid. One the provider still reports pending
 * {@link RefundProperties#pendingGiveUpAfter()} after its pending answer is released
 * ({@link PendingRefundReleased}): it stays pending and counted as paid back, so nothing pays it twice, and the
 * order's history tells ops to look it up in the provider's dashboard. A check that gets no answer changes
 * neither count: the provider being down is waited out, as ever.
 *
 * <p>Which refunds are pending is the topic's, not this instance's memory: the group's committed offset on each
 * partition stays at the oldest pending answer still followed there, so a restart (or another instance taking
 * the partition over) reads every pending answer again from there, and with them the outcomes already written
 * for some of them. At least once: a refund settled just before a stop may be asked about once more, and its
 * outcome written again under the same id.
 */
@Component
public class PendingRefundFollower implements SmartLifecycle {
    static final String GROUP = "order-service.pending-refunds";
    private static final Logger log = LoggerFactory.getLogger(PendingRefundFollower.class);
    private static final Duration POLL = Duration.ofMillis(500);
    /** The longest a round of checks keeps the consumer from polling; what is left waits for the next round. */
    private static final Duration ROUND = Duration.ofMinutes(1);
    private static final String TOPIC = Topics.ORDER_COMMANDS.name();
    /** Why a refund the provider has no record of is settled failed, for the order's history. */
    static final String UNKNOWN_TO_PROVIDER = "unknown to the payment provider";
    /** The outcome a refund no longer followed is counted under. */
    private static final String RELEASED = "released";

    /**
     * A pending refund followed: the answer that said so, where it is on its partition, when to ask next, and how
     * many answers in a row said the provider has no such refund.
     */
    private record Followed(RefundIssued pending, long offset, int checks, Instant due, int unknownInARow) {
    }

    private final RefundProperties properties;
    private final EventPublisher publisher;
    private final Clock clock;
    private final CommandsReader reader;
    private final EventSerde serde = new EventSerde();
    private final RefundProviderClient provider;
    private final IntervalFunction schedule;
    /** Per partition, the refunds followed there by refund id; only the loop's thread touches it. */
    private final Map<TopicPartition, Map<String, Followed>> followed = new HashMap<>();
    /** What this run committed last per partition: a commit is made only when it moves. */
    private final Map<TopicPartition, Long> committed = new HashMap<>();

    @Autowired
    PendingRefundFollower(RefundProperties properties, EventPublisher publisher, Clock clock,
                          DropshipProperties dropship) {
        this(properties, publisher, clock, dropship, GROUP);
    }

    PendingRefundFollower(RefundProperties properties, EventPublisher publisher, Clock clock,
                          DropshipProperties dropship, String group) {
        this.properties = properties;
        this.publisher = publisher;
        this.clock = clock;
        this.reader = new CommandsReader("pending-refunds", group, "dropship.refunds.follower.restarts", dropship,
                properties, Map.of(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) Duration.ofMinutes(15).toMillis()));
        this.provider = properties.enabled() ? new RefundProviderClient(properties) : null;
        this.schedule = IntervalFunction.ofExponentialBackoff(properties.pendingCheckInitial(), 2.0,
                properties.pendingCheckMax());
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            return;
        }
        reader.start(this::followUntilStopped);
    }

    @Override
    public void stop() {
        reader.stop();
    }

    @Override
    public boolean isRunning() {
        return reader.running();
    }

    /**
     * One run of the reader, with nothing followed yet: what is pending is read again from the committed offsets.
     * Whatever it throws ends the run; the reader starts a new one after a wait. Closing the run's consumer commits
     * each partition at its oldest refund still followed (the rebalance listener).
     */
    private void followUntilStopped(KafkaConsumer<String, byte[]> current) {
        followed.clear();
        committed.clear();
        current.subscribe(List.of(TOPIC), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                commit(current, partitions);
                partitions.forEach(followed::remove);
                partitions.forEach(committed::remove);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                // carried on from the committed offset: the oldest answer still pending there
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> partitions) {
                partitions.forEach(followed::remove);
                partitions.forEach(committed::remove);
            }
        });
        while (reader.running()) {
            for (ConsumerRecord<String, byte[]> record : current.poll(POLL)) {
                read(record);
            }
            checkDue();
            commit(current, current.assignment());
            reader.progressed();
        }
    }

    private void read(ConsumerRecord<String, byte[]> record) {
        Event event;
        try {
            event = serde.deserialize(record.topic(), record.headers(), record.value());
        } catch (RuntimeException e) {
            return; // the order stream dead-letters it; here it is only not a refund to follow
        }
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        if (event instanceof RefundIssued issued && issued.refundId() != null) {
            if (issued.providerRefundId() != null && ProviderRefund.PENDING.equals(issued.providerStatus())) {
                followed.computeIfAbsent(partition, p -> new LinkedHashMap<>()).putIfAbsent(issued.refundId(),
                        new Followed(issued, record.offset(), 0, clock.instant().plus(properties.pendingCheckInitial()),
                                0));
            } else {
                settled(partition, issued.refundId());
            }
        } else if (event instanceof RefundFailed failed) {
            settled(partition, failed.refundId());
        } else if (event instanceof PendingRefundReleased released) {
            settled(partition, released.refundId());
        }
    }

    private void settled(TopicPartition partition, String refundId) {
        Map<String, Followed> refunds = followed.get(partition);
        if (refunds != null) {
            refunds.remove(refundId);
        }
    }

    /** Asks the provider about each followed refund that is due, for one round at most. */
    private void checkDue() {
        Instant start = clock.instant();
        for (Map.Entry<TopicPartition, Map<String, Followed>> partition : followed.entrySet()) {
            for (Followed refund : List.copyOf(partition.getValue().values())) {
                Instant now = clock.instant();
                if (!reader.running() || now.isAfter(start.plus(ROUND))) {
                    return;
                }
                if (refund.due().isAfter(now)) {
                    continue;
                }
                if (!check(partition.getKey(), refund)) {
                    return; // the provider gave no answer: the others wait for the next round
                }
            }
        }
    }

    /** One check of {@code refund}; false when the provider gave no answer. */
    private boolean check(TopicPartition partition, Followed refund) {
        RefundIssued pending = refund.pending();
        ProviderRefund answer;
        try {
            answer = provider.status(pending.providerRefundId());
        } catch (ProviderUnavailableException e) {
            log.warn("No answer about pending refund {} of order {}: {}", pending.refundId(), pending.orderId(),
                    e.getMessage());
            later(partition, refund, refund.unknownInARow());
            return false;
        }
        if (answer.unknown()) {
            int unknown = refund.unknownInARow() + 1;
            log.warn("The payment provider has no refund {} (pending refund {} of order {}), {} time(s) in a row: {}",
                    pending.providerRefundId(), pending.refundId(), pending.orderId(), unknown, answer.failure());
            if (unknown < properties.pendingUnknownAfter()) {
                later(partition, refund, unknown);
                return true;
            }
            settle(partition, pending, new RefundFailed(EventIds.derived(pending.eventId(), "pending-refund-failed"),
                    clock.instant(), pending.orderId(), pending.refundId(), pending.amount(), pending.currency(),
                    pending.providerRefundId(), UNKNOWN_TO_PROVIDER), ProviderRefund.UNKNOWN);
            log.warn("Pending refund {} of order {} settled failed: {} ({} checks in a row)", pending.refundId(),
                    pending.orderId(), UNKNOWN_TO_PROVIDER, unknown);
            return true;
        }
        if (ProviderRefund.PENDING.equals(answer.status())) {
            if (clock.instant().isBefore(pending.occurredAt().plus(properties.pendingGiveUpAfter()))) {
                later(partition, refund, 0);
                return true;
            }
            String reason = "still pending at the payment provider after " + spoken(properties.pendingGiveUpAfter());
            settle(partition, pending, new PendingRefundReleased(
                    EventIds.derived(pending.eventId(), "pending-refund-released"), clock.instant(), pending.orderId(),
                    pending.refundId(), pending.amount(), pending.currency(), pending.providerRefundId(), reason),
                    RELEASED);
            log.warn("Pending refund {} ({}) of order {} is {}: no longer followed, it still counts as paid back;"
                    + " check it in the provider's dashboard", pending.refundId(), pending.providerRefundId(),
                    pending.orderId(), reason);
            return true;
        }
        OrderCommand outcome = answer.failed()
                ? new RefundFailed(EventIds.derived(pending.eventId(), "pending-refund-failed"), clock.instant(),
                        pending.orderId(), pending.refundId(), pending.amount(), pending.currency(),
                        pending.providerRefundId(), answer.failure())
                : new RefundIssued(EventIds.derived(pending.eventId(), "pending-refund-succeeded"), clock.instant(),
                        pending.orderId(), pending.amount(), pending.currency(), pending.by(), pending.note(),
                        pending.refundId(), pending.providerRefundId(), ProviderRefund.SUCCEEDED);
        settle(partition, pending, outcome, answer.status());
        if (answer.failed()) {
            log.warn("Pending refund {} of order {} failed at the payment provider: {}", pending.refundId(),
                    pending.orderId(), answer.failure());
        }
        return true;
    }

    /** Writes what becomes of {@code pending} for the order, and follows it no more. */
    private void settle(TopicPartition partition, RefundIssued pending, OrderCommand outcome, String counted) {
        publisher.publishAndWait(Topics.ORDER_COMMANDS, pending.orderId(), outcome);
        settled(partition, pending.refundId());
        Metrics.counter("dropship.refunds.pending.settled", "outcome", counted).increment();
    }

    private void later(TopicPartition partition, Followed refund, int unknownInARow) {
        int checks = refund.checks() + 1;
        Duration wait = Duration.ofMillis(schedule.apply(checks + 1));
        partition(partition).put(refund.pending().refundId(),
                new Followed(refund.pending(), refund.offset(), checks, clock.instant().plus(wait), unknownInARow));
    }

    /** A setting's duration as the order's history says it: {@code 7 days}, {@code 36 hours}, {@code 90 seconds}. */
    static String spoken(Duration duration) {
        long seconds = duration.toSeconds();
        if (duration.toMillis() % 1000 != 0) {
            return plural(duration.toMillis(), "millisecond");
        }
        if (seconds % 86_400 == 0) {
            return plural(seconds / 86_400, "day");
        }
        if (seconds % 3_600 == 0) {
            return plural(seconds / 3_600, "hour");
        }
        if (seconds % 60 == 0) {
            return plural(seconds / 60, "minute");
        }
        return plural(seconds, "second");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }

    private Map<String, Followed> partition(TopicPartition partition) {
        return followed.computeIfAbsent(partition, p -> new LinkedHashMap<>());
    }

    /**
     * Commits each partition up to its oldest refund still followed, or all it has read when none is: a
     * restart reads every pending answer not yet settled again.
     */
    private void commit(KafkaConsumer<String, byte[]> current, Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            long offset = followed.getOrDefault(partition, Map.of()).values().stream().mapToLong(Followed::offset)
                    .min().orElseGet(() -> current.position(partition));
            if (!Long.valueOf(offset).equals(committed.get(partition))) {
                offsets.put(partition, new OffsetAndMetadata(offset));
            }
        }
        if (!offsets.isEmpty()) {
            current.commitSync(offsets);
            offsets.forEach((partition, offset) -> committed.put(partition, offset.offset()));
        }
    }
}
