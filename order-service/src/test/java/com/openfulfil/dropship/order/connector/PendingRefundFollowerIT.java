package com.openfulfil.dropship.order.connector;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.order.OrderCommand;
import com.openfulfil.dropship.events.order.PendingRefundReleased;
import com.openfulfil.dropship.events.order.RefundApproved;
import com.openfulfil.dropship.events.order.RefundFailed;
import com.openfulfil.dropship.events.order.RefundIssued;
import com.openfulfil.dropship.events.order.RefundRequested;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.config.DropshipProperties;
import com.openfulfil.dropship.support.kafka.EventPublisher;
import com.openfulfil.dropship.support.testing.EmbeddedBroker;
import com.openfulfil.dropship.support.testing.TopicReader;
import io.github.resilience4j.retry.RetryRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Refunds the provider answered {@code pending}, followed until it settles them, against a real broker and the
 * provider stand-in over HTTP: the refund connector pays the approval (the stand-in answers pending), and the
 * follower asks {@code GET /v1/refunds/{id}} until the refund succeeded or failed, then writes the outcome for
 * the order on {@code orders.commands}, also when it is restarted between two checks; a refund the provider does
 * not know, or that stays pending past the longest wait, no longer holds the follower's offset.
 */
class PendingRefundFollowerIT {
    private static final Instant T = Instant.parse("2026-11-02T10:00:00Z");
    private static final RefundProviderStandIn PROVIDER = new RefundProviderStandIn();
    private static final RefundProperties PROPERTIES = new RefundProperties(URI.create(PROVIDER.url()),
            RefundProviderStandIn.SECRET_KEY, Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(1),
            Duration.ofSeconds(2), Duration.ofMillis(200), Duration.ofMillis(400), 3, Duration.ofDays(7));
    /** The same, but a refund still pending 2 s after its pending answer is no longer followed. */
    private static final RefundProperties GIVING_UP_SOON = new RefundProperties(PROPERTIES.providerUrl(),
            PROPERTIES.secretKey(), PROPERTIES.connectTimeout(), PROPERTIES.requestTimeout(),
            PROPERTIES.restartInitial(), PROPERTIES.restartMax(), PROPERTIES.pendingCheckInitial(),
            PROPERTIES.pendingCheckMax(), PROPERTIES.pendingUnknownAfter(), Duration.ofSeconds(2));
    private static final DropshipProperties DROPSHIP = new DropshipProperties(new DropshipProperties.Kafka(
            EmbeddedBroker.bootstrapServers(), "PLAINTEXT", null, null, null),
            new DropshipProperties.Topics(0, (short) 1, 0, true, Duration.ofSeconds(60), true));

    private final String orderId = "o-" + UUID.randomUUID();
    private final String payment = "pi_" + UUID.randomUUID().toString().replace("-", "");
    /** A group of this test's own: it follows what is pending on the topic, whoever wrote it. */
    private final String group = "pending-refunds-it-" + UUID.randomUUID();
    private final EventPublisher publisher = new EventPublisher(EmbeddedBroker.bootstrapServers(), "pending-refunds-it");
    private final RefundPayer payer = new RefundPayer(PROPERTIES, publisher, Clock.systemUTC(), DROPSHIP,
            RetryRegistry.ofDefaults(), (order, refund) -> Optional.empty());
    private final List<PendingRefundFollower> followers = new ArrayList<>();
    private final TopicReader reader = new TopicReader(EmbeddedBroker.bootstrapServers(), Topics.ORDER_COMMANDS.name());

    @BeforeAll
    static void ordersCommands() throws Exception {
        EmbeddedBroker.ensureTopic(Topics.ORDER_COMMANDS);
    }

