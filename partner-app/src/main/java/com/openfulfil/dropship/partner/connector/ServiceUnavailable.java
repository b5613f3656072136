package com.openfulfil.dropship.partner.connector;

/** A service could not be reached, or answered that it cannot serve for the moment (503). */
public class ServiceUnavailable extends RuntimeException {
    public ServiceUnavailable(String module, Throwable cause) {
        super(module + " cannot be reached: " + cause.getMessage(), cause);
    }

    public ServiceUnavailable(String module, int status) {
        super(module + " answered " + status);
    }
}
