package com.openfulfil.dropship.events.tracking;

import com.openfulfil.dropship.events.model.ClaimOutcome;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A lost-parcel claim is closed: the carrier paid ({@code amount} {@code currency}), refused, or the
 * parcel was delivered after all ({@code closedBy} is then {@code tracking-service}). Amount and
 * currency are null unless the carrier paid.
 */
public record LostParcelClaimClosed(String eventId, Instant occurredAt, String orderId, String dispatchId,
                                    String trackingNumber, String carrier, String claimId, ClaimOutcome outcome,
                                    BigDecimal amount, String currency, String note, String closedBy)
        implements TrackingEvent {
}
