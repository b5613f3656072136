package com.openfulfil.dropship.gateway.domain;

import com.openfulfil.dropship.events.supplier.DispatchCancelled;
import com.openfulfil.dropship.events.supplier.DispatchRerouted;
import com.openfulfil.dropship.events.supplier.DispatchSent;
import com.openfulfil.dropship.events.supplier.FulfilmentEvent;
import com.openfulfil.dropship.events.supplier.ItemErrorReported;
import com.openfulfil.dropship.events.supplier.ParcelsShipped;
import com.openfulfil.dropship.events.supplier.ReturnAuthorised;
import com.openfulfil.dropship.events.supplier.SlaBreached;
import com.openfulfil.dropship.events.supplier.SupplierAccepted;
import com.openfulfil.dropship.events.supplier.SupplierRejected;

import java.time.Duration;
import java.util.Optional;

/**
 * Records what a fulfilment event says about its supplier: the dispatch's ledger entry, and what it
 * adds to the supplier's scorecard. Each fact counts once per dispatch, so an event seen again, or a
 * second parcel of a partial shipment, adds nothing.
 */
public final class SupplierLedger {
    private SupplierLedger() {
    }

    /** The entry after the event and what it adds to the scorecard; empty when it is no news. */
    public record Change(LedgerEntry entry, Scorecard.Tally tally) {
        public Scorecard applyTo(Scorecard card) {
            return card.plus(tally);
        }
    }

    /** @param entry the dispatch's entry so far, null before its DispatchSent */
    public static Optional<Change> record(LedgerEntry entry, FulfilmentEvent event, SlaTerms terms) {
        if (event instanceof DispatchSent sent) {
            return entry != null ? Optional.empty() : Optional.of(new Change(LedgerEntry.sent(sent.supplierId(),
                    sent.dispatchId(), sent.orderId(), sent.items(), sent.occurredAt(),
                    sent.occurredAt().plus(terms.shipWithin())), new Scorecard.Tally(1, 0, 0, 0, 0, 0, 0, 0, 0, null, null)));
        }
        if (entry == null) {
            return Optional.empty();
        }
        if (event instanceof SupplierAccepted accepted && !entry.answered()) {
            return Optional.of(new Change(entry.accepted(accepted.occurredAt()), new Scorecard.Tally(0, 1, 1, 0, 0, 0, 0, 0, 0,
                    Duration.between(entry.sentAt(), accepted.occurredAt()), null)));
        }
        if (event instanceof SupplierRejected rejected) {
            return refused(entry, rejected);
        }
        if (event instanceof DispatchRerouted rerouted) {
            // moved away after a missed deadline is not a refusal; moved away unasked is a refusal for stock
            return entry.cancelledForDeadline() ? Optional.of(new Change(entry.cancelled(rerouted.occurredAt()),
                    Scorecard.Tally.NONE)) : refused(entry, rerouted);
        }
        if (event instanceof ParcelsShipped shipped && entry.shippedAt() == null) {
            LedgerEntry next = entry.shipped(shipped.occurredAt());
            boolean newlyLate = next.late() && !entry.late();
            return Optional.of(new Change(next, new Scorecard.Tally(0, 0, 0, 0, 1, next.late() ? 0 : 1, newlyLate ? 1 : 0, 0, 0,
                    null, Duration.between(entry.sentAt(), shipped.occurredAt()))));
        }
        if (event instanceof SlaBreached breached && !entry.breaches().contains(breached.deadline())) {
            LedgerEntry next = entry.breached(breached.deadline(), breached.penaltyPercent(),
                    breached.action() == SlaBreached.Action.REROUTING);
            return Optional.of(new Change(next, new Scorecard.Tally(0, 0, 0, 0, 0, 0, next.late() && !entry.late() ? 1 : 0, 0, 1,
                    null, null)));
        }
        if (event instanceof DispatchCancelled cancelled && entry.cancelledAt() == null) {
            return Optional.of(new Change(entry.cancelled(cancelled.occurredAt()), Scorecard.Tally.NONE));
        }
        if (event instanceof ReturnAuthorised authorised && authorised.shippingCharge() != null
                && entry.returnCharge() == null) {
            // the supplier pays the postage of this return: a deduction in the period it was authorised (R5.2)
            return Optional.of(new Change(entry.charged(new LedgerEntry.ReturnCharge(authorised.rmaId(),
                    authorised.occurredAt(), authorised.currency(), authorised.shippingCharge())), Scorecard.Tally.NONE));
        }
        if (event instanceof ItemErrorReported && entry.shippedAt() != null && !entry.pickingError()) {
            return Optional.of(new Change(entry.withPickingError(), new Scorecard.Tally(0, 0, 0, 0, 0, 0, 0, 1, 0, null, null)));
        }
        return Optional.empty();
    }

    private static Optional<Change> refused(LedgerEntry entry, FulfilmentEvent event) {
        if (entry.rejectedAt() != null || entry.shippedAt() != null) {
            return Optional.empty();
        }
        return Optional.of(new Change(entry.rejected(event.occurredAt()),
                new Scorecard.Tally(0, entry.answered() ? 0 : 1, 0, 1, 0, 0, 0, 0, 0, null, null)));
    }
}
