package com.openfulfil.dropship.channel.web;

import com.openfulfil.dropship.channel.config.ChannelProperties;
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
 * Who calls channel-gateway: the channels, whose webhooks are public (with the public POST budget per
 * client address) since each proves itself with the store's signature, and ops with their key
 * ({@code X-Admin-Key}, configured as its SHA-256; none configured lets nobody in), who read the
 * stores' activity and retry their refused calls. Everything else answers 401.
 */
@Component
class ChannelAccess implements CallerResolver {
    static final String ADMIN_KEY = "X-Admin-Key";

    private final ChannelProperties properties;

    ChannelAccess(ChannelProperties properties) {
        this.properties = properties;
    }

    @Bean
    static PublicRoutes publicRoutes() {
        return PublicRoutes.healthAndMetrics().apiDocs()
                .post("/webhooks/shopify/orders-cancelled")
                .post("/webhooks/shopify/orders-updated")
                .post("/webhooks/woocommerce/{storeId}");
    }

    @Override
    public Optional<Caller> resolve(HttpServletRequest request) {
        String key = request.getHeader(ADMIN_KEY);
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        if (!ApiKeys.matches(key, properties.adminKeySha256())) {
            throw ApiProblem.unauthorized("Missing or wrong " + ADMIN_KEY);
        }
        return Optional.of(Caller.admin());
    }

    @Override
    public String credentialsHint() {
        return "Send ops' " + ADMIN_KEY + "; the channels' webhooks are signed with each store's secret.";
    }
}
