package com.openfulfil.dropship.events.model;

public enum PaymentStatus {
    PAID, AUTHORIZED, PENDING
}
