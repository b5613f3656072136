package com.openfulfil.dropship.supplierportal.domain;

import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.model.RejectionReason;
import com.openfulfil.dropship.events.model.ShippedParcel;
import com.openfulfil.dropship.events.supplier.CancellationAccepted;
import com.openfulfil.dropship.events.supplier.CancellationRejected;
import com.openfulfil.dropship.events.supplier.DispatchAccepted;
import com.openfulfil.dropship.events.supplier.DispatchRejected;
import com.openfulfil.dropship.events.supplier.DispatchShipped;
import com.openfulfil.dropship.events.supplier.SupplierUpdate;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The supplier updates a person's answers in the portal become. Each event id is derived from the
 * dispatch and the answer itself, never from the moment or the click: a double click, a reload or a
 * retry after a timeout sends the same id again, and supplier-gateway takes it once.
 */
public final class PortalAnswers {
    private static final String PORTAL = "supplier-portal";

    private PortalAnswers() {
    }

    public static DispatchAccepted accept(PortalDispatch d, Instant now) {
        return new DispatchAccepted(id(d, "accepted"), now, d.orderId(), d.dispatchId(), d.supplierId());
    }

    /** One refusal per dispatch: once refused it is closed, whatever reason a second click would give. */
    public static DispatchRejected reject(PortalDispatch d, RejectionReason reason, String detail, Instant now) {
        return new DispatchRejected(id(d, "rejected"), now, d.orderId(), d.dispatchId(), d.supplierId(), reason,
                detail == null || detail.isBlank() ? null : detail.strip());
    }

    /** Parcels that do not say what they hold: each holds what is left of the dispatch. */
    public static DispatchShipped ship(PortalDispatch d, String carrier, List<String> trackingNumbers, Instant now) {
        return shipParcels(d, carrier, trackingNumbers.stream().map(n -> new ShippedParcel(n, null)).toList(), now);
    }

    /**
     * The same carrier and parcels with the same contents are the same shipment, in whatever order the
     * parcels were given. A parcel that names no contents is sent as a tracking number alone.
     */
    public static DispatchShipped shipParcels(PortalDispatch d, String carrier, List<ShippedParcel> parcels, Instant now) {
        List<String> sorted = parcels.stream().map(PortalAnswers::describe).sorted().toList();
        List<ShippedParcel> named = parcels.stream().filter(ShippedParcel::namesContents).toList();
        return new DispatchShipped(id(d, "shipped", carrier, String.join(" ", sorted)), now, d.orderId(),
                d.dispatchId(), d.supplierId(), carrier, parcels.stream().map(ShippedParcel::trackingNumber).toList(),
                named.isEmpty() ? null : named);
    }

    /** A parcel in words: its tracking number, then its units by line ("6A1[1x2,2x1]"); the number alone when it names nothing. */
    private static String describe(ShippedParcel parcel) {
        return parcel.trackingNumber() + (parcel.namesContents() ? parcel.items().stream()
                .map(i -> i.lineNo() + "x" + i.quantity()).sorted().collect(Collectors.joining(",", "[", "]")) : "");
    }

    public static CancellationAccepted acceptCancellation(PortalDispatch d, Instant now) {
        return new CancellationAccepted(id(d, "cancellation-answered"), now, d.orderId(), d.dispatchId(),
                d.supplierId());
    }

    public static CancellationRejected refuseCancellation(PortalDispatch d, String reason, Instant now) {
        return new CancellationRejected(id(d, "cancellation-answered"), now, d.orderId(), d.dispatchId(),
                d.supplierId(), reason);
    }

    /** The audit record's id follows from the update's, so a repeated answer is one audit entry to its readers. */
    public static String auditId(SupplierUpdate update) {
        return EventIds.derived(update.eventId(), "audit");
    }

    /** In words, for the audit and the page: what was answered. */
    public static String summary(SupplierUpdate update) {
        if (update instanceof DispatchShipped shipped) {
            return shipped.carrier() + ": " + String.join(", ", shipped.allParcels().stream()
                    .map(p -> p.trackingNumber() + (p.namesContents() ? " (" + p.items().stream()
                            .map(i -> i.quantity() + " × line " + i.lineNo()).collect(Collectors.joining(", ")) + ")" : ""))
                    .toList());
        }
        if (update instanceof DispatchRejected rejected) {
            return rejected.reason() + (rejected.detail() == null ? "" : ": " + rejected.detail());
        }
        if (update instanceof CancellationRejected refused) {
            return "cancellation refused: " + refused.reason();
        }
        if (update instanceof CancellationAccepted) {
            return "cancellation accepted";
        }
        return "accepted";
    }

    private static String id(PortalDispatch d, String... answer) {
        String[] parts = new String[answer.length + 3];
        parts[0] = PORTAL;
        parts[1] = d.supplierId();
        parts[2] = d.dispatchId();
        System.arraycopy(answer, 0, parts, 3, answer.length);
        return EventIds.derived(parts);
    }
}
