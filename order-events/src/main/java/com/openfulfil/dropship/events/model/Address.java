package com.openfulfil.dropship.events.model;

/** A postal address; {@code country} is an ISO 3166-1 alpha-2 code. */
public record Address(String line1, String line2, String city, String region, String postalCode, String country) {
}
