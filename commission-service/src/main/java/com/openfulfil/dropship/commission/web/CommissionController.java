package com.openfulfil.dropship.commission.web;

import com.openfulfil.dropship.commission.domain.Commission;
import com.openfulfil.dropship.commission.domain.PayoutPolicy;
import com.openfulfil.dropship.commission.stream.PartnerRegistry;
import com.openfulfil.dropship.events.partner.PartnerUpdated;
import com.openfulfil.dropship.support.web.ApiProblem;
import com.openfulfil.dropship.support.web.FieldProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * "View commission" (R2.4, R6.3): one order for the admin or its partner, and a partner's own list;
 * complete whichever instance is asked.
 */
@RestController
@RequestMapping("/api/v1")
class CommissionController {
    static final int MAX_PAGE_SIZE = 200;

    private final LedgerReader ledger;
    private final PartnerRegistry registry;
    private final ApiKeyCheck keys;
    private final PayoutPolicy payouts;
    private final Clock clock;

    CommissionController(LedgerReader ledger, PartnerRegistry registry, ApiKeyCheck keys, PayoutPolicy payouts,
                         Clock clock) {
        this.ledger = ledger;
        this.registry = registry;
        this.keys = keys;
        this.payouts = payouts;
        this.clock = clock;
    }

    /** Any other caller gets the same 404 as for an unknown order, so foreign order ids cannot be probed. */
    @GetMapping("/orders/{orderId}/commission")
    CommissionView commission(@PathVariable String orderId,
                              @RequestHeader(name = "X-Api-Key", required = false) String apiKey) {
        Instant now = clock.instant();
        return ledger.forOrder(orderId, apiKey).filter(c -> keys.maySee(apiKey, c.partnerId(), registry))
                .map(c -> CommissionView.of(c, payouts.stateOf(c, now)))
                .orElseThrow(() -> ApiProblem.notFound("No commission for order " + orderId + "."));
    }

    /** The partner's orders, newest first, with balances per currency; only ever the caller's own. */
    @GetMapping("/partners/me/commissions")
    PartnerCommissions mine(@RequestHeader(name = "X-Api-Key", required = false) String apiKey,
                            @RequestParam(defaultValue = "0") int page,
                            @RequestParam(defaultValue = "20") int size) {
        checkPage(page, size);
        PartnerUpdated partner = keys.requirePartner(apiKey, registry);
        Instant now = clock.instant();
        List<Commission> all = new ArrayList<>(ledger.forPartner(partner.partnerId(), apiKey));
        all.sort(Comparator.comparing(Commission::earnedAt).reversed().thenComparing(Commission::orderId));
        List<CommissionView> items = all.stream().skip((long) page * size).limit(size)
                .map(c -> CommissionView.of(c, payouts.stateOf(c, now))).toList();
        return new PartnerCommissions(partner.partnerId(), partner.name(), page, size, all.size(), items,
                payouts.balances(all, now).stream().map(BalanceView::of).toList());
    }

    private static void checkPage(int page, int size) {
        List<FieldProblem> problems = new ArrayList<>();
        if (page < 0) {
            problems.add(FieldProblem.of("page", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            problems.add(FieldProblem.of("size", "must be between 1 and " + MAX_PAGE_SIZE));
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
    }

    record PartnerCommissions(String partnerId, String partnerName, int page, int size, int totalItems,
                              List<CommissionView> items, List<BalanceView> balances) {
    }
}
