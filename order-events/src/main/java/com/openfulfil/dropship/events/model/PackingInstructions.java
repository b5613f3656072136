package com.openfulfil.dropship.events.model;

/** The retailer's branding on the parcel: blind shipping hides the supplier from the customer. */
public record PackingInstructions(boolean blindShipping, String brandName, String insertCard) {
}
