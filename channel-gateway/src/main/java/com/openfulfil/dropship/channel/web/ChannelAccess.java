package com.openfulfil.dropship.channel.web;

import com.openfulfil.dropship.support.security.Caller;
import com.openfulfil.dropship.support.security.CallerResolver;
import com.openfulfil.dropship.support.security.PublicRoutes;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * channel-gateway has no API of its own for people: its routes are the channels' webhooks, each
 * proving itself with the store's signature, and they are public (with the public POST budget per
 * client address); everything else answers 401.
 */
@Component
class ChannelAccess implements CallerResolver {

    @Bean
    static PublicRoutes publicRoutes() {
        return PublicRoutes.healthAndMetrics().apiDocs()
                .post("/webhooks/shopify/orders-cancelled")
                .post("/webhooks/shopify/orders-updated")
                .post("/webhooks/woocommerce/{storeId}");
    }

    @Override
    public Optional<Caller> resolve(HttpServletRequest request) {
        return Optional.empty();
    }

    @Override
    public String credentialsHint() {
        return "channel-gateway answers only the channels' signed webhooks.";
    }
}
