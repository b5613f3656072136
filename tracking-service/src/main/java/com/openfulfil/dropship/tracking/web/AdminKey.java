package com.openfulfil.dropship.tracking.web;

import com.openfulfil.dropship.support.security.ApiKeys;
import com.openfulfil.dropship.support.web.ApiProblem;
import com.openfulfil.dropship.tracking.config.TrackingProperties;
import org.springframework.stereotype.Component;

/** Ops' admin key ({@code X-Api-Key}), configured by its SHA-256 hash as in the other services. */
@Component
class AdminKey {
    static final String HEADER = "X-Api-Key";
    private final TrackingProperties properties;

    AdminKey(TrackingProperties properties) {
        this.properties = properties;
    }

    void require(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw ApiProblem.unauthorized("Send the admin API key in the " + HEADER + " header.");
        }
        if (!ApiKeys.matches(apiKey, properties.adminKeySha256())) {
            throw ApiProblem.unauthorized("The API key is not the admin key.");
        }
    }
}
