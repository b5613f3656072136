package com.openfulfil.dropship.events.supplier;

import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.Invariants;
import com.openfulfil.dropship.events.model.Address;
import com.openfulfil.dropship.events.model.ParcelItem;
import com.openfulfil.dropship.events.model.ReturnPayer;
import com.openfulfil.dropship.events.model.ReturnReason;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A return of the order is authorised at one supplier that shipped part of it (R5.2): the goods
 * {@code items} (units that supplier shipped) go back to its {@code returnAddress} (addressed to
 * {@code returnTo}), not to the store, with {@code rmaId} written on the parcel. {@code rmaId} is
 * derived from the order and the supplier, so a replay authorises the same return. {@code dispatchId}
 * is the supplier's dispatch the return is booked against (its first shipped one when it shipped the
 * order in several). {@code paidBy} says who pays the return shipping; when the supplier does,
 * {@code shippingCharge} in {@code currency} is what its payables are charged for it (none when its
 * agreement sets no cost for that currency). {@code returnAddress} is null when the supplier has none
 * configured: the customer is then told the address will follow.
 */
public record ReturnAuthorised(String eventId, Instant occurredAt, String orderId, String dispatchId,
                               String supplierId, String rmaId, ReturnReason reason, List<ParcelItem> items,
                               String returnTo, Address returnAddress, ReturnPayer paidBy,
                               BigDecimal shippingCharge, String currency) implements FulfilmentEvent {
    private static final Pattern RMA_ID = Pattern.compile("RMA-[0-9A-F]{10}");

    public ReturnAuthorised {
        Invariants.notBlank(rmaId, "rmaId");
        items = List.copyOf(Invariants.notEmpty(items, "items"));
        Invariants.nonNegative(shippingCharge, "shippingCharge");
    }

    /**
     * The RMA number of the order's return at the supplier: short enough to write on a parcel, the same
     * whenever it is derived ("RMA-" and 10 hex digits).
     */
    public static String rmaId(String orderId, String supplierId) {
        String derived = EventIds.derived(orderId, supplierId, "rma").replace("-", "");
        return "RMA-" + derived.substring(0, 10).toUpperCase(Locale.ROOT);
    }

    /**
     * Whether {@code dispatchId} is an RMA number as {@link #rmaId} makes them: a customer's return parcel is
     * followed under its RMA number where a shipment's parcel has its dispatch's id.
     */
    public static boolean isRmaId(String dispatchId) {
        return dispatchId != null && RMA_ID.matcher(dispatchId).matches();
    }
}
