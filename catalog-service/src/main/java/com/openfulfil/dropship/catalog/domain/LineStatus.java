package com.openfulfil.dropship.catalog.domain;

/** Where one order line's stock stands, as the allocation sees it. */
public enum LineStatus {
    /** A reservation was requested; no answer yet. */
    ASKED,
    /** The line holds stock at {@code chosen}. */
    RESERVED,
    /** No offer could cover the line. */
    SHORT,
    /** The hold was given back (rejection, cancellation). */
    RELEASED,
    /** The supplier shipped it: the units left stock. */
    CONSUMED
}
