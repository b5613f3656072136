package com.openfulfil.dropship.local.sim;

/** A parcel a supplier handed to a carrier: where the carrier simulator reports it from and to. */
public record Parcel(String carrier, String trackingNumber, String origin, String destination) {
}
