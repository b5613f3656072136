package com.openfulfil.dropship.catalog.connector;

/**
 * The supplier's feed URL did not deliver (connection refused, timeout, a 5xx): worth retrying,
 * and what the circuit breaker counts. A feed that arrives but is malformed is not this.
 */
public class FeedUnavailableException extends RuntimeException {
    public FeedUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
