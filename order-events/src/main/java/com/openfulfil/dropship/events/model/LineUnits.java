package com.openfulfil.dropship.events.model;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

/**
 * How far the units of one order line have got: {@code ordered}, with a carrier or arrived
 * ({@code shipped}, which counts the delivered ones too) and {@code delivered}; {@code returned}, back
 * from the customer, and {@code refunded}, named by refunds that count as paid back (0 when written before
 * they were counted: such units read as 0).
 */
public record LineUnits(int lineNo, String sku, int ordered, int shipped, int delivered,
                        @JsonSetter(nulls = Nulls.AS_EMPTY) int returned,
                        @JsonSetter(nulls = Nulls.AS_EMPTY) int refunded) {

    public LineUnits(int lineNo, String sku, int ordered, int shipped, int delivered) {
        this(lineNo, sku, ordered, shipped, delivered, 0, 0);
    }
}
