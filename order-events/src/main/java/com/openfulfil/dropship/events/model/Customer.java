package com.openfulfil.dropship.events.model;

/** The buyer: who receives the parcel and the notifications; {@code locale} is a BCP 47 tag. */
public record Customer(String name, String email, String phone, String locale) {
}
