package com.openfulfil.dropship.events.model;

import com.openfulfil.dropship.events.Invariants;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Customs data for a dispatch that crosses a border (R3.7): the commercial invoice the supplier puts on
 * the parcel. {@code exportCountry} is the supplier's country, {@code importCountry} the ship-to
 * country; {@code totalDeclaredValue} is the sum of the items' declared values, in {@code currency}.
 * The seller of record is the retailer ({@code seller}), the buyer the customer in the dispatch's
 * {@code shipTo} and {@code contact}.
 */
public record CustomsDeclaration(String invoiceNumber, LocalDate invoiceDate, String seller, String exportCountry,
                                 String importCountry, String currency, String reasonForExport, String incoterm,
                                 List<CustomsItem> items, BigDecimal totalDeclaredValue) {
    public CustomsDeclaration {
        items = List.copyOf(Invariants.notEmpty(items, "items"));
    }
}
