package com.openfulfil.dropship.events.partner;

import java.time.Instant;

/**
 * Where a partner wants their commission paid ({@code commissions.payout-details}, compacted, keyed by
 * partnerId, read by commission-service alone). The details themselves never travel in clear:
 * {@code sealed} is them encrypted (AES-GCM, Base64 of nonce and ciphertext) with the key
 * {@code keyId} names, bound to the partner's id so they cannot be moved to another partner.
 */
public record PayoutDetailsSet(String eventId, Instant occurredAt, String partnerId, String keyId, String sealed)
        implements PartnerMessage {

    /** Never the sealed bytes, so a log line or an exception message cannot carry them. */
    @Override
    public String toString() {
        return "PayoutDetailsSet[eventId=" + eventId + ", occurredAt=" + occurredAt + ", partnerId=" + partnerId
                + ", keyId=" + keyId + "]";
    }
}
