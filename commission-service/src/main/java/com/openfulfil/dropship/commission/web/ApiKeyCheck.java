package com.openfulfil.dropship.commission.web;

import com.openfulfil.dropship.commission.config.CommissionProperties;
import com.openfulfil.dropship.commission.stream.PartnerRegistry;
import com.openfulfil.dropship.events.partner.PartnerUpdated;
import com.openfulfil.dropship.support.security.ApiKeys;
import com.openfulfil.dropship.support.security.Caller;
import com.openfulfil.dropship.support.security.CallerResolver;
import com.openfulfil.dropship.support.security.PublicRoutes;
import com.openfulfil.dropship.support.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Who an {@code X-Api-Key} belongs to: the admin (configured by hash) or a partner (hash in the
 * registry). Every route needs one of the two, except the API's documentation and applying to the
 * partner programme, which anyone may do, within a budget per client address ({@code partner-application}).
 */
@Component
class ApiKeyCheck implements CallerResolver {
    static final String HEADER = "X-Api-Key";
    static final String PARTNER_KEY_PREFIX = "pk_";
    static final String PARTNER = "PARTNER";
    static final String APPLICATION_BUDGET = "partner-application";
    private final CommissionProperties properties;
    private final PartnerRegistry registry;

    ApiKeyCheck(CommissionProperties properties, PartnerRegistry registry) {
        this.properties = properties;
        this.registry = registry;
    }

    @Bean
    static PublicRoutes publicRoutes() {
        return PublicRoutes.healthAndMetrics().apiDocs().post("/api/v1/partners/apply", APPLICATION_BUDGET);
    }

    /**
     * The admin, or the partner whose key it is, granted or not: a revoked partner is recognised,
     * and each route tells them what the revocation takes away.
     */
    @Override
    public Optional<Caller> resolve(HttpServletRequest request) {
        String apiKey = request.getHeader(HEADER);
        if (apiKey == null || apiKey.isBlank()) {
            return Optional.empty();
        }
        if (isAdmin(apiKey)) {
            return Optional.of(Caller.admin());
        }
        PartnerUpdated partner = partnerOf(apiKey, registry)
                .orElseThrow(() -> ApiProblem.unauthorized("The API key is neither the admin key nor a partner's."));
        return Optional.of(new Caller(PARTNER, partner.partnerId()));
    }

    @Override
    public String credentialsHint() {
        return "Send your partner API key, or the admin key, in the " + HEADER + " header.";
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
        PartnerUpdated partner = partnerOf(apiKey, registry)
                .orElseThrow(() -> ApiProblem.unauthorized("This is not a partner API key."));
        if (!partner.isGranted()) {
            throw ApiProblem.forbidden("The partner role of " + partner.partnerId() + " was revoked.");
        }
        return partner;
    }

    /** The partner whose key this is, granted or not. */
    private static Optional<PartnerUpdated> partnerOf(String apiKey, PartnerRegistry registry) {
        return partnerIdIn(apiKey).flatMap(registry::find).filter(p -> ApiKeys.matches(apiKey, p.apiKeyHash()));
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
