package com.openfulfil.dropship.events.topics;

public enum Cleanup {
    /** Keeps every event: the topic is part of the system of record. */
    DELETE,
    /** Keeps the latest value per key: the topic is a table (products, partners). */
    COMPACT
}
