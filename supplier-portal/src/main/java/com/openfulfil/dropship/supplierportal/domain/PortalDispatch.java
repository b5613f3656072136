package com.openfulfil.dropship.supplierportal.domain;

import com.openfulfil.dropship.events.model.DispatchItem;
import com.openfulfil.dropship.events.model.ParcelItem;
import com.openfulfil.dropship.events.model.ReturnPayer;
import com.openfulfil.dropship.events.model.ReturnReason;
import com.openfulfil.dropship.events.model.SlaDeadline;
import com.openfulfil.dropship.events.supplier.CancellationRefused;
import com.openfulfil.dropship.events.supplier.CancellationRequested;
import com.openfulfil.dropship.events.supplier.DispatchCancelled;
import com.openfulfil.dropship.events.supplier.DispatchRequested;
import com.openfulfil.dropship.events.supplier.DispatchRerouted;
import com.openfulfil.dropship.events.supplier.FulfilmentEvent;
import com.openfulfil.dropship.events.supplier.ParcelsShipped;
import com.openfulfil.dropship.events.supplier.ReturnAuthorised;
import com.openfulfil.dropship.events.supplier.SlaBreached;
import com.openfulfil.dropship.events.supplier.SupplierAccepted;
import com.openfulfil.dropship.events.supplier.SupplierRejected;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One dispatch as its supplier sees it in the portal: the instruction (once read from the supplier's
 * dispatch topic) and what supplier-gateway has recorded since (accepted, parcels, refusal,
 * cancellation, missed deadlines, a customer's return). Every change comes from an event and applying an event twice
 * changes nothing, so a replayed topic leaves the same view.
 *
 * @param details      null until the {@code DispatchRequested} is read (the gateway's {@code DispatchSent} may come first)
 * @param cancellation null unless the retailer asked to cancel
 * @param closedReason why a rejected, cancelled or rerouted dispatch is closed
 * @param returnNotice null unless the customer's return of this dispatch's units was authorised
 */
public record PortalDispatch(String supplierId, String dispatchId, String orderId, Instant sentAt,
                             DispatchDetails details, Stage stage, Instant acceptedAt, Instant shippedAt,
                             List<ShippedParcel> parcels, Cancellation cancellation, List<Breach> breaches,
                             String closedReason, ReturnNotice returnNotice) {

    public PortalDispatch {
        parcels = parcels == null ? List.of() : List.copyOf(parcels);
        breaches = breaches == null ? List.of() : List.copyOf(breaches);
    }

    /** A parcel handed to a carrier and what it holds ({@code items}: null when its shipment did not say). */
    public record ShippedParcel(String carrier, String trackingNumber, Instant at, List<ParcelItem> items) {
        public ShippedParcel {
            items = items == null ? null : List.copyOf(items);
        }

        /** What it holds, in words ("2 × LL-DUVET-240"), or empty when its shipment did not say. */
        public String contents(DispatchDetails details) {
            return inWords(items, details);
        }
    }

    /** Units in words by the supplier's SKUs where the instruction names them ("2 × LL-DUVET-240"); empty for none. */
    private static String inWords(List<ParcelItem> items, DispatchDetails details) {
        if (items == null) {
            return "";
        }
        return String.join(", ", items.stream().map(i -> i.quantity() + " × " + supplierSku(details, i)).toList());
    }

    private static String supplierSku(DispatchDetails details, ParcelItem item) {
        return details == null || item.lineNo() == null ? item.sku() : details.items().stream()
                .filter(d -> d.lineNo() == item.lineNo()).map(DispatchItem::supplierSku).findFirst().orElse(item.sku());
    }

    /** The retailer asked not to ship; {@code answer} is null until the supplier has answered. */
    public record Cancellation(String reason, Instant requestedAt, Answer answer) {
        public enum Answer { ACCEPTED, REFUSED }

        public boolean awaitingAnswer() {
            return answer == null;
        }
    }

    /** A deadline the gateway recorded as missed ({@code SlaBreached}). */
    public record Breach(SlaDeadline deadline, Instant due, String action, BigDecimal penaltyPercent) {
    }

    /**
     * The customer sends units of this dispatch back to the supplier ({@code ReturnAuthorised}): the RMA number
     * written on the parcel, what comes back and why, and who pays the postage ({@code shippingCharge} in
     * {@code currency}: what the supplier's payables are charged, when it pays).
     */
    public record ReturnNotice(String rmaId, ReturnReason reason, List<ParcelItem> items, ReturnPayer paidBy,
                               BigDecimal shippingCharge, String currency, Instant authorisedAt) {
        public ReturnNotice {
            items = items == null ? List.of() : List.copyOf(items);
        }

        /** What comes back, in words ("2 × LL-DUVET-240"), with the supplier's SKUs where the instruction names them. */
        public String contents(DispatchDetails details) {
            return inWords(items, details);
        }

        public boolean supplierPays() {
            return paidBy == ReturnPayer.SUPPLIER;
        }
    }

    public static PortalDispatch sent(String supplierId, String dispatchId, String orderId, Instant at) {
        return new PortalDispatch(supplierId, dispatchId, orderId, at, null, Stage.NEW, null, null, List.of(), null,
                List.of(), null, null);
    }

    /** The key of a dispatch in the portal's store: the supplier's id first, so one supplier's are together. */
    public static String key(String supplierId, String dispatchId) {
        return supplierId + "/" + dispatchId;
    }

    public String key() {
        return key(supplierId, dispatchId);
    }

    /** The instruction itself, read from the supplier's dispatch topic. */
    public PortalDispatch withRequest(DispatchRequested requested) {
        return new PortalDispatch(supplierId, dispatchId, orderId, earliest(sentAt, requested.occurredAt()),
                DispatchDetails.of(requested), stage, acceptedAt, shippedAt, parcels, cancellation, breaches,
                closedReason, returnNotice);
    }

    public PortalDispatch withCancellationRequest(CancellationRequested requested) {
        if (cancellation != null || !stage.isOpen()) {
            return this;
        }
        return withCancellation(new Cancellation(requested.reason(), requested.occurredAt(), null));
    }

    /** What supplier-gateway recorded about this dispatch. */
    public PortalDispatch on(FulfilmentEvent event) {
        if (event instanceof SupplierAccepted accepted) {
            return stage == Stage.NEW ? accepted(accepted.occurredAt()) : this;
        }
        if (event instanceof SupplierRejected rejected) {
            String detail = rejected.detail() == null || rejected.detail().isBlank() ? "" : " (" + rejected.detail() + ")";
            return stage.isOpen() ? closed(Stage.REJECTED, "refused: " + rejected.reason() + detail) : this;
        }
        if (event instanceof ParcelsShipped shipped) {
            return shipped(shipped);
        }
        if (event instanceof DispatchCancelled) {
            return stage.isOpen() ? cancelled() : this;
        }
        if (event instanceof CancellationRefused) {
            return cancellation == null ? this : withCancellation(new Cancellation(cancellation.reason(),
                    cancellation.requestedAt(), Cancellation.Answer.REFUSED));
        }
        if (event instanceof DispatchRerouted rerouted) {
            return stage.isOpen() ? closed(Stage.REROUTED, "given to another supplier: " + rerouted.reason()) : this;
        }
        if (event instanceof SlaBreached breached) {
            return breached(breached);
        }
        if (event instanceof ReturnAuthorised authorised) {
            return returnNotice != null ? this : new PortalDispatch(supplierId, dispatchId, orderId, sentAt, details,
                    stage, acceptedAt, shippedAt, parcels, cancellation, breaches, closedReason,
                    new ReturnNotice(authorised.rmaId(), authorised.reason(), authorised.items(), authorised.paidBy(),
                            authorised.shippingCharge(), authorised.currency(), authorised.occurredAt()));
        }
        return this;
    }

    /** The deadline of this kind the gateway recorded as missed, if it did. */
    public boolean breached(SlaDeadline deadline) {
        return breaches.stream().anyMatch(b -> b.deadline() == deadline);
    }

    /**
     * Units of each line (lineNo to units) not in a parcel yet; empty until the instruction is read. A parcel
     * that did not say what it holds took everything left when it shipped.
     */
    public Map<Integer, Integer> unitsLeft() {
        Map<Integer, Integer> left = new LinkedHashMap<>();
        if (details == null) {
            return left;
        }
        details.items().forEach(i -> left.merge(i.lineNo(), i.quantity(), Integer::sum));
        for (ShippedParcel parcel : parcels) {
            if (parcel.items() == null) {
                left.replaceAll((line, units) -> 0);
            } else {
                parcel.items().stream().filter(i -> i.lineNo() != null)
                        .forEach(i -> left.computeIfPresent(i.lineNo(), (line, units) -> Math.max(0, units - i.quantity())));
            }
        }
        return left;
    }

    public boolean hasTrackingNumber(String trackingNumber) {
        return parcels.stream().anyMatch(p -> p.trackingNumber().equalsIgnoreCase(trackingNumber));
    }

    private PortalDispatch accepted(Instant at) {
        return new PortalDispatch(supplierId, dispatchId, orderId, sentAt, details, Stage.ACCEPTED, at, shippedAt,
                parcels, cancellation, breaches, closedReason, returnNotice);
    }

    private PortalDispatch shipped(ParcelsShipped shipped) {
        if (!stage.canShip()) {
            return this;
        }
        List<ShippedParcel> all = new ArrayList<>(parcels);
        for (String number : shipped.trackingNumbers()) {
            if (!hasTrackingNumber(number)) {
                var parcel = shipped.parcel(number);
                all.add(new ShippedParcel(shipped.carrier(), number, shipped.occurredAt(),
                        parcel == null ? null : parcel.items()));
            }
        }
        return new PortalDispatch(supplierId, dispatchId, orderId, sentAt, details, Stage.SHIPPED,
                acceptedAt == null ? shipped.occurredAt() : acceptedAt,
                shippedAt == null ? shipped.occurredAt() : shippedAt, all, cancellation, breaches, closedReason,
                returnNotice);
    }

    private PortalDispatch cancelled() {
        Cancellation answered = cancellation == null ? null
                : new Cancellation(cancellation.reason(), cancellation.requestedAt(), Cancellation.Answer.ACCEPTED);
        return new PortalDispatch(supplierId, dispatchId, orderId, sentAt, details, Stage.CANCELLED, acceptedAt,
                shippedAt, parcels, answered, breaches, "cancelled at the retailer's request", returnNotice);
    }

    private PortalDispatch breached(SlaBreached breached) {
        if (breaches.stream().anyMatch(b -> b.deadline() == breached.deadline() && b.due().equals(breached.due()))) {
            return this;
        }
        List<Breach> all = new ArrayList<>(breaches);
        all.add(new Breach(breached.deadline(), breached.due(), breached.action().name(), breached.penaltyPercent()));
        return new PortalDispatch(supplierId, dispatchId, orderId, sentAt, details, stage, acceptedAt, shippedAt,
                parcels, cancellation, all, closedReason, returnNotice);
    }

    private PortalDispatch closed(Stage closedAs, String reason) {
        return new PortalDispatch(supplierId, dispatchId, orderId, sentAt, details, closedAs, acceptedAt, shippedAt,
                parcels, cancellation, breaches, reason, returnNotice);
    }

    private PortalDispatch withCancellation(Cancellation next) {
        return new PortalDispatch(supplierId, dispatchId, orderId, sentAt, details, stage, acceptedAt, shippedAt,
                parcels, next, breaches, closedReason, returnNotice);
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }
}
