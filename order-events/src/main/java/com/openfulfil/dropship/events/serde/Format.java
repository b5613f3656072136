package com.openfulfil.dropship.events.serde;

/**
 * How a value is written. Every reader takes both: a binary value starts with {@link Binary#MAGIC},
 * which no JSON text does.
 */
public enum Format {
    /** JSON text: where people and partners read the topic (suppliers' topics, ops' audit, dead letters). */
    JSON,
    /** The pipeline's binary format: its own topics and state stores, several times cheaper to read and write. */
    BINARY
}
