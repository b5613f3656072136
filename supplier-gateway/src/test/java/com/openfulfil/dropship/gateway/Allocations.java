package com.openfulfil.dropship.gateway;

import com.openfulfil.dropship.events.catalog.StockAllocated;
import com.openfulfil.dropship.events.fixtures.OrderFixtures;
import com.openfulfil.dropship.events.model.LineAllocation;
import com.openfulfil.dropship.events.model.OfferRef;
import com.openfulfil.dropship.events.model.OrderLine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds StockAllocated events from the demo catalog: {@code anAllocation("o-1").line("MUG-001", 2,
 * "hanoi-crafts", "HN-MUG-001", "4.20").build()}. Order lines are titled "Product &lt;sku&gt;".
 */
public final class Allocations {
    private final String orderId;
    private final OrderFixtures order;
    private final List<LineAllocation> lines = new ArrayList<>();
    private String eventId;

    private Allocations(String orderId) {
        this.orderId = orderId;
        this.eventId = "alloc-" + orderId;
        this.order = OrderFixtures.anOrder().withOrderId(orderId);
    }

    public static Allocations anAllocation(String orderId) {
        return new Allocations(orderId);
    }

    public Allocations eventId(String eventId) {
        this.eventId = eventId;
        return this;
    }

    public Allocations line(String sku, int quantity, String supplierId, String supplierSku, String unitCost) {
        order.withLine(sku, quantity, "10.00");
        OfferRef chosen = new OfferRef(supplierId, supplierSku, new BigDecimal(unitCost), new BigDecimal("1.50"),
                "USD", 2, 1);
        int lineNo = lines.stream().mapToInt(LineAllocation::lineNo).max().orElse(0) + 1;
        lines.add(new LineAllocation(lineNo, sku, quantity, chosen, List.of()));
        return this;
    }

    /**
     * Splits {@code quantity} units of the line added last off to another supplier's offer, as catalog
     * does when no single offer holds the line: a second allocation with the same lineNo.
     */
    public Allocations part(int quantity, String supplierId, String supplierSku, String unitCost) {
        LineAllocation last = lines.remove(lines.size() - 1);
        lines.add(new LineAllocation(last.lineNo(), last.sku(), last.quantity() - quantity, last.chosen(),
                last.backups()));
        OfferRef chosen = new OfferRef(supplierId, supplierSku, new BigDecimal(unitCost), new BigDecimal("1.50"),
                "USD", 2, 1);
        lines.add(new LineAllocation(last.lineNo(), last.sku(), quantity, chosen, last.backups()));
        return this;
    }

    /** Ranks another offer as a backup for the line (or part) added last. */
    public Allocations backup(String supplierId, String supplierSku, String unitCost) {
        LineAllocation last = lines.remove(lines.size() - 1);
        List<OfferRef> backups = new ArrayList<>(last.backups());
        backups.add(new OfferRef(supplierId, supplierSku, new BigDecimal(unitCost), new BigDecimal("2.00"), "USD", 3,
                backups.size() + 2));
        lines.add(new LineAllocation(last.lineNo(), last.sku(), last.quantity(), last.chosen(), backups));
        return this;
    }

    public StockAllocated build() {
        return new StockAllocated(eventId, OrderFixtures.T0, orderId, order.details(), lines);
    }

    /** MUG-001 and TOWEL-020 at hanoi-crafts, LAMP-010 at shenzhen-gadgets. */
    public static StockAllocated twoSuppliers(String orderId) {
        return anAllocation(orderId)
                .line("MUG-001", 2, "hanoi-crafts", "HN-MUG-001", "4.20")
                .line("LAMP-010", 1, "shenzhen-gadgets", "SZ-LAMP-010", "14.00")
                .line("TOWEL-020", 3, "hanoi-crafts", "HN-TOWEL-020", "7.90")
                .build();
    }

    public static String title(StockAllocated allocated, int lineNo) {
        return allocated.order().lines().stream().filter(l -> l.lineNo() == lineNo).map(OrderLine::title)
                .findFirst().orElseThrow();
    }
}
