package com.openfulfil.dropship.events.model;

/** An order line no single offer could cover. */
public record ShortLine(int lineNo, String sku, int requested, int available) {
}
