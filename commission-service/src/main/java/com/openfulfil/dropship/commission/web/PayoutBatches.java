package com.openfulfil.dropship.commission.web;

import com.openfulfil.dropship.commission.domain.Commission;
import com.openfulfil.dropship.commission.domain.PayoutDestination;
import com.openfulfil.dropship.commission.domain.PayoutLine;
import com.openfulfil.dropship.commission.domain.PayoutPolicy;
import com.openfulfil.dropship.commission.stream.PayoutDetailsBook;
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
 * seen before answers with that batch instead of planning a new one. A partner with no payout details
 * on file is held: their commission stays available for the next batch, and the batch says so.
 */
@Component
class PayoutBatches {
    private final LedgerReader ledger;
    private final PayoutPolicy policy;
    private final EventPublisher publisher;
    private final PayoutDetailsBook destinations;
    private final Clock clock;
    private final Map<String, PayoutBatch> sent = new ConcurrentHashMap<>();

    PayoutBatches(LedgerReader ledger, PayoutPolicy policy, EventPublisher publisher,
                  PayoutDetailsBook destinations, Clock clock) {
        this.ledger = ledger;
        this.policy = policy;
        this.publisher = publisher;
        this.destinations = destinations;
        this.clock = clock;
    }

    /** The batch, and whether this call created it; every instance's commissions are read with the admin's key. */
    synchronized Outcome run(String batchId, String adminKey) {
        PayoutBatch known = sent.get(batchId);
        if (known != null) {
            return new Outcome(known, false);
        }
        List<Commission> all = ledger.all(adminKey);
        List<Commission> settledByIt = all.stream().filter(c -> batchId.equals(c.payoutBatch())).toList();
        if (!settledByIt.isEmpty()) {
            return new Outcome(remember(new PayoutBatch(batchId, null, withDestinations(fromLedger(settledByIt)),
                    List.of())), false);
        }
        Instant now = clock.instant();
        List<Payout> payouts = new ArrayList<>();
        List<PayoutLine> held = new ArrayList<>();
        for (PayoutLine line : policy.plan(all, now)) {
            destinations.destinationOf(line.partnerId()).ifPresentOrElse(
                    to -> payouts.add(new Payout(line, to)), () -> held.add(line));
        }
        List<CompletableFuture<?>> writes = new ArrayList<>();
        for (Payout payout : payouts) {
            for (String orderId : payout.line().orderIds()) {
                writes.add(publisher.publish(Topics.PAYOUT_REQUESTS, orderId, new PayoutRequested(
                        EventIds.derived("payout", batchId, orderId), now, orderId, payout.line().partnerId(), batchId)));
            }
        }
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
        return new Outcome(remember(new PayoutBatch(batchId, now, payouts, held)), true);
    }

    /** A batch rebuilt from the ledger shows where each partner is paid now. */
    private List<Payout> withDestinations(List<PayoutLine> lines) {
        return lines.stream().map(line -> new Payout(line, destinations.destinationOf(line.partnerId())
                .orElse(null))).toList();
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

    /** @param held what is due to partners who have no payout details on file; it waits for a later batch */
    record PayoutBatch(String batchId, Instant requestedAt, List<Payout> payouts, List<PayoutLine> held) {
    }

    /** One line of a batch and where it is paid (masked; the payout itself opens the details). */
    record Payout(PayoutLine line, PayoutDestination destination) {
    }

    record Outcome(PayoutBatch batch, boolean created) {
    }
}
