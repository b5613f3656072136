package com.openfulfil.dropship.order.connector;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.order.OrderCommand;
import com.openfulfil.dropship.events.order.RefundApproved;
import com.openfulfil.dropship.events.order.RefundFailed;
import com.openfulfil.dropship.events.order.RefundIssued;
import com.openfulfil.dropship.events.order.RefundRequested;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.order.domain.Refund;
import com.openfulfil.dropship.support.config.DropshipProperties;
import com.openfulfil.dropship.support.kafka.EventPublisher;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.Metrics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Pays the refunds the orders accepted, off the order stream's thread. A consumer group of its own
 * ({@value #GROUP}) reads {@code orders.commands}; for each {@link RefundApproved} (written by the order's
 * stream in the step that accepted the request, so a request the order refused, one of two sent at the same
 * moment that together ask more than was paid, is never paid) it asks the payment provider (retried with
 * exponential backoff by the resilience4j retry {@value #RETRY}) and writes the outcome back on
 * {@code orders.commands}, {@link RefundIssued} or {@link RefundFailed}, for the order's stream to apply.
 * The approval's offset is committed only after its outcome is written. A refund answered {@code pending}
 * is followed from there by {@link PendingRefundFollower} until the provider settles it.
 *
 * <p>A {@link RefundRequested} is paid only when it was written before orders approved their refunds: the
 * order lists it as requested but carries no approval for it ({@link Refund#acceptedBeforeApprovals()}), as
 * an older version of the order's stream accepted every request. Any other request is left to the order: it
 * approves or refuses it itself, or already has.
 *
 * <p>At least once: an instance that stops between the provider's answer and the commit asks again after
 * its restart, and a provider that stays unreachable through every retry (or an order that cannot be read
 * for a request) makes the connector read its refunds again after a growing wait. Never twice paid: every
 * call carries the refund's id as {@code Idempotency-Key}, so the provider answers a repeat with the refund
 * it already made, and the order applies one outcome per refund id.
 */
@Component
public class RefundPayer implements SmartLifecycle {
    static final String GROUP = "order-service.refunds";
    static final String RETRY = "refunds";
    private static final Logger log = LoggerFactory.getLogger(RefundPayer.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final String TOPIC = Topics.ORDER_COMMANDS.name();

    private final RefundProperties properties;
    private final EventPublisher publisher;
    private final Clock clock;
    private final Retry retry;
    private final RefundRecords records;
    private final EventSerde serde = new EventSerde();
    private final RefundProviderClient provider;
    private final CommandsReader reader;

    RefundPayer(RefundProperties properties, EventPublisher publisher, Clock clock, DropshipProperties dropship,
                RetryRegistry retries, RefundRecords records) {
        this.properties = properties;
        this.publisher = publisher;
        this.clock = clock;
        this.retry = retries.retry(RETRY);
        this.records = records;
        this.provider = properties.enabled() ? new RefundProviderClient(properties) : null;
        // one refund at a time: its retries may take minutes before the next poll
        this.reader = new CommandsReader("refunds", GROUP, "dropship.refunds.payer.restarts", dropship, properties,
                Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1,
                        ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) Duration.ofMinutes(15).toMillis()));
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            log.info("No payment provider configured (dropship.order.refunds.provider-url, secret-key): refunds are"
                    + " recorded offline");
            return;
        }
        reader.start(this::payUntilStopped);
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
     * One run of the reader, until stopped. Whatever it throws (the provider unreachable through every retry
     * among it) ends the run; the reader starts a new one after a wait, which carries on from the last committed
     * request, so nothing is skipped.
     */
    private void payUntilStopped(KafkaConsumer<String, byte[]> consumer) {
        consumer.subscribe(List.of(TOPIC));
        while (reader.running()) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                handle(record);
                consumer.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
                        new OffsetAndMetadata(record.offset() + 1)));
                reader.progressed();
            }
        }
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        Event event;
        try {
            event = serde.deserialize(record.topic(), record.headers(), record.value());
        } catch (RuntimeException e) {
            // the order stream reads the same record and dead-letters it; here it is only not a refund to pay
            log.warn("Skipping undecodable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.toString());
            return;
        }
        handle(event);
    }

    /** Pays {@code event} if it is a refund to pay; every other command on the topic is the order's alone. */
    void handle(Event event) {
        if (event instanceof RefundApproved approved) {
            pay(approved);
        } else if (event instanceof RefundRequested request) {
            payIfAcceptedBeforeApprovals(request);
        }
    }

    /**
     * A request is the order's to approve; one an older version of the order accepted without approving it
     * is paid as that version's connector would have paid it, its outcome's id derived from the request's.
     */
    private void payIfAcceptedBeforeApprovals(RefundRequested request) {
        if (records.find(request.orderId(), request.refundId()).filter(Refund::acceptedBeforeApprovals).isEmpty()) {
            return;
        }
        log.info("Paying refund {} of order {}, accepted before orders approved their refunds", request.refundId(),
                request.orderId());
        pay(RefundApproved.of(request, request.eventId(), request.occurredAt()));
    }

    /** Asks the provider, retrying while it gives no answer; the answer goes back to the order. */
    private void pay(RefundApproved approved) {
        ProviderRefund answer = Retry.decorateSupplier(retry, () -> provider.refund(approved)).get();
        OrderCommand outcome = answer.failed()
                ? new RefundFailed(EventIds.derived(approved.eventId(), "refund-failed"), clock.instant(),
                        approved.orderId(), approved.refundId(), approved.amount(), approved.currency(), answer.id(),
                        answer.failure())
                : new RefundIssued(EventIds.derived(approved.eventId(), "refund-issued"), clock.instant(),
                        approved.orderId(), approved.amount(), approved.currency(), approved.by(), approved.note(),
                        approved.refundId(), answer.id(), answer.status());
        publisher.publishAndWait(Topics.ORDER_COMMANDS, approved.orderId(), outcome);
        Metrics.counter("dropship.refunds", "outcome", answer.status()).increment();
        if (answer.failed()) {
            log.warn("Refund {} of order {} failed at the payment provider: {}", approved.refundId(), approved.orderId(),
                    answer.failure());
        }
    }
}
