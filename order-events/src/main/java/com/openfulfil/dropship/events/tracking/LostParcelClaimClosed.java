package com.openfulfil.dropship.events.tracking;

import com.openfulfil.dropship.events.model.ClaimOutcome;
import com.openfulfil.dropship.events.model.OrderRemedy;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A lost-parcel claim is closed: the carrier paid ({@code amount} {@code currency}), refused, or the
 * parcel was delivered after all ({@code closedBy} is then {@code tracking-service}). Amount and
 * currency are null unless the carrier paid. {@code remedy}: how ops settled the order for its
 * customer in the same step (order-service reships or refunds the parcel's units), or null.
 */
public record LostParcelClaimClosed(String eventId, Instant occurredAt, String orderId, String dispatchId,
                                    String trackingNumber, String carrier, String claimId, ClaimOutcome outcome,
                                    BigDecimal amount, String currency, String note, String closedBy,
                                    OrderRemedy remedy)
        implements TrackingEvent {

    public LostParcelClaimClosed(String eventId, Instant occurredAt, String orderId, String dispatchId,
                                 String trackingNumber, String carrier, String claimId, ClaimOutcome outcome,
                                 BigDecimal amount, String currency, String note, String closedBy) {
        this(eventId, occurredAt, orderId, dispatchId, trackingNumber, carrier, claimId, outcome, amount, currency,
                note, closedBy, null);
    }
}
