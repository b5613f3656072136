package com.openfulfil.dropship.gateway.domain;

import com.openfulfil.dropship.events.model.DispatchItem;
import com.openfulfil.dropship.events.model.SlaDeadline;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One dispatch in its supplier's ledger: what was sent at which agreed cost, when the supplier
 * answered and shipped, the deadlines it missed with the agreement's penalty, and whether the
 * customer reported wrong or missing items. The scorecard counts these; the settlement pays them.
 *
 * @param shipDue          when it had to ship by the supplier's agreement (R3.5)
 * @param late             counted as not shipped on time: its ship deadline passed first
 * @param cancelledForDeadline a deadline passed under the reroute policy: the supplier is dropping it for a
 *                         backup, which is not a refusal
 * @param returnCharge     the return shipping the supplier pays for a return of the dispatch's order (R5.2);
 *                         null when there is none to pay
 */
public record LedgerEntry(String supplierId, String dispatchId, String orderId, List<DispatchItem> items,
                          Instant sentAt, Instant shipDue, Instant acceptedAt, Instant rejectedAt, Instant shippedAt,
                          Instant cancelledAt, List<SlaDeadline> breaches, BigDecimal penaltyPercent,
                          boolean cancelledForDeadline, boolean late, boolean pickingError, ReturnCharge returnCharge) {

    /** A return the supplier pays the postage of: its RMA number, when it was authorised and the flat cost. */
    public record ReturnCharge(String rmaId, Instant authorisedAt, String currency, BigDecimal amount) {
    }

    public LedgerEntry {
        items = List.copyOf(items);
        breaches = breaches == null ? List.of() : List.copyOf(breaches);
        penaltyPercent = penaltyPercent == null ? BigDecimal.ZERO : penaltyPercent;
    }

    static LedgerEntry sent(String supplierId, String dispatchId, String orderId, List<DispatchItem> items,
                            Instant sentAt, Instant shipDue) {
        return new LedgerEntry(supplierId, dispatchId, orderId, items, sentAt, shipDue, null, null, null, null,
                List.of(), BigDecimal.ZERO, false, false, false, null);
    }

    boolean answered() {
        return acceptedAt != null || rejectedAt != null;
    }

    LedgerEntry accepted(Instant at) {
        return new LedgerEntry(supplierId, dispatchId, orderId, items, sentAt, shipDue, at, rejectedAt, shippedAt,
                cancelledAt, breaches, penaltyPercent, cancelledForDeadline, late, pickingError, returnCharge);
    }

    LedgerEntry rejected(Instant at) {
        return new LedgerEntry(supplierId, dispatchId, orderId, items, sentAt, shipDue, acceptedAt, at, shippedAt,
                cancelledAt, breaches, penaltyPercent, cancelledForDeadline, late, pickingError, returnCharge);
    }

    /** Shipped at {@code at}; late if the ship deadline had passed and was not already counted. */
    LedgerEntry shipped(Instant at) {
        return new LedgerEntry(supplierId, dispatchId, orderId, items, sentAt, shipDue, acceptedAt, rejectedAt, at,
                cancelledAt, breaches, penaltyPercent, cancelledForDeadline, late || at.isAfter(shipDue),
                pickingError, returnCharge);
    }

    LedgerEntry cancelled(Instant at) {
        return new LedgerEntry(supplierId, dispatchId, orderId, items, sentAt, shipDue, acceptedAt, rejectedAt,
                shippedAt, at, breaches, penaltyPercent, cancelledForDeadline, late, pickingError, returnCharge);
    }

    /** A missed deadline: the highest penalty of the agreement applies once to the dispatch. */
    LedgerEntry breached(SlaDeadline deadline, BigDecimal percent, boolean rerouting) {
        List<SlaDeadline> all = new ArrayList<>(breaches);
        all.add(deadline);
        BigDecimal penalty = percent == null || percent.compareTo(penaltyPercent) <= 0 ? penaltyPercent : percent;
        return new LedgerEntry(supplierId, dispatchId, orderId, items, sentAt, shipDue, acceptedAt, rejectedAt,
                shippedAt, cancelledAt, all, penalty, cancelledForDeadline || rerouting,
                late || (deadline == SlaDeadline.SHIP && shippedAt == null), pickingError, returnCharge);
    }

    LedgerEntry charged(ReturnCharge charge) {
        return new LedgerEntry(supplierId, dispatchId, orderId, items, sentAt, shipDue, acceptedAt, rejectedAt,
                shippedAt, cancelledAt, breaches, penaltyPercent, cancelledForDeadline, late, pickingError, charge);
    }

    LedgerEntry withPickingError() {
        return new LedgerEntry(supplierId, dispatchId, orderId, items, sentAt, shipDue, acceptedAt, rejectedAt,
                shippedAt, cancelledAt, breaches, penaltyPercent, cancelledForDeadline, late, true, returnCharge);
    }
}
