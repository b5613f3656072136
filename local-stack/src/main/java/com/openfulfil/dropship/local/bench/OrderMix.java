package com.openfulfil.dropship.local.bench;

import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.local.demo.DemoCatalog;
import com.openfulfil.dropship.local.demo.DemoOrders;
import com.openfulfil.dropship.local.demo.PlannedOrder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * The orders a bench places: 1-3 lines, from one supplier or two, 30 % partner resales at 20 %
 * over retail. Nine demo products, three per supplier, each with its first-choice offer at that
 * supplier (lowest landed cost), so the suppliers an order goes to are known in advance. The mix
 * is a pure function of the order's sequence number, so every run places the same orders.
 */
final class OrderMix {
    static final double PARTNER_SHARE = 0.30;
    static final List<Stocked> PRODUCTS = List.of(
            new Stocked(new DemoCatalog.Product("MUG-001", "Ceramic mug 350 ml", new BigDecimal("12.50"), "hanoi-crafts"), "HC-MUG-350"),
            new Stocked(new DemoCatalog.Product("BOWL-002", "Ceramic rice bowl", new BigDecimal("9.50"), "hanoi-crafts"), "HC-BOWL-12"),
            new Stocked(new DemoCatalog.Product("TEAPOT-003", "Celadon teapot", new BigDecimal("42.00"), "hanoi-crafts"), "HC-TEAPOT-600"),
            new Stocked(new DemoCatalog.Product("LAMP-010", "LED desk lamp", new BigDecimal("39.00"), "shenzhen-gadgets"), "SZG-LAMP-10"),
            new Stocked(new DemoCatalog.Product("NOTEBOOK-011", "Kraft notebook A5", new BigDecimal("7.50"), "shenzhen-gadgets"), "SZG-NB-A5"),
            new Stocked(new DemoCatalog.Product("CABLE-030", "USB-C cable 1 m", new BigDecimal("9.90"), "shenzhen-gadgets"), "SZG-USBC-1M"),
            new Stocked(new DemoCatalog.Product("TOWEL-020", "Linen tea towel", new BigDecimal("18.00"), "lyon-linen"), "LL-TT-5070"),
            new Stocked(new DemoCatalog.Product("NAPKIN-021", "Linen napkins, set of 4", new BigDecimal("26.00"), "lyon-linen"), "LL-NAP-4"),
            new Stocked(new DemoCatalog.Product("DUVET-023", "Linen duvet cover", new BigDecimal("149.00"), "lyon-linen"), "LL-DUVET-240"));
    private static final BigDecimal PARTNER_MARKUP = new BigDecimal("1.20");
    private static final long SEED = 0x5DEECE66DL;

    /** A product the bench orders, with the supplier's own code for its first-choice offer (for stock top-ups). */
    record Stocked(DemoCatalog.Product product, String supplierSku) {
    }

    private final String runId;

    OrderMix(String runId) {
        this.runId = runId;
    }

    /** The {@code seq}-th order of this run; its external reference (and idempotency key) is unique to the run. */
    PlannedOrder order(long seq) {
        SplittableRandom random = new SplittableRandom(SEED ^ (seq * 0x9E3779B97F4A7C15L));
        boolean partner = random.nextDouble() < PARTNER_SHARE;
        int lines = lineCount(random.nextDouble());
        int suppliers = lines > 1 && random.nextDouble() < 0.4 ? 2 : 1;
        List<PlannedOrder.Line> chosen = lines(random, lines, suppliers, partner);
        String ref = "BENCH-" + runId + "-" + seq;
        PlannedOrder.Kind kind = partner ? PlannedOrder.Kind.PARTNER
                : suppliers > 1 ? PlannedOrder.Kind.STOREFRONT_MULTI : PlannedOrder.Kind.STOREFRONT_SINGLE;
        int customer = (int) (seq % 4);
        return new PlannedOrder(ref, kind, chosen, DemoOrders.body(ref, chosen, DemoOrders.customer(customer), customer),
                OrderStatus.COMPLETED);
    }

    /** 40 % one line, 35 % two, 25 % three. */
    static int lineCount(double draw) {
        return draw < 0.40 ? 1 : draw < 0.75 ? 2 : 3;
    }

    private static List<PlannedOrder.Line> lines(SplittableRandom random, int lines, int suppliers, boolean partner) {
        List<String> supplierIds = new ArrayList<>(DemoCatalog.SUPPLIERS);
        Collections.shuffle(supplierIds, new Random(random.nextLong()));
        List<PlannedOrder.Line> chosen = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            // the first line goes to the first supplier, the second (if two) to the other, the rest to either
            String supplier = supplierIds.get(i < suppliers ? i : random.nextInt(suppliers));
            List<Stocked> candidates = PRODUCTS.stream()
                    .filter(p -> p.product().supplierId().equals(supplier))
                    .filter(p -> chosen.stream().noneMatch(l -> l.product().sku().equals(p.product().sku())))
                    .toList();
            DemoCatalog.Product product = candidates.get(random.nextInt(candidates.size())).product();
            int quantity = 1 + random.nextInt(3);
            chosen.add(new PlannedOrder.Line(product, quantity, partner ? partnerPrice(product) : null));
        }
        return chosen;
    }

    static BigDecimal partnerPrice(DemoCatalog.Product product) {
        return product.retail().multiply(PARTNER_MARKUP).setScale(2, RoundingMode.HALF_UP);
    }

    /** The suppliers' bit mask of an order: bit i for {@code DemoCatalog.SUPPLIERS.get(i)}. */
    static int supplierMask(PlannedOrder order) {
        int mask = 0;
        for (String supplier : order.suppliers()) {
            mask |= 1 << supplierIndex(supplier);
        }
        return mask;
    }

    /** Index of a demo supplier, -1 for any other. */
    static int supplierIndex(String supplierId) {
        return DemoCatalog.SUPPLIERS.indexOf(supplierId);
    }
}
