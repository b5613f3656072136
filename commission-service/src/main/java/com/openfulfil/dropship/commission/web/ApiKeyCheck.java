package com.openfulfil.dropship.commission.web;

import com.openfulfil.dropship.commission.config.CommissionProperties;
import com.openfulfil.dropship.events.partner.PartnerUpdated;
import com.openfulfil.dropship.support.security.ApiKeys;
import com.openfulfil.dropship.support.web.ApiProblem;
import org.springframework.stereotype.Component;

/** Who an {@code X-Api-Key} belongs to: the admin (configured by hash) or a granted partner (hash in the registry). */
@Component
class ApiKeyCheck {
    private final CommissionProperties properties;

    ApiKeyCheck(CommissionProperties properties) {
        this.properties = properties;
    }

    boolean isAdmin(String apiKey) {
        return ApiKeys.matches(apiKey, properties.adminKeySha256());
    }

    /** A revoked partner's key is still recognised by its hash, and refused. */
    static boolean isKeyOf(String apiKey, PartnerUpdated partner) {
        return partner.isGranted() && ApiKeys.matches(apiKey, partner.apiKeyHash());
    }

    void requireAdmin(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw ApiProblem.unauthorized("Send the admin API key in the X-Api-Key header.");
        }
        if (!isAdmin(apiKey)) {
            throw ApiProblem.forbidden("Only an admin may grant or revoke the partner role.");
        }
    }
}
