package com.openfulfil.dropship.channel.connector;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How a parcel is shown on a channel: the carrier under the name the channels know it by (so they
 * link to the carrier's own tracking), and our tracking page when one is configured.
 */
final class TrackingLinks {
    private static final Map<String, String> COMPANIES = Map.of("dhl", "DHL Express", "ups", "UPS", "fedex", "FedEx",
            "usps", "USPS", "colissimo", "Colissimo", "sf-express", "SF Express", "sfexpress", "SF Express",
            "royal-mail", "Royal Mail", "dpd", "DPD", "gls", "GLS");

    private final String urlTemplate;

    /** @param urlTemplate our tracking page with {@code {trackingNumber}}; null or blank: none */
    TrackingLinks(String urlTemplate) {
        this.urlTemplate = urlTemplate == null || urlTemplate.isBlank() ? null : urlTemplate;
    }

    String company(String carrier) {
        if (carrier == null || carrier.isBlank()) {
            return "Other";
        }
        return COMPANIES.getOrDefault(carrier.strip().toLowerCase(Locale.ROOT), carrier.strip());
    }

    Optional<String> url(String trackingNumber) {
        return Optional.ofNullable(urlTemplate).map(t -> t.replace("{trackingNumber}", trackingNumber));
    }
}
