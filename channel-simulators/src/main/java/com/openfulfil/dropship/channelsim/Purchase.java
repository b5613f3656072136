package com.openfulfil.dropship.channelsim;

import java.util.List;

/**
 * What a customer buys at a simulated store, whichever the platform: who, where to, and the items
 * by the merchant's SKU. Each simulator writes it in its platform's order shape.
 *
 * @param country ISO 3166-1 alpha-2
 */
public record Purchase(String firstName, String lastName, String email, String line1, String city, String postalCode,
                       String country, List<Item> items) {

    public Purchase {
        if (items == null || items.isEmpty()) {
            throw new IllegalArgumentException("A purchase needs at least one item");
        }
        items = List.copyOf(items);
    }

    /** One line of the purchase. */
    public record Item(String sku, int quantity, String title) {
    }

    public String name() {
        return firstName + " " + lastName;
    }
}
