package com.openfulfil.dropship.commission.web;

import com.openfulfil.dropship.commission.domain.PayoutDestination;
import com.openfulfil.dropship.commission.stream.PartnerRegistry;
import com.openfulfil.dropship.commission.stream.PayoutDetailsBook;
import com.openfulfil.dropship.events.partner.PartnerUpdated;
import com.openfulfil.dropship.support.web.ApiProblem;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A partner's own account and where they are paid: read back only masked, by the partner and by the
 * admin; replaced whole by the partner. Any instance answers: both are global tables.
 */
@RestController
@RequestMapping("/api/v1")
class PartnerAccountController {
    private final PartnerRegistry registry;
    private final PayoutDetailsBook book;
    private final ApiKeyCheck keys;

    PartnerAccountController(PartnerRegistry registry, PayoutDetailsBook book, ApiKeyCheck keys) {
        this.registry = registry;
        this.book = book;
        this.keys = keys;
    }

    @GetMapping("/partners/me")
    PartnerView me(@RequestHeader(name = "X-Api-Key", required = false) String apiKey) {
        PartnerUpdated partner = keys.requirePartner(apiKey, registry);
        return PartnerView.of(partner, book.destinationOf(partner.partnerId()).orElse(null));
    }

    @PutMapping("/partners/me/payout-details")
    PayoutDestination replacePayoutDetails(@RequestHeader(name = "X-Api-Key", required = false) String apiKey,
                                           @Valid @RequestBody PayoutDetailsRequest request) {
        PartnerUpdated partner = keys.requirePartner(apiKey, registry);
        PayoutDetailsGuard.requireKey(book);
        return book.store(partner.partnerId(), request.payoutDetails().strip());
    }

    @GetMapping("/admin/partners/{partnerId}")
    PartnerView partner(@PathVariable String partnerId,
                        @RequestHeader(name = "X-Api-Key", required = false) String apiKey) {
        keys.requireAdmin(apiKey);
        PartnerUpdated partner = registry.find(partnerId)
                .orElseThrow(() -> ApiProblem.notFound("There is no partner " + partnerId + "."));
        return PartnerView.of(partner, book.destinationOf(partnerId).orElse(null));
    }
}
