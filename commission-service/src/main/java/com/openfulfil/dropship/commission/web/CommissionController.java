package com.openfulfil.dropship.commission.web;

import com.openfulfil.dropship.commission.domain.Commission;
import com.openfulfil.dropship.commission.stream.CommissionLedger;
import com.openfulfil.dropship.commission.stream.PartnerRegistry;
import com.openfulfil.dropship.support.web.ApiProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** "View commission" on an order (R2.4, R6.3): for the admin, or the partner whose order it is. */
@RestController
@RequestMapping("/api/v1")
class CommissionController {
    private final CommissionLedger ledger;
    private final PartnerRegistry registry;
    private final ApiKeyCheck keys;

    CommissionController(CommissionLedger ledger, PartnerRegistry registry, ApiKeyCheck keys) {
        this.ledger = ledger;
        this.registry = registry;
        this.keys = keys;
    }

    /** Any other caller gets the same 404 as for an unknown order, so foreign order ids cannot be probed. */
    @GetMapping("/orders/{orderId}/commission")
    CommissionView commission(@PathVariable String orderId,
                              @RequestHeader(name = "X-Api-Key", required = false) String apiKey) {
        return ledger.forOrder(orderId).filter(c -> maySee(apiKey, c)).map(CommissionView::of)
                .orElseThrow(() -> ApiProblem.notFound("No commission for order " + orderId + "."));
    }

    private boolean maySee(String apiKey, Commission commission) {
        return keys.isAdmin(apiKey) || registry.find(commission.partnerId())
                .filter(partner -> ApiKeyCheck.isKeyOf(apiKey, partner)).isPresent();
    }
}
