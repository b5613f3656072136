package com.openfulfil.dropship.commission.domain;

import com.openfulfil.dropship.events.model.Deduction;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A partner's commission on one order, as kept in the {@code commissions} store (key orderId).
 * History is never rewritten: a clawback adds to {@code reversed}, a payout to {@code paid}; what the
 * partner keeps is {@link #net()}, and a payout settles whatever {@link #due()} says, up or down.
 *
 * @param reversed    taken back after a refund (zero until then)
 * @param paid        paid out so far (zero until the first payout)
 * @param payoutBatch the last payout batch that settled this order
 * @param clawbacks   the order's REFUNDED transitions (event ids) already clawed back: each refund once
 * @param byRefund    what each refund took back, by the refund's id (a transition that names none is not
 *                    listed), and whether it was given back since: a pending refund that failed, once
 */
public record Commission(String orderId, String partnerId, String partnerName, String currency, BigDecimal gross,
                         List<Deduction> deductions, BigDecimal total, Instant earnedAt, BigDecimal reversed,
                         Instant reversedAt, BigDecimal paid, String payoutBatch, Instant paidAt,
                         List<String> clawbacks, List<RefundClawback> byRefund) {
    public Commission {
        deductions = deductions == null ? List.of() : List.copyOf(deductions);
        clawbacks = clawbacks == null ? List.of() : List.copyOf(clawbacks);
        byRefund = byRefund == null ? List.of() : List.copyOf(byRefund);
        reversed = reversed == null ? BigDecimal.ZERO.setScale(total.scale()) : reversed;
        paid = paid == null ? BigDecimal.ZERO.setScale(total.scale()) : paid;
    }

    public static Commission earned(String orderId, String partnerId, String partnerName, Breakdown breakdown,
                                    Instant at) {
        return new Commission(orderId, partnerId, partnerName, breakdown.currency(), breakdown.gross(),
                breakdown.deductions(), breakdown.total(), at, null, null, null, null, null, null, null);
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

    /**
     * Whether the refund that moved the order to REFUNDED in {@code transitionId} is still to be clawed back:
     * not yet clawed back, and something left to take. A commission reversed before each refund was
     * remembered took its one clawback then.
     */
    public boolean owesClawbackFor(String transitionId) {
        boolean reversedUntracked = hasBeenReversed() && clawbacks.isEmpty();
        return !reversedUntracked && !clawbacks.contains(transitionId) && net().signum() > 0;
    }

    /** Takes {@code amount} back for the refund that moved the order to REFUNDED in {@code transitionId}. */
    public Commission reverse(String transitionId, BigDecimal amount, Instant at) {
        return reverse(transitionId, null, amount, at);
    }

    /**
     * Takes {@code amount} back for the refund {@code refundId} (absent on a refund recorded before refunds had
     * ids) that moved the order to REFUNDED in {@code transitionId}.
     */
    public Commission reverse(String transitionId, String refundId, BigDecimal amount, Instant at) {
        List<String> all = new ArrayList<>(clawbacks);
        all.add(transitionId);
        List<RefundClawback> refunds = new ArrayList<>(byRefund);
        if (refundId != null) {
            refunds.add(new RefundClawback(refundId, amount, false));
        }
        return new Commission(orderId, partnerId, partnerName, currency, gross, deductions, total, earnedAt,
                reversed.add(amount), at, paid, payoutBatch, paidAt, all, refunds);
    }

    /**
     * What a failed refund's clawback gives back: what was taken for {@code refundId}, if it was and has not been
     * given back yet; empty otherwise (a refund that took nothing, one given back already, one never clawed back).
     */
    public Optional<RefundClawback> toGiveBackFor(String refundId) {
        return byRefund.stream().filter(c -> c.refundId().equals(refundId) && !c.givenBack()
                && c.amount().signum() > 0).findFirst();
    }

    /**
     * Gives back what was clawed back for {@code refundId} ({@link #toGiveBackFor}), once: the partner keeps it
     * again, and a payout settles the difference like any other ({@link #due()}).
     */
    public Commission giveBack(String refundId) {
        RefundClawback taken = toGiveBackFor(refundId).orElseThrow(() -> new IllegalStateException(
                "nothing clawed back for refund " + refundId + " is left to give back"));
        List<RefundClawback> refunds = byRefund.stream()
                .map(c -> c == taken ? new RefundClawback(c.refundId(), c.amount(), true) : c).toList();
        return new Commission(orderId, partnerId, partnerName, currency, gross, deductions, total, earnedAt,
                reversed.subtract(taken.amount()), reversedAt, paid, payoutBatch, paidAt, clawbacks, refunds);
    }

    /** Settles {@link #due()} in {@code batchId}. */
    public Commission settle(String batchId, Instant at) {
        return new Commission(orderId, partnerId, partnerName, currency, gross, deductions, total, earnedAt, reversed,
                reversedAt, net(), batchId, at, clawbacks, byRefund);
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
