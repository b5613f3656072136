package com.openfulfil.dropship.partner.connector;

import java.math.BigDecimal;
import java.util.List;

/** What catalog-service's product API answers, as far as a partner needs it (not the suppliers' costs). */
public final class Catalog {
    private Catalog() {
    }

    public record Page(List<Product> items, int page, int size, int total) {
        public Page {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    /** @param retailPrice the product's price, absent while nobody has priced it */
    public record Product(String sku, String title, String description, List<String> imageUrls,
                          BigDecimal retailPrice, String currency, boolean listed, int available) {
        public Product {
            imageUrls = imageUrls == null ? List.of() : List.copyOf(imageUrls);
        }

        /** A partner can deliver it on behalf: listed (in stock) and priced. */
        public boolean canOrder() {
            return listed && retailPrice != null && currency != null && available > 0;
        }

        public String name() {
            return title == null || title.isBlank() ? sku : title;
        }
    }
}
