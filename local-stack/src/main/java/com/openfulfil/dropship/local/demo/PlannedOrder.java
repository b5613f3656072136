package com.openfulfil.dropship.local.demo;

import com.openfulfil.dropship.events.model.OrderStatus;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One order the demo will place: the request body, whether a partner places it, and how it
 * should end (COMPLETED once delivered and confirmed, or REJECTED for want of stock).
 */
public record PlannedOrder(String externalRef, Kind kind, List<Line> lines, Map<String, Object> body,
                           OrderStatus expected) {

    public enum Kind {
        STOREFRONT_SINGLE, STOREFRONT_MULTI, PARTNER, SCARCE;

        public boolean isPartner() {
            return this == PARTNER;
        }
    }

    /** @param salePrice the partner's price per unit; null on storefront orders */
    public record Line(DemoCatalog.Product product, int quantity, BigDecimal salePrice) {
    }

    public boolean isPartner() {
        return kind.isPartner();
    }

    /** The suppliers the order's lines are allocated to. */
    public List<String> suppliers() {
        return lines.stream().map(l -> l.product().supplierId()).distinct().toList();
    }
}
