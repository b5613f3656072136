package com.openfulfil.dropship.events.model;

/** An order line the offers together could not cover; {@code available} is what they could give. */
public record ShortLine(int lineNo, String sku, int requested, int available) {
}
