package com.openfulfil.dropship.catalog.web;

import com.openfulfil.dropship.catalog.config.CatalogProperties;
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
 * Who may do what in the catalog. Anyone reads products as a storefront shows them (price, title,
 * whether listed, how many are available). An {@code X-Api-Key} is either the admin's (ops: every
 * feed, every pull, products in full with every supplier's offer and cost) or a supplier's feed key
 * (its own feed and pulls, and its own offer on a product). Both are configured as SHA-256 hashes.
 * Anyone also reads the API's documentation (OpenAPI document and page).
 */
@Component
class CatalogAccess implements CallerResolver {
    static final String HEADER = "X-Api-Key";
    static final String SUPPLIER = "SUPPLIER";

    private final CatalogProperties properties;

    CatalogAccess(CatalogProperties properties) {
        this.properties = properties;
    }

    @Bean
    static PublicRoutes publicRoutes() {
        return PublicRoutes.healthAndMetrics().apiDocs().get("/api/v1/products").get("/api/v1/products/{sku}");
    }

    @Override
    public Optional<Caller> resolve(HttpServletRequest request) {
        String key = request.getHeader(HEADER);
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        if (ApiKeys.matches(key, properties.adminKeySha256())) {
            return Optional.of(Caller.admin());
        }
        Optional<Caller> supplier = properties.suppliers().stream()
                .filter(s -> ApiKeys.matches(key, s.feedKeySha256())).findFirst()
                .map(s -> new Caller(SUPPLIER, s.id()));
        if (supplier.isEmpty()) {
            throw ApiProblem.unauthorized("The API key is neither the admin key nor a supplier's feed key.");
        }
        return supplier;
    }

    @Override
    public String credentialsHint() {
        return "Send your supplier feed key, or the admin key, in the " + HEADER + " header.";
    }

    /** Ops any supplier's; a supplier its own only. */
    static void requireFeedOf(String supplierId, Caller caller) {
        if (!caller.isAdmin() && !caller.is(SUPPLIER, supplierId)) {
            throw ApiProblem.forbidden("This key is " + caller.id() + "'s feed key: it may send and pull "
                    + caller.id() + "'s feed only.");
        }
    }
}
