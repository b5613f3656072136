package com.openfulfil.dropship.order.web;

import com.openfulfil.dropship.events.partner.PartnerUpdated;
import com.openfulfil.dropship.order.config.OrderProperties;
import com.openfulfil.dropship.support.security.ApiKeys;
import com.openfulfil.dropship.support.web.ApiProblem;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Resolves the {@code X-Api-Key} header to a caller. Storefront and admin keys are configured as
 * SHA-256 hashes; a partner key ({@code pk_<partnerId>_<secret>}) is checked against the partner
 * registry, so a revoked partner is refused at once.
 */
@Component
class ApiKeyAuthenticator {
    private static final String PARTNER_PREFIX = "pk_";
    private final OrderProperties properties;
    private final Directory directory;

    ApiKeyAuthenticator(OrderProperties properties, Directory directory) {
        this.properties = properties;
        this.directory = directory;
    }

    Caller authenticate(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw ApiProblem.unauthorized("Send your API key in the X-Api-Key header.");
        }
        ApiKeys.Presented presented = ApiKeys.Presented.of(apiKey);
        if (presented.matches(properties.adminKeySha256())) {
            return new Caller(Caller.Kind.ADMIN, "admin", "admin");
        }
        for (OrderProperties.Storefront storefront : properties.storefronts()) {
            if (presented.matches(storefront.apiKeySha256())) {
                return new Caller(Caller.Kind.STOREFRONT, storefront.id(), storefront.name());
            }
        }
        return partner(apiKey, presented).orElseThrow(() -> ApiProblem.unauthorized("The API key is not valid."));
    }

    private Optional<Caller> partner(String apiKey, ApiKeys.Presented presented) {
        int end = apiKey.lastIndexOf('_');
        if (!apiKey.startsWith(PARTNER_PREFIX) || end <= PARTNER_PREFIX.length()) {
            return Optional.empty();
        }
        Optional<PartnerUpdated> partner = directory.partner(apiKey.substring(PARTNER_PREFIX.length(), end))
                .filter(p -> presented.matches(p.apiKeyHash()));
        if (partner.isPresent() && !partner.get().isGranted()) {
            throw ApiProblem.forbidden("The partner role of " + partner.get().partnerId() + " is "
                    + partner.get().status().name().toLowerCase() + "; an admin must grant it before you can place orders.");
        }
        return partner.map(p -> new Caller(Caller.Kind.PARTNER, p.partnerId(), p.name()));
    }
}
