package com.openfulfil.dropship.tracking.domain;

import com.openfulfil.dropship.events.model.ClaimOutcome;
import com.openfulfil.dropship.events.model.OrderRemedy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * A lost-parcel claim with the carrier (R5.3); one per parcel, so its id is the tracking number's.
 * Ops file it with the carrier (OPEN to FILED, with the carrier's reference) and close it when the
 * carrier pays or refuses; a parcel delivered after all closes it by itself.
 *
 * @param state            null on claims stored before claims could be worked: they are OPEN
 * @param carrierReference the carrier's reference, once filed
 * @param outcome          once closed; {@code amount} and {@code currency} when the carrier paid
 * @param closedBy         who closed it: an operator, or {@code tracking-service} on delivery
 * @param remedy           how the operator who closed it settled the order for its customer (reship or
 *                         refund its units), if they did in the same step
 */
public record Claim(String claimId, Instant openedAt, String reason, State state, String carrierReference,
                    Instant filedAt, String filedBy, ClaimOutcome outcome, BigDecimal amount, String currency,
                    String note, Instant closedAt, String closedBy, OrderRemedy remedy) {
    private static final String PREFIX = "claim-";
    /** Who closes a claim when the parcel turns up delivered. */
    public static final String DELIVERY = "tracking-service";

    public enum State { OPEN, FILED, CLOSED }

    public Claim {
        state = state == null ? State.OPEN : state;
    }

    static Claim forParcel(String trackingNumber, Instant openedAt, String reason) {
        return new Claim(PREFIX + trackingNumber, openedAt, reason, State.OPEN, null, null, null, null, null, null, null,
                null, null, null);
    }

    /** The tracking number a claim id names; empty when it is not a claim id. */
    public static Optional<String> trackingNumberOf(String claimId) {
        return claimId != null && claimId.startsWith(PREFIX) && claimId.length() > PREFIX.length()
                ? Optional.of(claimId.substring(PREFIX.length())) : Optional.empty();
    }

    public boolean canBeFiled() {
        return state == State.OPEN;
    }

    public boolean finished() {
        return state == State.CLOSED;
    }

    Claim filed(String reference, Instant at, String by) {
        return new Claim(claimId, openedAt, reason, State.FILED, reference, at, by, null, null, null, null, null, null,
                null);
    }

    Claim closed(Settlement settlement, Instant at, String by) {
        return new Claim(claimId, openedAt, reason, State.CLOSED, carrierReference, filedAt, filedBy,
                settlement.outcome(), settlement.amount(), settlement.currency(), settlement.note(), at, by,
                settlement.remedy());
    }

    /**
     * How the carrier settled a claim: {@code amount} and {@code currency} only when it paid; and how ops
     * settled the order for its customer in the same step ({@code remedy}, or null).
     */
    public record Settlement(ClaimOutcome outcome, BigDecimal amount, String currency, String note,
                             OrderRemedy remedy) {
        static final Settlement DELIVERED = new Settlement(ClaimOutcome.DELIVERED, null, null,
                "The parcel was delivered after all", null);
    }
}
