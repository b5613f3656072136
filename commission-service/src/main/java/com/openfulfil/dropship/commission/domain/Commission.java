package com.openfulfil.dropship.commission.domain;

import com.openfulfil.dropship.events.model.Deduction;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A partner's commission on one order, as kept in the {@code commissions} store (key orderId).
 * History is never rewritten: a clawback adds to {@code reversed}, a payout to {@code paid}; what the
 * partner keeps is {@link #net()}, and a payout settles whatever {@link #due()} says, up or down.
 *
 * @param reversed    taken back after a refund (zero until then)
 * @param paid        paid out so far (zero until the first payout)
 * @param payoutBatch the last payout batch that settled this order
 */
public record Commission(String orderId, String partnerId, String partnerName, String currency, BigDecimal gross,
                         List<Deduction> deductions, BigDecimal total, Instant earnedAt, BigDecimal reversed,
                         Instant reversedAt, BigDecimal paid, String payoutBatch, Instant paidAt) {
    public Commission {
        deductions = deductions == null ? List.of() : List.copyOf(deductions);
        reversed = reversed == null ? BigDecimal.ZERO.setScale(total.scale()) : reversed;
        paid = paid == null ? BigDecimal.ZERO.setScale(total.scale()) : paid;
    }

    public static Commission earned(String orderId, String partnerId, String partnerName, Breakdown breakdown,
                                    Instant at) {
        return new Commission(orderId, partnerId, partnerName, breakdown.currency(), breakdown.gross(),
                breakdown.deductions(), breakdown.total(), at, null, null, null, null, null);
    }

    /** The amount received: total commission less what was clawed back. */
    public BigDecimal net() {
        return total.subtract(reversed);
    }

    /** What a payout must still move: positive to pay the partner, negative to recover a clawback already paid. */
    public BigDecimal due() {
        return net().subtract(paid);
    }

    public boolean hasBeenReversed() {
        return reversedAt != null;
    }

    public Commission reverse(BigDecimal amount, Instant at) {
        return new Commission(orderId, partnerId, partnerName, currency, gross, deductions, total, earnedAt,
                reversed.add(amount), at, paid, payoutBatch, paidAt);
    }

    /** Settles {@link #due()} in {@code batchId}. */
    public Commission settle(String batchId, Instant at) {
        return new Commission(orderId, partnerId, partnerName, currency, gross, deductions, total, earnedAt, reversed,
                reversedAt, net(), batchId, at);
    }

    public boolean isAvailable(Instant now, Duration returnWindow) {
        return !now.isBefore(earnedAt.plus(returnWindow));
    }

    public CommissionState state(Instant now, Duration returnWindow) {
        if (hasBeenReversed() && net().signum() == 0) {
            return CommissionState.REVERSED;
        }
        if (payoutBatch != null && due().signum() == 0) {
            return CommissionState.PAID;
        }
        return isAvailable(now, returnWindow) ? CommissionState.AVAILABLE : CommissionState.PENDING;
    }
}
