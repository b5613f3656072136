package com.openfulfil.dropship.order.domain;

/** Where one supplier's part of an order stands; REROUTED: given up, a backup supplier's dispatch replaces it. */
public enum FulfilmentStatus {
    SENT, ACCEPTED, REJECTED, SHIPPED, CANCELLED, REROUTED;

    /** Still on its way to the customer (or there): not refused, dropped or replaced. */
    boolean live() {
        return this != REJECTED && this != CANCELLED && this != REROUTED;
    }
}
