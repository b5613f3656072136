package com.openfulfil.dropship.events.tracking;

import com.openfulfil.dropship.events.model.ClaimOutcome;
import com.openfulfil.dropship.events.model.OrderRemedy;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Ops closed a parcel's lost-parcel claim: the carrier paid {@code amount} {@code currency} or
 * refused ({@code tracking.registrations}, internal, keyed by tracking number). Amount and
 * currency are null unless the carrier paid. {@code remedy}, when set, settles the parcel's order
 * for its customer in the same step: its units reshipped or refunded.
 */
public record ClaimCloseRequested(String eventId, Instant occurredAt, String trackingNumber, String claimId,
                                  ClaimOutcome outcome, BigDecimal amount, String currency, String note,
                                  String requestedBy, OrderRemedy remedy)
        implements TrackingMessage {

    public ClaimCloseRequested(String eventId, Instant occurredAt, String trackingNumber, String claimId,
                               ClaimOutcome outcome, BigDecimal amount, String currency, String note,
                               String requestedBy) {
        this(eventId, occurredAt, trackingNumber, claimId, outcome, amount, currency, note, requestedBy, null);
    }
}
