package com.openfulfil.dropship.order.connector;

import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.order.RefundApproved;
import com.openfulfil.dropship.events.order.RefundIssued;
import com.openfulfil.dropship.events.order.RefundRequested;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.order.domain.Refund;
import com.openfulfil.dropship.order.domain.RefundStatus;
import com.openfulfil.dropship.support.config.DropshipProperties;
import com.openfulfil.dropship.support.kafka.EventPublisher;
import com.openfulfil.dropship.support.testing.EmbeddedBroker;
import com.openfulfil.dropship.support.testing.TopicReader;
import io.github.resilience4j.retry.RetryRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the refund connector pays of the commands it reads, against a real broker and the provider stand-in:
 * every approval, and a request only when its order accepted it before orders approved their refunds (a
 * version that accepted every request and wrote no approval). The order's records are given as the stream
 * would have left them.
 */
class RefundPayerIT {
    private static final Instant T = Instant.parse("2026-11-02T10:00:00Z");
    private static final RefundProviderStandIn PROVIDER = new RefundProviderStandIn();

    private final String orderId = "o-" + UUID.randomUUID();
    private final String payment = "pi_" + UUID.randomUUID().toString().replace("-", "");
    private final EventPublisher publisher = new EventPublisher(EmbeddedBroker.bootstrapServers(), "refund-payer-it");
    /** The refund as the order's stream recorded it; empty: the stream has not seen it. */
    private Optional<Refund> recorded = Optional.empty();
    private final RefundPayer payer = new RefundPayer(
            new RefundProperties(URI.create(PROVIDER.url()), RefundProviderStandIn.SECRET_KEY, Duration.ofSeconds(2),
                    Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(1),
                    Duration.ofSeconds(5), 3, Duration.ofDays(7)),
            publisher, Clock.systemUTC(),
            new DropshipProperties(new DropshipProperties.Kafka(EmbeddedBroker.bootstrapServers(), "PLAINTEXT", null,
                    null, null), new DropshipProperties.Topics(0, (short) 1, 0, true, Duration.ofSeconds(60), true)),
            RetryRegistry.ofDefaults(), (order, refund) -> recorded.filter(r -> r.refundId().equals(refund)));

    @BeforeAll
    static void ordersCommands() throws Exception {
        EmbeddedBroker.ensureTopic(Topics.ORDER_COMMANDS);
    }

    @AfterEach
    void closePublisher() {
        publisher.close();
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @Test
    void anApprovedRefundIsPaidAndItsOutcomeWrittenForTheOrder() {
        RefundApproved approved = RefundApproved.of(request("rf_a"), "approval-" + orderId, T);

        payer.handle(approved);

        assertThat(PROVIDER.callsFor(payment)).singleElement()
                .satisfies(call -> assertThat(call.idempotencyKey()).isEqualTo("rf_a"));
        assertThat(outcomes(1)).singleElement().satisfies(issued -> {
            assertThat(issued.eventId()).isEqualTo(EventIds.derived(approved.eventId(), "refund-issued"));
            assertThat(issued.refundId()).isEqualTo("rf_a");
            assertThat(issued.providerStatus()).isEqualTo("succeeded");
        });
    }

    /**
     * Written and accepted before orders approved their refunds, not yet paid: paid as the connector of that
     * version would have paid it, once however often it is read (a replay after a crash).
     */
    @Test
    void aRequestItsOrderAcceptedBeforeApprovalsIsPaidOnce() {
        RefundRequested request = request("rf_old");
        recorded = Optional.of(new Refund("rf_old", request.amount(), "USD", RefundStatus.REQUESTED, null, null,
                "admin:ops", null, T, null, null));

        payer.handle(request);
        payer.handle(request);

        assertThat(PROVIDER.callsFor(payment)).hasSize(2)
                .allSatisfy(call -> assertThat(call.idempotencyKey()).isEqualTo("rf_old"));
        assertThat(PROVIDER.refundsMadeFor(payment)).isEqualTo(1);
        assertThat(outcomes(2)).hasSize(2).extracting(RefundIssued::eventId).containsOnly(
                EventIds.derived(request.eventId(), "refund-issued"));
    }

    /** A request the order approved (its approval is paid), refused, or has not read yet is the order's to decide. */
    @Test
    void aRequestTheOrderApprovedRefusedOrHasNotReadIsNotPaid() {
        RefundRequested request = request("rf_new");

        payer.handle(request);
        recorded = Optional.of(new Refund("rf_new", request.amount(), "USD", RefundStatus.REQUESTED, null, null,
                "admin:ops", null, T, null, T));
        payer.handle(request);
        recorded = Optional.of(new Refund("rf_new", request.amount(), "USD", RefundStatus.REFUSED, null,
                "only 5.00 USD is left to refund", "admin:ops", null, T, T, null));
        payer.handle(request);

        assertThat(PROVIDER.callsFor(payment)).isEmpty();
    }

    private RefundRequested request(String refundId) {
        return new RefundRequested("q-" + refundId + "-" + orderId, T, orderId, refundId, new BigDecimal("20.00"), "USD",
                payment, "requested_by_customer", "admin:ops", null);
    }

    /** The outcomes written for this test's order, once there are {@code expected} (each was written before). */
    private List<RefundIssued> outcomes(int expected) {
        try (TopicReader reader = new TopicReader(EmbeddedBroker.bootstrapServers(), Topics.ORDER_COMMANDS.name())) {
            reader.until(Duration.ofSeconds(30), seen -> mine(reader).size() >= expected);
            return mine(reader);
        }
    }

    private List<RefundIssued> mine(TopicReader reader) {
        return reader.valuesOf(RefundIssued.class).stream().filter(i -> i.orderId().equals(orderId)).toList();
    }
}
