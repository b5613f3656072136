package com.openfulfil.dropship.events.model;

/**
 * How far the units of one order line have got: {@code ordered}, with a carrier or arrived
 * ({@code shipped}, which counts the delivered ones too) and {@code delivered}.
 */
public record LineUnits(int lineNo, String sku, int ordered, int shipped, int delivered) {
}
