package com.openfulfil.dropship.events.tracking;

import com.openfulfil.dropship.events.model.ClaimOutcome;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Ops closed a parcel's lost-parcel claim: the carrier paid {@code amount} {@code currency} or
 * refused ({@code tracking.registrations}, internal, keyed by tracking number). Amount and
 * currency are null unless the carrier paid.
 */
public record ClaimCloseRequested(String eventId, Instant occurredAt, String trackingNumber, String claimId,
                                  ClaimOutcome outcome, BigDecimal amount, String currency, String note,
                                  String requestedBy)
        implements TrackingMessage {
}
