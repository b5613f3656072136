package com.openfulfil.dropship.support.streams;

/**
 * A state store cannot be read right now: the service's stream is starting or rebalancing, or the
 * other instance that holds the data cannot answer. The caller gets 503 with Retry-After; the data
 * is not lost, only momentarily out of reach.
 */
public class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String store, Throwable cause) {
        super("State store " + store + " is not queryable yet (the stream is starting or rebalancing)", cause);
    }

    private StoreUnavailableException(String message) {
        super(message);
    }

    /** The instance at {@code host}, which holds the data asked for, cannot answer now (why: how it failed). */
    public static StoreUnavailableException onInstance(Object host, String why) {
        return new StoreUnavailableException("The instance " + host + " holding the data cannot answer now: " + why);
    }
}
