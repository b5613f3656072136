package com.openfulfil.dropship.tracking.web;

import com.openfulfil.dropship.support.security.ApiKeys;
import com.openfulfil.dropship.support.security.Caller;
import com.openfulfil.dropship.support.security.CallerResolver;
import com.openfulfil.dropship.support.security.PublicRoutes;
import com.openfulfil.dropship.support.web.ApiProblem;
import com.openfulfil.dropship.tracking.config.TrackingProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Ops' admin key ({@code X-Api-Key}), configured by its SHA-256 hash as in the other services: the
 * only credential tracking-service knows. Public: a parcel's tracking, to anyone holding its tracking
 * number (the customer's page, and the same as JSON), the carriers' webhooks, which prove
 * themselves with their signature, and the API's documentation.
 */
@Component
class AdminKey implements CallerResolver {
    static final String HEADER = "X-Api-Key";
    private final TrackingProperties properties;

    AdminKey(TrackingProperties properties) {
        this.properties = properties;
    }

    @Bean
    static PublicRoutes publicRoutes() {
        return PublicRoutes.healthAndMetrics()
                .apiDocs()
                .get("/track/{trackingNumber}")
                .get("/api/v1/tracking/{trackingNumber}")
                .post("/webhooks/carriers/{carrier}")
                .post("/webhooks/sms/inbound");
    }

    @Override
    public Optional<Caller> resolve(HttpServletRequest request) {
        String key = request.getHeader(HEADER);
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        require(key);
        return Optional.of(Caller.admin());
    }

    @Override
    public String credentialsHint() {
        return "Send the admin API key in the " + HEADER + " header.";
    }

    void require(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw ApiProblem.unauthorized(credentialsHint());
        }
        if (!ApiKeys.matches(apiKey, properties.adminKeySha256())) {
            throw ApiProblem.unauthorized("The API key is not the admin key.");
        }
    }
}
