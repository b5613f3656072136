package com.openfulfil.dropship.local.demo;

import com.openfulfil.dropship.events.model.Address;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo products the demo orders use, with the supplier catalog-service allocates each to, and the
 * demo suppliers as supplier-gateway's demo profile has them.
 */
public final class DemoCatalog {
    public static final Product MUG = new Product("MUG-001", "Ceramic mug 350 ml", new BigDecimal("12.50"), "hanoi-crafts");
    public static final Product LAMP = new Product("LAMP-010", "LED desk lamp", new BigDecimal("39.00"), "shenzhen-gadgets");
    public static final Product TOWEL = new Product("TOWEL-020", "Linen tea towel", new BigDecimal("18.00"), "lyon-linen");
    /** Stock 3: an order for 4 is rejected. */
    public static final Product SCARF = new Product("SCARF-007", "Silk scarf", new BigDecimal("29.00"), "hanoi-crafts");
    public static final List<Product> EVERYDAY = List.of(MUG, LAMP, TOWEL);
    public static final List<String> SUPPLIERS = List.of("shenzhen-gadgets", "hanoi-crafts", "lyon-linen");
    /** The demo suppliers as supplier-gateway's demo profile has them ({@code dropship.gateway.suppliers}). */
    private static final Map<String, Supplier> SUPPLIER_SETTINGS = Map.of(
            "shenzhen-gadgets", new Supplier("shenzhen-gadgets", "Shenzhen Gadgets Co.", "CN", null,
                    new Address("Building 7, 18 Keji Road", null, "Shenzhen", "Guangdong", "518057", "CN"),
                    shipping("USD", "8.00")),
            "hanoi-crafts", new Supplier("hanoi-crafts", "Hanoi Crafts", "VN", "Hanoi Crafts Returns",
                    new Address("12 Hang Gai", null, "Hanoi", null, "100000", "VN"), shipping("USD", "6.50")),
            "lyon-linen", new Supplier("lyon-linen", "Lyon Linen", "FR", null,
                    new Address("4 Rue de la Charité", null, "Lyon", null, "69002", "FR"),
                    shipping("USD", "5.00", "EUR", "4.50")));

    /** @param supplierId the first-choice supplier (priority 1 offer) */
    public record Product(String sku, String title, BigDecimal retail, String supplierId) {
    }

    /**
     * A demo supplier as supplier-gateway knows it, beside its transport and secret.
     *
     * @param country        the country it ships from (ISO 3166-1 alpha-2)
     * @param returnsName    whom returned goods are addressed to; null: the supplier's name
     * @param returnsAddress where customers send returns of what it shipped
     * @param returnShipping the flat return shipping a return costs it when it pays for it, by currency
     */
    public record Supplier(String id, String name, String country, String returnsName, Address returnsAddress,
                           Map<String, BigDecimal> returnShipping) {
    }

    private DemoCatalog() {
    }

    /** A demo supplier's name, as supplier-gateway's demo profile has it. */
    public static String supplierName(String supplierId) {
        return supplier(supplierId).map(Supplier::name).orElse(supplierId);
    }

    /** A demo supplier's settings, as supplier-gateway's demo profile has them. */
    public static Optional<Supplier> supplier(String supplierId) {
        return Optional.ofNullable(SUPPLIER_SETTINGS.get(supplierId));
    }

    /** Currencies and costs, in the order given. */
    private static Map<String, BigDecimal> shipping(String... currencyThenCost) {
        Map<String, BigDecimal> costs = new LinkedHashMap<>();
        for (int i = 0; i < currencyThenCost.length; i += 2) {
            costs.put(currencyThenCost[i], new BigDecimal(currencyThenCost[i + 1]));
        }
        return Collections.unmodifiableMap(costs);
    }
}
