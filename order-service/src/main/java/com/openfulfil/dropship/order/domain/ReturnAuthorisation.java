package com.openfulfil.dropship.order.domain;

import com.openfulfil.dropship.events.model.Address;
import com.openfulfil.dropship.events.model.ParcelItem;
import com.openfulfil.dropship.events.model.ParcelStatus;
import com.openfulfil.dropship.events.model.ReturnPayer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A return authorised at one supplier that shipped part of the order (R5.2): the units to send back,
 * whom and where to send them ({@code returnAddress} null until the supplier has one on file), the RMA
 * number to write on the parcel, and who pays the postage ({@code shippingCharge} in {@code currency}
 * is what the supplier is charged when it pays). Once the customer sends it: the return parcel's
 * {@code carrier} and {@code trackingNumber}, its last {@code parcelStatus}, and {@code receivedAt} when
 * the carrier delivered it to the supplier.
 */
public record ReturnAuthorisation(String rmaId, String supplierId, String dispatchId, List<ParcelItem> items,
                                  String returnTo, Address returnAddress, ReturnPayer paidBy,
                                  BigDecimal shippingCharge, String currency, Instant authorisedAt,
                                  String carrier, String trackingNumber, Instant shippedAt,
                                  ParcelStatus parcelStatus, Instant receivedAt) {
    public ReturnAuthorisation {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** Authorised, not sent yet. */
    public ReturnAuthorisation(String rmaId, String supplierId, String dispatchId, List<ParcelItem> items,
                               String returnTo, Address returnAddress, ReturnPayer paidBy, BigDecimal shippingCharge,
                               String currency, Instant authorisedAt) {
        this(rmaId, supplierId, dispatchId, items, returnTo, returnAddress, paidBy, shippingCharge, currency,
                authorisedAt, null, null, null, null, null);
    }

    /** Sent back under {@code trackingNumber}; a new number (the customer corrected it) replaces the old one. */
    ReturnAuthorisation shipped(String by, String number, Instant at) {
        return new ReturnAuthorisation(rmaId, supplierId, dispatchId, items, returnTo, returnAddress, paidBy,
                shippingCharge, currency, authorisedAt, by, number, at, null, null);
    }

    /** The carrier's news of the return parcel; delivered, the return is received at the supplier. */
    ReturnAuthorisation tracked(ParcelStatus status, Instant at) {
        return new ReturnAuthorisation(rmaId, supplierId, dispatchId, items, returnTo, returnAddress, paidBy,
                shippingCharge, currency, authorisedAt, carrier, trackingNumber, shippedAt, status,
                receivedAt != null ? receivedAt : status == ParcelStatus.DELIVERED ? at : null);
    }

    public boolean received() {
        return receivedAt != null;
    }
}
