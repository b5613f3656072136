package com.openfulfil.dropship.support.streams;

/**
 * A state store cannot be read right now: the service's stream is starting or rebalancing. The
 * caller gets 503 with Retry-After; the data is not lost, only momentarily out of reach.
 */
public class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String store, Throwable cause) {
        super("State store " + store + " is not queryable yet (the stream is starting or rebalancing)", cause);
    }
}
