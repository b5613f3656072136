package com.openfulfil.dropship.gateway.stream;

/**
 * A supplier's update that contradicts its dispatch (shipping more units than are left, or an item the
 * dispatch does not have). Thrown by the dispatch processor before it changes anything, so the dead-letter
 * handler parks the message with this reason in {@code dlq.error} and the stream goes on.
 */
public final class RefusedUpdateException extends RuntimeException {
    public RefusedUpdateException(String reason) {
        super(reason);
    }
}
