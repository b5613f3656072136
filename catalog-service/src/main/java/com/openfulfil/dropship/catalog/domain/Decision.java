package com.openfulfil.dropship.catalog.domain;

/** An order's allocation: open until every line answered, then decided for good. */
public enum Decision {
    PENDING, ALLOCATED, REJECTED, CANCELLED,
    /** The order reached an end (refunded, reshipped, completed) with stock still held, which was given back. */
    ENDED
}
