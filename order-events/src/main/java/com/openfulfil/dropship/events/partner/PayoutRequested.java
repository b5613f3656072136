package com.openfulfil.dropship.events.partner;

import com.openfulfil.dropship.events.OrderScoped;

import java.time.Instant;

/**
 * An admin's payout batch asks for one order's commission to be settled
 * ({@code commissions.payout-requests}, keyed by orderId). The commission stream settles each
 * order at most once, so a batch sent twice pays once.
 */
public record PayoutRequested(String eventId, Instant occurredAt, String orderId, String partnerId, String batchId)
        implements PartnerMessage, OrderScoped {
}
