package com.openfulfil.dropship.events;

/** An event that belongs to one order; such events are keyed by {@link #orderId()}. */
public interface OrderScoped {
    String orderId();
}
