package com.openfulfil.dropship.gateway.connector;

/** The supplier's API did not take the call this time (5xx, 408, 429, a timeout, no connection): worth retrying. */
public final class SupplierUnavailableException extends RuntimeException {
    public SupplierUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
