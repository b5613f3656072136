package com.openfulfil.dropship.tracking.config;

import com.openfulfil.dropship.tracking.domain.WatchRules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The carriers allowed to post webhooks and the secret each signs with
 * ({@code dropship.tracking.carriers[i].id/secret}, or {@code DROPSHIP_TRACKING_CARRIERS_0_ID},
 * {@code DROPSHIP_TRACKING_CARRIERS_0_SECRET}, ...). None by default: secrets are never defaults.
 * A carrier id, here or in {@code polling}, must be one of the supported carriers
 * ({@link com.openfulfil.dropship.events.model.Carrier}, by code or other id); another is refused at startup.
 * {@code timers} says when a silent parcel is delayed or lost ({@code DROPSHIP_TRACKING_TIMERS_DELAY_AFTER}, ...).
 * {@code adminKeySha256} is the SHA-256 (hex) of the admin API key that lists and works lost-parcel
 * claims ({@code DROPSHIP_TRACKING_ADMIN_KEY_SHA256}); without it nobody may.
 */
@ConfigurationProperties("dropship.tracking")
public record TrackingProperties(@DefaultValue List<Carrier> carriers, @DefaultValue Timers timers,
                                 @DefaultValue List<Polling> polling, String adminKeySha256) {

    public TrackingProperties {
        carriers = List.copyOf(carriers);
        polling = List.copyOf(polling);
    }

    /**
     * A carrier that offers only a query API ({@code dropship.tracking.polling[i].*}).
     *
     * @param url      the query URL, with {@code {trackingNumber}} where the tracking number goes;
     *                 it answers in the webhook's event format (404: nothing yet)
     * @param apiKey   sent as a bearer token when set
     * @param interval time between two rounds over the carrier's parcels on their way
     */
    public record Polling(String carrier, String url, String apiKey, @DefaultValue("15m") Duration interval) {
        public Polling {
            if (carrier == null || carrier.isBlank() || url == null || !url.contains("{trackingNumber}")) {
                throw new IllegalArgumentException(
                        "dropship.tracking.polling needs a carrier and a url with {trackingNumber} in it");
            }
            supported(carrier, "dropship.tracking.polling");
        }

        @Override
        public String toString() {
            return "Polling[carrier=" + carrier + ", url=" + url + "]"; // keeps the API key out of logs
        }
    }

    /**
     * @param delayAfter  no checkpoint for this long: the parcel is delayed and the customer told
     * @param expireAfter no checkpoint for this long: EXPIRED, and a lost-parcel claim is opened
     * @param maxFailures failed deliveries and carrier exceptions that open a claim
     * @param checkEvery  how often the timers look for due parcels
     */
    public record Timers(@DefaultValue("5d") Duration delayAfter, @DefaultValue("30d") Duration expireAfter,
                         @DefaultValue("3") int maxFailures, @DefaultValue("1m") Duration checkEvery) {
        public WatchRules rules() {
            return new WatchRules(delayAfter, expireAfter, maxFailures);
        }
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
            supported(id, "dropship.tracking.carriers");
        }

        @Override
        public String toString() {
            return "Carrier[id=" + id + "]"; // keeps the secret out of logs and failure reports
        }
    }

    /** Refuses a carrier we do not support, naming the setting and the carriers we do. */
    private static void supported(String id, String setting) {
        com.openfulfil.dropship.events.model.Carrier.require(id, setting);
    }
}
