package com.openfulfil.dropship.order.domain;

import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.model.Channel;
import com.openfulfil.dropship.events.model.LineQuantity;
import com.openfulfil.dropship.events.model.OrderDetails;
import com.openfulfil.dropship.events.model.OrderLine;
import com.openfulfil.dropship.events.model.OrderSource;
import com.openfulfil.dropship.events.model.ParcelItem;
import com.openfulfil.dropship.events.model.PaymentStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A replacement order placed for some of an order's units (a reship, R5.1 and R5.3): which order,
 * when, for which units and at whose request. The replacement goes through the pipeline like any
 * order: its stock is reserved, a supplier gets its dispatch, its parcel is tracked and the
 * customer hears of each step.
 */
public record Replacement(String orderId, Instant at, List<LineQuantity> lines, String by) {
    public Replacement {
        lines = List.copyOf(lines);
    }

    /** The id of an order's {@code number}th replacement: the same request sent twice places one order. */
    public static String idFor(String orderId, int number) {
        return EventIds.derived(orderId, "replacement", String.valueOf(number));
    }

    /**
     * What a lost parcel held: its contents when its shipment named them, else every unit of its dispatch;
     * empty when the dispatch is not known (then the whole order is reshipped).
     */
    static List<LineQuantity> unitsOfParcel(OrderRecord order, String dispatchId, String trackingNumber) {
        Fulfilment fulfilment = order.fulfilments().get(dispatchId);
        if (fulfilment == null) {
            return List.of();
        }
        List<ParcelItem> contents = fulfilment.contents().get(trackingNumber);
        if (contents == null || contents.isEmpty()) {
            return fulfilment.items().entrySet().stream().map(e -> new LineQuantity(e.getKey(), e.getValue())).toList();
        }
        List<LineQuantity> units = new ArrayList<>();
        for (ParcelItem item : contents) {
            Integer lineNo = item.lineNo() != null ? item.lineNo() : order.details().lines().stream()
                    .filter(l -> l.sku().equals(item.sku())).map(OrderLine::lineNo).findFirst().orElse(null);
            if (lineNo != null) {
                units.add(new LineQuantity(lineNo, item.quantity()));
            }
        }
        return units;
    }

    /**
     * The units of {@code order} that {@code asked} names, each at most its line's quantity; every
     * unit of the order when {@code asked} is null or names none of its lines.
     */
    static List<LineQuantity> unitsOf(OrderRecord order, List<LineQuantity> asked) {
        List<LineQuantity> units = new ArrayList<>();
        if (asked != null) {
            for (LineQuantity line : asked) {
                order.details().line(line.lineNo())
                        .filter(l -> units.stream().noneMatch(u -> u.lineNo() == line.lineNo()))
                        .ifPresent(l -> units.add(new LineQuantity(l.lineNo(), Math.min(line.quantity(), l.quantity()))));
            }
        }
        if (units.isEmpty()) {
            order.details().lines().forEach(l -> units.add(new LineQuantity(l.lineNo(), l.quantity())));
        }
        units.sort(Comparator.comparingInt(LineQuantity::lineNo));
        return units;
    }

    /**
     * The replacement order of {@code units} of {@code order}: the same customer, address, storefront,
     * priority and requests; nothing left to pay; never a partner's (no second commission); each
     * line asks for the supplier that had it, unless that supplier refused or dropped it.
     */
    static OrderDetails detailsFor(OrderRecord order, List<LineQuantity> units, int number) {
        OrderDetails original = order.details();
        OrderSource source = original.source();
        String reference = (source.externalRef() == null ? order.orderId() : source.externalRef()) + "-R" + number;
        List<OrderLine> lines = units.stream().map(unit -> {
            OrderLine line = original.line(unit.lineNo()).orElseThrow();
            return new OrderLine(line.lineNo(), line.sku(), line.title(), unit.quantity(), line.retailPrice(),
                    BigDecimal.ZERO, line.hsCode(), line.countryOfOrigin(), supplierOf(order, line.lineNo()));
        }).toList();
        return new OrderDetails(new OrderSource(Channel.RESHIP, source.storefrontId(), null, null, reference,
                order.orderId()), original.currency(), original.customer(), original.shipTo(), lines,
                original.priority(), PaymentStatus.PAID, original.requests());
    }

    /** What {@code units} of the order were sold for: each unit at its line's sale price. */
    static BigDecimal valueOf(OrderRecord order, List<LineQuantity> units) {
        return units.stream().map(u -> order.details().line(u.lineNo()).orElseThrow().salePrice()
                .multiply(BigDecimal.valueOf(u.quantity()))).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String supplierOf(OrderRecord order, int lineNo) {
        return order.fulfilments().values().stream()
                .filter(f -> f.status().live() && f.items().containsKey(lineNo))
                .max(Comparator.comparingInt((Fulfilment f) -> f.parcels().size()))
                .map(Fulfilment::supplierId)
                .orElse(null);
    }
}