    @AfterEach
    void stop() {
        followers.forEach(PendingRefundFollower::stop);
        publisher.close();
        reader.close();
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @Test
    void aPendingRefundIsFollowedUntilItSucceedsAndTheOrderIsTold() {
        PROVIDER.pendThenSettle(payment, 2, true);
        RefundIssued pending = paidPending("rf_slow");

        follower().start();

        RefundIssued succeeded = (RefundIssued) outcome();
        assertThat(succeeded.eventId()).isEqualTo(EventIds.derived(pending.eventId(), "pending-refund-succeeded"));
        assertThat(succeeded.refundId()).isEqualTo("rf_slow");
        assertThat(succeeded.providerRefundId()).isEqualTo(pending.providerRefundId());
        assertThat(succeeded.providerStatus()).isEqualTo("succeeded");
        assertThat(succeeded.amount()).isEqualByComparingTo("20.00");
        assertThat(PROVIDER.checksFor(payment)).as("pending twice, then succeeded").isEqualTo(3);
        assertThat(PROVIDER.refundsMadeFor(payment)).isEqualTo(1);
    }

    @Test
    void aPendingRefundThatFailsIsWrittenBackFailedWithTheProvidersReason() {
        PROVIDER.pendThenSettle(payment, 1, false);
        RefundIssued pending = paidPending("rf_bank");

        follower().start();

        assertThat(outcome()).isInstanceOfSatisfying(RefundFailed.class, failed -> {
            assertThat(failed.eventId()).isEqualTo(EventIds.derived(pending.eventId(), "pending-refund-failed"));
            assertThat(failed.refundId()).isEqualTo("rf_bank");
            assertThat(failed.providerRefundId()).isEqualTo(pending.providerRefundId());
            assertThat(failed.reason()).isEqualTo("insufficient_funds");
        });
    }

    /**
     * Stopped after it found the refund still pending, the follower has no memory of it: the one that starts
     * next (the same group, as after a restart or on another instance) reads it again from the topic and
     * follows it to the end.
     */
    @Test
    void aFollowerRestartedWhileTheRefundIsPendingStillSettlesIt() {
        PROVIDER.pendThenSettle(payment, 5, true);
        paidPending("rf_restart");
        PendingRefundFollower first = follower();
        first.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> PROVIDER.checksFor(payment) >= 1);

        first.stop();

        assertThat(PROVIDER.checksFor(payment)).as("stopped while the refund was still pending: it settles on the"
                + " sixth check").isLessThanOrEqualTo(5);
        follower().start();
        assertThat(outcome()).isInstanceOfSatisfying(RefundIssued.class, succeeded -> {
            assertThat(succeeded.refundId()).isEqualTo("rf_restart");
            assertThat(succeeded.providerStatus()).isEqualTo("succeeded");
        });
        assertThat(PROVIDER.checksFor(payment)).isEqualTo(6);
    }

    /**
     * The provider answered pending, then has no such refund: after three such answers in a row it is settled
     * failed, as unknown to the provider (the order may refund again), and the group's offset moves past it.
     */
    @Test
    void aPendingRefundTheProviderDoesNotKnowIsSettledFailedAfterItSaysSoThreeTimesInARow() {
        PROVIDER.pendThenForget(payment);
        RefundIssued pending = paidPending("rf_lost");

        follower().start();

        assertThat(outcome()).isInstanceOfSatisfying(RefundFailed.class, failed -> {
            assertThat(failed.eventId()).isEqualTo(EventIds.derived(pending.eventId(), "pending-refund-failed"));
            assertThat(failed.refundId()).isEqualTo("rf_lost");
            assertThat(failed.providerRefundId()).isEqualTo(pending.providerRefundId());
            assertThat(failed.reason()).isEqualTo("unknown to the payment provider");
        });
        assertThat(PROVIDER.checksFor(payment)).as("404 three times in a row").isEqualTo(3);
        assertOffsetMovesPast(pendingRecord());
    }

