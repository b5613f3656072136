package com.openfulfil.dropship.local.bench;

import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.local.demo.DemoCatalog;
import com.openfulfil.dropship.local.demo.DemoOrders;
import com.openfulfil.dropship.local.demo.PlannedOrder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The orders a bench places: 1-3 lines, from one supplier or two, 30 % partner resales at 20 %
 * over retail, on the {@link BenchCatalog}. Every line's product is drawn by popularity (Zipf), so
 * a few products are ordered again and again and most rarely; the first line picks the order's
 * (first) supplier, a second supplier's line is drawn among the products it is first choice for.
 * The suppliers an order goes to are therefore known in advance. The mix is a pure function of
 * the order's sequence number, so every run places the same orders.
 */
final class OrderMix {
    static final double PARTNER_SHARE = 0.30;
    private static final BigDecimal PARTNER_MARKUP = new BigDecimal("1.20");
    private static final long SEED = 0x5DEECE66DL;
    /** Draws for a line from a supplier other than the first before taking any other supplier's product. */
    private static final int OTHER_SUPPLIER_TRIES = 64;

    private final String runId;
    private final BenchCatalog catalog;

    OrderMix(String runId, BenchCatalog catalog) {
        this.runId = runId;
        this.catalog = catalog;
    }

    BenchCatalog catalog() {
        return catalog;
    }

    /** The {@code seq}-th order of this run; its external reference (and idempotency key) is unique to the run. */
    PlannedOrder order(long seq) {
        SplittableRandom random = new SplittableRandom(SEED ^ (seq * 0x9E3779B97F4A7C15L));
        boolean partner = random.nextDouble() < PARTNER_SHARE;
        int lines = lineCount(random.nextDouble());
        int suppliers = lines > 1 && random.nextDouble() < 0.4 && catalog.suppliers().size() > 1 ? 2 : 1;
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

    private List<PlannedOrder.Line> lines(SplittableRandom random, int lines, int suppliers, boolean partner) {
        List<Integer> products = new ArrayList<>(lines);
        int first = catalog.popularProduct(random.nextDouble());
        products.add(first);
        int firstSupplier = supplierOf(first);
        int second = -1;
        if (suppliers > 1) {
            int other = otherSupplierProduct(random, firstSupplier, products);
            products.add(other);
            second = supplierOf(other);
        }
        while (products.size() < lines) {
            // the rest go to either of the order's suppliers
            int supplier = second >= 0 && random.nextBoolean() ? second : firstSupplier;
            int product = catalog.popularProductOf(supplier, random.nextDouble());
            if (!products.contains(product)) {
                products.add(product);
            } else if (catalog.firstChoiceCount(supplier) <= products.size()) {
                break; // a supplier with hardly any products: the order stays shorter
            }
        }
        List<PlannedOrder.Line> chosen = new ArrayList<>(products.size());
        for (int product : products) {
            DemoCatalog.Product p = catalog.product(product);
            int quantity = 1 + random.nextInt(3);
            chosen.add(new PlannedOrder.Line(p, quantity, partner ? partnerPrice(p) : null));
        }
        return chosen;
    }

    private int otherSupplierProduct(SplittableRandom random, int firstSupplier, List<Integer> taken) {
        for (int i = 0; i < OTHER_SUPPLIER_TRIES; i++) {
            int product = catalog.popularProduct(random.nextDouble());
            if (supplierOf(product) != firstSupplier && !taken.contains(product)) {
                return product;
            }
        }
        // every draw hit the first supplier (a catalog of very few suppliers): another supplier's product
        for (int step = 1; step < catalog.suppliers().size(); step++) {
            int product = catalog.popularProductOf((firstSupplier + step) % catalog.suppliers().size(),
                    random.nextDouble());
            if (product >= 0 && !taken.contains(product)) {
                return product;
            }
        }
        throw new IllegalStateException("The catalog has no product outside supplier " + firstSupplier);
    }

    private int supplierOf(int product) {
        return catalog.supplierIndex(catalog.product(product).supplierId());
    }

    static BigDecimal partnerPrice(DemoCatalog.Product product) {
        return product.retail().multiply(PARTNER_MARKUP).setScale(2, RoundingMode.HALF_UP);
    }

    /** The suppliers' bit mask of an order: bit i for the catalog's i-th supplier. */
    long supplierMask(PlannedOrder order) {
        long mask = 0;
        for (String supplier : order.suppliers()) {
            int index = catalog.supplierIndex(supplier);
            if (index >= 0) {
                mask |= 1L << index;
            }
        }
        return mask;
    }
}
