package com.openfulfil.dropship.events.model;

import java.math.BigDecimal;

/**
 * One line of a commercial invoice: what the item is ({@code description}, its {@code hsCode}), where
 * it was made, how many, and its declared value: what the customer paid for it, per unit and for the
 * line, in the declaration's currency.
 */
public record CustomsItem(int lineNo, String sku, String description, String hsCode, String countryOfOrigin,
                          int quantity, BigDecimal unitValue, BigDecimal declaredValue) {
}
