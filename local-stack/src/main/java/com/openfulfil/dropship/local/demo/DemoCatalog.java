package com.openfulfil.dropship.local.demo;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The demo products the demo orders use, with the supplier catalog-service allocates each to. */
public final class DemoCatalog {
    public static final Product MUG = new Product("MUG-001", "Ceramic mug 350 ml", new BigDecimal("12.50"), "hanoi-crafts");
    public static final Product LAMP = new Product("LAMP-010", "LED desk lamp", new BigDecimal("39.00"), "shenzhen-gadgets");
    public static final Product TOWEL = new Product("TOWEL-020", "Linen tea towel", new BigDecimal("18.00"), "lyon-linen");
    /** Stock 3: an order for 4 is rejected. */
    public static final Product SCARF = new Product("SCARF-007", "Silk scarf", new BigDecimal("29.00"), "hanoi-crafts");
    public static final List<Product> EVERYDAY = List.of(MUG, LAMP, TOWEL);
    public static final List<String> SUPPLIERS = List.of("shenzhen-gadgets", "hanoi-crafts", "lyon-linen");
    private static final Map<String, String> SUPPLIER_NAMES = Map.of("shenzhen-gadgets", "Shenzhen Gadgets Co.",
            "hanoi-crafts", "Hanoi Crafts", "lyon-linen", "Lyon Linen");

    /** @param supplierId the first-choice supplier (priority 1 offer) */
    public record Product(String sku, String title, BigDecimal retail, String supplierId) {
    }

    private DemoCatalog() {
    }

    /** A demo supplier's name, as supplier-gateway's demo profile has it. */
    public static String supplierName(String supplierId) {
        return SUPPLIER_NAMES.getOrDefault(supplierId, supplierId);
    }
}
