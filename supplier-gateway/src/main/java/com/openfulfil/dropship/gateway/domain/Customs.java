package com.openfulfil.dropship.gateway.domain;

import com.openfulfil.dropship.events.catalog.StockAllocated;
import com.openfulfil.dropship.events.model.CustomsDeclaration;
import com.openfulfil.dropship.events.model.CustomsItem;
import com.openfulfil.dropship.events.model.DispatchItem;
import com.openfulfil.dropship.events.model.OrderDetails;
import com.openfulfil.dropship.events.model.OrderLine;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The commercial invoice of a dispatch that crosses a border (R3.7): the ship-to country is not the
 * country the supplier ships from. Each item is declared at what the customer paid for it, in the
 * order's currency, with the HS code and origin the product had when it was ordered. The retailer
 * sells (its brand is the seller); the customer imports, delivered at place (DAP: the buyer settles
 * import duties). A supplier whose country is not configured is taken to ship domestically.
 */
final class Customs {
    static final String REASON = "SALE";
    static final String INCOTERM = "DAP";

    private Customs() {
    }

    static Optional<CustomsDeclaration> declaration(StockAllocated allocated, Dispatch dispatch, Routing routing,
                                                    Instant now) {
        OrderDetails order = allocated.order();
        String to = order.shipTo() == null ? null : order.shipTo().country();
        Optional<String> from = routing.countryOf(dispatch.supplierId());
        if (to == null || from.isEmpty() || from.get().equalsIgnoreCase(to)) {
            return Optional.empty();
        }
        List<CustomsItem> items = dispatch.items().stream().map(item -> item(order, item)).toList();
        BigDecimal total = items.stream().map(CustomsItem::declaredValue).reduce(BigDecimal.ZERO, BigDecimal::add);
        return Optional.of(new CustomsDeclaration("INV-" + dispatch.dispatchId(),
                now.atZone(ZoneOffset.UTC).toLocalDate(), routing.packing().brandName(), from.get(), to,
                order.currency(), REASON, INCOTERM, items, total));
    }

    private static CustomsItem item(OrderDetails order, DispatchItem item) {
        Optional<OrderLine> line = order.lines().stream().filter(l -> l.lineNo() == item.lineNo()).findFirst();
        BigDecimal unit = line.map(l -> l.salePrice() != null ? l.salePrice() : l.retailPrice()).orElse(BigDecimal.ZERO);
        return new CustomsItem(item.lineNo(), item.sku(), item.title(), line.map(OrderLine::hsCode).orElse(null),
                line.map(OrderLine::countryOfOrigin).orElse(null), item.quantity(), unit,
                unit.multiply(BigDecimal.valueOf(item.quantity())));
    }
}
