package com.openfulfil.dropship.tracking.connector;

/** A carrier's query API could not answer now (down, overloaded, unreachable): worth a retry. */
public class CarrierUnavailableException extends RuntimeException {
    public CarrierUnavailableException(String message) {
        super(message);
    }
}
