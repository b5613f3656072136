package com.openfulfil.dropship.order.domain;

import com.openfulfil.dropship.events.model.Address;
import com.openfulfil.dropship.events.model.ParcelItem;
import com.openfulfil.dropship.events.model.ReturnPayer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A return authorised at one supplier that shipped part of the order (R5.2): the units to send back,
 * whom and where to send them ({@code returnAddress} null until the supplier has one on file), the RMA
 * number to write on the parcel, and who pays the postage ({@code shippingCharge} in {@code currency}
 * is what the supplier is charged when it pays).
 */
public record ReturnAuthorisation(String rmaId, String supplierId, String dispatchId, List<ParcelItem> items,
                                  String returnTo, Address returnAddress, ReturnPayer paidBy,
                                  BigDecimal shippingCharge, String currency, Instant authorisedAt) {
    public ReturnAuthorisation {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
