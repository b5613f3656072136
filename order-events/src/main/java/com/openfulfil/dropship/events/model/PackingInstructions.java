package com.openfulfil.dropship.events.model;

/** The retailer's branding on the parcel: blind shipping hides the supplier (seed 004). */
public record PackingInstructions(boolean blindShipping, String brandName, String insertCard) {
}
