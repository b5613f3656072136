package com.openfulfil.dropship.events.partner;

import com.fasterxml.jackson.annotation.JsonIgnore;

import com.openfulfil.dropship.events.model.PartnerStatus;

import java.time.Instant;

/**
 * The current state of a partner ({@code partners}, compacted, keyed by partnerId). The API key
 * itself is never published: {@code apiKeyHash} is its SHA-256 in hex.
 */
public record PartnerUpdated(String eventId, Instant occurredAt, String partnerId, String name, String email,
                             PartnerStatus status, String apiKeyHash) implements PartnerMessage {

    @JsonIgnore
    public boolean isGranted() {
        return status == PartnerStatus.GRANTED;
    }
}
