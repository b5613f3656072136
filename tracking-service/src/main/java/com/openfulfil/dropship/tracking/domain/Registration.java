package com.openfulfil.dropship.tracking.domain;

/** Whose parcel a tracking number is: the order and dispatch it ships, and who carries it. */
public record Registration(String orderId, String dispatchId, String supplierId, String carrier) {
}
