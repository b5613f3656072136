package com.openfulfil.dropship.commission.web;

import com.openfulfil.dropship.commission.domain.Commission;
import com.openfulfil.dropship.commission.domain.PayoutLine;
import com.openfulfil.dropship.commission.domain.PayoutPolicy;
import com.openfulfil.dropship.commission.stream.CommissionLedger;
import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.partner.PayoutRequested;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.kafka.EventPublisher;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Payout batches: what each partner is paid, sent to the commission stream as one
 * {@code PayoutRequested} per order (id derived from batch and order). The stream settles an order
 * only while something is due on it, so an order is never paid twice whatever is resent; a batch id
 * seen before answers with that batch instead of planning a new one.
 */
@Component
class PayoutBatches {
    private final CommissionLedger ledger;
    private final PayoutPolicy policy;
    private final EventPublisher publisher;
    private final Clock clock;
    private final Map<String, PayoutBatch> sent = new ConcurrentHashMap<>();

    PayoutBatches(CommissionLedger ledger, PayoutPolicy policy, EventPublisher publisher, Clock clock) {
        this.ledger = ledger;
        this.policy = policy;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** The batch, and whether this call created it. */
    synchronized Outcome run(String batchId) {
        PayoutBatch known = sent.get(batchId);
        if (known != null) {
            return new Outcome(known, false);
        }
        List<Commission> all = ledger.all();
        List<Commission> settledByIt = all.stream().filter(c -> batchId.equals(c.payoutBatch())).toList();
        if (!settledByIt.isEmpty()) {
            return new Outcome(remember(new PayoutBatch(batchId, null, fromLedger(settledByIt))), false);
        }
        Instant now = clock.instant();
        List<PayoutLine> lines = policy.plan(all, now);
        List<CompletableFuture<?>> writes = new ArrayList<>();
        for (PayoutLine line : lines) {
            for (String orderId : line.orderIds()) {
                writes.add(publisher.publish(Topics.PAYOUT_REQUESTS, orderId, new PayoutRequested(
                        EventIds.derived("payout", batchId, orderId), now, orderId, line.partnerId(), batchId)));
            }
        }
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
        return new Outcome(remember(new PayoutBatch(batchId, now, lines)), true);
    }

    private PayoutBatch remember(PayoutBatch batch) {
        sent.put(batch.batchId(), batch);
        return batch;
    }

    /** A batch this instance did not send (another instance, before a restart), rebuilt from what it settled. */
    private static List<PayoutLine> fromLedger(List<Commission> settled) {
        Map<String, List<Commission>> byAccount = settled.stream().collect(Collectors.groupingBy(
                c -> c.partnerId() + "\u001f" + c.currency(), LinkedHashMap::new, Collectors.toList()));
        return byAccount.values().stream().map(orders -> new PayoutLine(orders.get(0).partnerId(),
                orders.get(0).partnerName(), orders.get(0).currency(),
                orders.stream().map(Commission::paid).reduce(BigDecimal.ZERO, BigDecimal::add),
                orders.stream().map(Commission::orderId).sorted().toList())).toList();
    }

    record PayoutBatch(String batchId, Instant requestedAt, List<PayoutLine> lines) {
    }

    record Outcome(PayoutBatch batch, boolean created) {
    }
}
