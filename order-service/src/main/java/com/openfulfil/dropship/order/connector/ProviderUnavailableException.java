package com.openfulfil.dropship.order.connector;

/**
 * The payment provider gave no answer to act on (no connection, a timeout, 5xx, 429, a refund with
 * the same idempotency key still in progress, our key refused): the same refund is asked again, with
 * the same idempotency key, so it is paid once whatever happened to the call that got no answer.
 */
class ProviderUnavailableException extends RuntimeException {
    ProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
