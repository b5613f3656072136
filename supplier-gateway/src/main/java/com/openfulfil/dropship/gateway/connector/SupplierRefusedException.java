package com.openfulfil.dropship.gateway.connector;

/** The supplier's API refused the call for good (a 4xx other than 408 and 429): retrying would not help. */
public final class SupplierRefusedException extends RuntimeException {
    public SupplierRefusedException(String message) {
        super(message);
    }
}
