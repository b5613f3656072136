package com.openfulfil.dropship.commission.web;

import com.openfulfil.dropship.commission.config.CommissionProperties;
import com.openfulfil.dropship.commission.stream.PartnerRegistry;
import com.openfulfil.dropship.events.partner.PartnerUpdated;
import com.openfulfil.dropship.support.security.ApiKeys;
import com.openfulfil.dropship.support.web.ApiProblem;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Who an {@code X-Api-Key} belongs to: the admin (configured by hash) or a granted partner (hash in the registry). */
@Component
class ApiKeyCheck {
    static final String HEADER = "X-Api-Key";
    static final String PARTNER_KEY_PREFIX = "pk_";
    private final CommissionProperties properties;

    ApiKeyCheck(CommissionProperties properties) {
        this.properties = properties;
    }

    boolean isAdmin(String apiKey) {
        return ApiKeys.matches(apiKey, properties.adminKeySha256());
    }

    /** Whether {@code apiKey} is the admin's or that of {@code partnerId}, still granted. */
    boolean maySee(String apiKey, String partnerId, PartnerRegistry registry) {
        return isAdmin(apiKey) || registry.find(partnerId).filter(partner -> isKeyOf(apiKey, partner)).isPresent();
    }

    /** A revoked partner's key is still recognised by its hash, and refused. */
    static boolean isKeyOf(String apiKey, PartnerUpdated partner) {
        return partner.isGranted() && ApiKeys.matches(apiKey, partner.apiKeyHash());
    }

    /**
     * The granted partner whose key this is. The partner's id is read from the key
     * ({@code pk_<partnerId>_<secret>}) and the key checked against that partner's hash alone.
     */
    PartnerUpdated requirePartner(String apiKey, PartnerRegistry registry) {
        if (apiKey == null || apiKey.isBlank()) {
            throw ApiProblem.unauthorized("Send your partner API key in the X-Api-Key header.");
        }
        PartnerUpdated partner = partnerIdIn(apiKey).flatMap(registry::find)
                .filter(p -> ApiKeys.matches(apiKey, p.apiKeyHash()))
                .orElseThrow(() -> ApiProblem.unauthorized("This is not a partner API key."));
        if (!partner.isGranted()) {
            throw ApiProblem.forbidden("The partner role of " + partner.partnerId() + " was revoked.");
        }
        return partner;
    }

    private static Optional<String> partnerIdIn(String apiKey) {
        if (!apiKey.startsWith(PARTNER_KEY_PREFIX)) {
            return Optional.empty();
        }
        int end = apiKey.indexOf('_', PARTNER_KEY_PREFIX.length());
        return end < 0 ? Optional.empty() : Optional.of(apiKey.substring(PARTNER_KEY_PREFIX.length(), end));
    }

    void requireAdmin(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw ApiProblem.unauthorized("Send the admin API key in the X-Api-Key header.");
        }
        if (!isAdmin(apiKey)) {
            throw ApiProblem.forbidden("Only an admin may do this.");
        }
    }
}
