package com.openfulfil.dropship.commission.web;

import com.openfulfil.dropship.commission.domain.PayoutDestination;
import com.openfulfil.dropship.commission.domain.PayoutLine;
import com.openfulfil.dropship.commission.domain.PayoutPolicy;
import com.openfulfil.dropship.support.web.ApiProblem;
import com.openfulfil.dropship.support.web.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/** The admin's side of the programme: every partner's balance (JSON or CSV) and payout batches. */
@RestController
@RequestMapping("/api/v1/admin")
class AdminCommissionController {
    private static final Pattern BATCH_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final LedgerReader ledger;
    private final PayoutPolicy policy;
    private final PayoutBatches batches;
    private final ApiKeyCheck keys;
    private final Clock clock;

    AdminCommissionController(LedgerReader ledger, PayoutPolicy policy, PayoutBatches batches, ApiKeyCheck keys,
                              Clock clock) {
        this.ledger = ledger;
        this.policy = policy;
        this.batches = batches;
        this.keys = keys;
        this.clock = clock;
    }

    @GetMapping("/partner-balances")
    List<BalanceView> balances(@RequestHeader(name = "X-Api-Key", required = false) String apiKey) {
        keys.requireAdmin(apiKey);
        return policy.balances(ledger.all(apiKey), clock.instant()).stream().map(BalanceView::of).toList();
    }

    @GetMapping("/partner-balances.csv")
    ResponseEntity<String> balancesCsv(@RequestHeader(name = "X-Api-Key", required = false) String apiKey) {
        return ResponseEntity.ok().contentType(CSV)
                .header("Content-Disposition", "attachment; filename=\"partner-balances.csv\"")
                .body(BalancesCsv.of(balances(apiKey)));
    }

    /**
     * Runs payout batch {@code Idempotency-Key} (or {@code batchId} in the body): 202 when this call
     * sent it, 200 with the same batch when it was sent before.
     */
    @PostMapping("/payouts")
    ResponseEntity<BatchView> payout(@RequestHeader(name = "X-Api-Key", required = false) String apiKey,
                                     @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                                     @RequestBody(required = false) PayoutRequest body) {
        keys.requireAdmin(apiKey);
        String batchId = idempotencyKey != null ? idempotencyKey : body == null ? null : body.batchId();
        if (batchId == null || !BATCH_ID.matcher(batchId).matches()) {
            throw ApiProblem.invalid(List.of(FieldProblem.of("batchId",
                    "send the batch id as the Idempotency-Key header or batchId: 1 to 64 letters, digits, '.', '_' or '-'")));
        }
        PayoutBatches.Outcome outcome = batches.run(batchId, apiKey);
        return ResponseEntity.status(outcome.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .body(BatchView.of(outcome.batch()));
    }

    record PayoutRequest(String batchId) {
    }

    /** {@code held}: partners who are owed money but gave no payout details; they are paid by a later batch. */
    record BatchView(String batchId, Instant requestedAt, List<LineView> payouts, List<LineView> held) {
        static BatchView of(PayoutBatches.PayoutBatch batch) {
            return new BatchView(batch.batchId(), batch.requestedAt(),
                    batch.payouts().stream().map(p -> LineView.of(p.line(), p.destination())).toList(),
                    batch.held().stream().map(line -> LineView.of(line, null)).toList());
        }
    }

    /** {@code payoutDestination}: where the line is paid, masked ("****6789"). */
    record LineView(String partnerId, String partnerName, String currency, String amount, List<String> orderIds,
                    String payoutDestination) {
        static LineView of(PayoutLine line, PayoutDestination destination) {
            return new LineView(line.partnerId(), line.partnerName(), line.currency(),
                    CommissionView.money(line.amount()), line.orderIds(),
                    destination == null ? null : destination.masked());
        }
    }
}
