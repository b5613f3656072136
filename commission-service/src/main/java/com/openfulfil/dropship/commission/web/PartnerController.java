package com.openfulfil.dropship.commission.web;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The partner programme's entry: apply, and an admin grants or revokes (docs/partners.md,
 * "commission-service (port 8085)"; R2.4).
 */
@RestController
@RequestMapping("/api/v1")
class PartnerController {
    private final Partners partners;
    private final ApiKeyCheck keys;

    PartnerController(Partners partners, ApiKeyCheck keys) {
        this.partners = partners;
        this.keys = keys;
    }

    @PostMapping("/partners/apply")
    @ResponseStatus(HttpStatus.CREATED)
    PartnerResponse apply(@Valid @RequestBody ApplyRequest request) {
        return partners.apply(request);
    }

    @PostMapping("/admin/partners/{partnerId}/grant")
    PartnerResponse grant(@PathVariable String partnerId,
                          @RequestHeader(name = "X-Api-Key", required = false) String apiKey) {
        keys.requireAdmin(apiKey);
        return partners.grant(partnerId);
    }

    @PostMapping("/admin/partners/{partnerId}/revoke")
    PartnerResponse revoke(@PathVariable String partnerId,
                           @RequestHeader(name = "X-Api-Key", required = false) String apiKey) {
        keys.requireAdmin(apiKey);
        return partners.revoke(partnerId);
    }
}
