package com.openfulfil.dropship.catalog.domain;

/** Where one order line's stock stands (or one part's, for a line split across offers), as the allocation sees it. */
public enum LineStatus {
    /** A reservation was requested; no answer yet. */
    ASKED,
    /** The line holds stock at {@code chosen}. */
    RESERVED,
    /** The offers together could not cover the line (or the backup a part moved to could not cover it). */
    SHORT,
    /** The hold was given back (rejection, cancellation). */
    RELEASED,
    /** The supplier shipped it: the units left stock. */
    CONSUMED
}
