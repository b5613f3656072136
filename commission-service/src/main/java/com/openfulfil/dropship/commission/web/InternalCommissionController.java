package com.openfulfil.dropship.commission.web;

import com.openfulfil.dropship.commission.domain.Commission;
import com.openfulfil.dropship.commission.stream.CommissionLedger;
import com.openfulfil.dropship.commission.stream.PartnerRegistry;
import com.openfulfil.dropship.events.partner.PartnerUpdated;
import com.openfulfil.dropship.support.web.ApiProblem;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * How the instances of commission-service read each other's commissions: this instance's own share
 * only, for the same caller and under the same rules as the public views (the admin sees all, a
 * partner their own; anyone else finds nothing). Hidden from the OpenAPI document, like every
 * instance-to-instance route: no integrator calls it.
 */
@Hidden
@RestController
class InternalCommissionController {
    private final CommissionLedger ledger;
    private final PartnerRegistry registry;
    private final ApiKeyCheck keys;

    InternalCommissionController(CommissionLedger ledger, PartnerRegistry registry, ApiKeyCheck keys) {
        this.ledger = ledger;
        this.registry = registry;
        this.keys = keys;
    }

    @GetMapping(LedgerReader.INTERNAL + "/orders/{orderId}")
    ResponseEntity<Commission> order(@PathVariable String orderId,
                                     @RequestHeader(name = ApiKeyCheck.HEADER, required = false) String apiKey) {
        return ResponseEntity.of(ledger.forOrder(orderId).filter(c -> keys.maySee(apiKey, c.partnerId(), registry)));
    }

    /** A partner's share, or with no partnerId every partner's (admin only). */
    @GetMapping(LedgerReader.INTERNAL)
    List<Commission> share(@RequestParam(required = false) String partnerId,
                           @RequestHeader(name = ApiKeyCheck.HEADER, required = false) String apiKey) {
        if (partnerId == null) {
            keys.requireAdmin(apiKey);
            return ledger.all();
        }
        if (!keys.isAdmin(apiKey)) {
            PartnerUpdated caller = keys.requirePartner(apiKey, registry);
            if (!caller.partnerId().equals(partnerId)) {
                throw ApiProblem.forbidden("Only your own commissions.");
            }
        }
        return ledger.forPartner(partnerId);
    }
}
