package com.openfulfil.dropship.order.domain;

/** Where one supplier's part of an order stands. */
public enum FulfilmentStatus {
    SENT, ACCEPTED, REJECTED, SHIPPED, CANCELLED
}