    /**
     * Still pending at the provider after the longest the connector follows it: released, with the provider's id
     * for ops to look up, never settled failed (it may still be paid); the group's offset no longer stays at it.
     */
    @Test
    void aRefundStillPendingAfterTheLongestWaitIsReleasedAndNoLongerHoldsTheOffset() {
        PROVIDER.pendThenSettle(payment, Integer.MAX_VALUE, true);
        RefundIssued pending = paidPending("rf_forever");

        follower(GIVING_UP_SOON).start();

        assertThat(outcome()).isInstanceOfSatisfying(PendingRefundReleased.class, released -> {
            assertThat(released.eventId()).isEqualTo(EventIds.derived(pending.eventId(), "pending-refund-released"));
            assertThat(released.refundId()).isEqualTo("rf_forever");
            assertThat(released.providerRefundId()).isEqualTo(pending.providerRefundId());
            assertThat(released.amount()).isEqualByComparingTo("20.00");
            assertThat(released.reason()).isEqualTo("still pending at the payment provider after 2 seconds");
            assertThat(released.occurredAt()).isAfterOrEqualTo(pending.occurredAt().plusSeconds(2));
        });
        assertThat(outcomes()).as("released, not settled: the money may still move").hasSize(1);
        assertThat(PROVIDER.refundsMadeFor(payment)).isEqualTo(1);
        assertOffsetMovesPast(pendingRecord());
    }

    private PendingRefundFollower follower() {
        return follower(PROPERTIES);
    }

    private PendingRefundFollower follower(RefundProperties properties) {
        PendingRefundFollower follower = new PendingRefundFollower(properties, publisher, Clock.systemUTC(), DROPSHIP,
                group);
        followers.add(follower);
        return follower;
    }

    /** The order approved a refund, the connector paid it, and the provider answered pending. */
    private RefundIssued paidPending(String refundId) {
        RefundRequested request = new RefundRequested("q-" + refundId + "-" + orderId, T, orderId, refundId,
                new BigDecimal("20.00"), "USD", payment, "requested_by_customer", "admin:ops", null);
        payer.handle(RefundApproved.of(request, "approval-" + refundId + "-" + orderId, T));
        reader.until(Duration.ofSeconds(30), seen -> !pending().isEmpty());
        RefundIssued pending = pending().get(0);
        assertThat(pending.refundId()).isEqualTo(refundId);
        return pending;
    }

    /** Where the connector's pending answer for this test's order is on {@code orders.commands}. */
    private ConsumerRecord<String, Event> pendingRecord() {
        return reader.until(Duration.ofSeconds(5), seen -> true).stream()
                .filter(r -> r.value() instanceof RefundIssued issued && orderId.equals(issued.orderId())
                        && "pending".equals(issued.providerStatus()))
                .findFirst().orElseThrow();
    }

    /** The follower's group commits its partition past {@code record}: a restart does not read it again. */
    private void assertOffsetMovesPast(ConsumerRecord<String, Event> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                EmbeddedBroker.bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                        .get(10, TimeUnit.SECONDS).get(partition);
                assertThat(committed).as("committed offset of %s", partition).isNotNull();
                assertThat(committed.offset()).isGreaterThan(record.offset());
            });
        }
    }

    /** The outcome the follower writes for this test's order, once it is there. */
    private OrderCommand outcome() {
        reader.until(Duration.ofSeconds(60), seen -> !outcomes().isEmpty());
        return outcomes().get(0);
    }

    /** What was written for this test's order after the provider's pending answer, as far as read. */
    private List<OrderCommand> outcomes() {
        return reader.valuesOf(OrderCommand.class).stream().filter(c -> orderId.equals(c.orderId()))
                .filter(c -> c instanceof RefundFailed || c instanceof PendingRefundReleased
                        || c instanceof RefundIssued issued && !"pending".equals(issued.providerStatus()))
                .toList();
    }

    /** The connector's pending answers for this test's order, as far as read. */
    private List<RefundIssued> pending() {
        return reader.valuesOf(RefundIssued.class).stream()
                .filter(i -> i.orderId().equals(orderId) && "pending".equals(i.providerStatus())).toList();
    }
}
