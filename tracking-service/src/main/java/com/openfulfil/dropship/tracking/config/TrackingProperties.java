package com.openfulfil.dropship.tracking.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;
import java.util.Optional;

/**
 * The carriers allowed to post webhooks and the secret each signs with
 * ({@code dropship.tracking.carriers[i].id/secret}, or {@code DROPSHIP_TRACKING_CARRIERS_0_ID},
 * {@code DROPSHIP_TRACKING_CARRIERS_0_SECRET}, ...). None by default: secrets are never defaults.
 */
@ConfigurationProperties("dropship.tracking")
public record TrackingProperties(@DefaultValue List<Carrier> carriers) {

    public TrackingProperties {
        carriers = List.copyOf(carriers);
    }

    /** The configured carrier with this id, in any case (a path may say {@code sf} for {@code SF}). */
    public Optional<Carrier> carrier(String id) {
        return carriers.stream().filter(c -> c.id().equalsIgnoreCase(id)).findFirst();
    }

    public record Carrier(String id, String secret) {
        public Carrier {
            if (id == null || id.isBlank() || secret == null || secret.isBlank()) {
                throw new IllegalArgumentException("dropship.tracking.carriers needs an id and a secret for each carrier");
            }
        }

        @Override
        public String toString() {
            return "Carrier[id=" + id + "]"; // keeps the secret out of logs and failure reports
        }
    }
}
