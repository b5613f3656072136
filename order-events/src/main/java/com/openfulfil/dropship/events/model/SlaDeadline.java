package com.openfulfil.dropship.events.model;

/** The supplier deadlines of R3.5: accept (or refuse) the dispatch, and ship it. */
public enum SlaDeadline {
    ACCEPT, SHIP
}
