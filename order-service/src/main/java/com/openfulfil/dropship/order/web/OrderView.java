package com.openfulfil.dropship.order.web;

import com.openfulfil.dropship.events.model.Address;
import com.openfulfil.dropship.events.model.Customer;
import com.openfulfil.dropship.events.model.Deduction;
import com.openfulfil.dropship.events.model.LineQuantity;
import com.openfulfil.dropship.events.model.LineUnits;
import com.openfulfil.dropship.events.model.OrderDetails;
import com.openfulfil.dropship.events.model.OrderLine;
import com.openfulfil.dropship.events.model.OrderSource;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.model.ParcelItem;
import com.openfulfil.dropship.events.model.PaymentStatus;
import com.openfulfil.dropship.events.model.Priority;
import com.openfulfil.dropship.events.model.SpecialRequests;
import com.openfulfil.dropship.order.domain.AfterSales;
import com.openfulfil.dropship.order.domain.Commission;
import com.openfulfil.dropship.order.domain.Fulfilment;
import com.openfulfil.dropship.order.domain.HistoryEntry;
import com.openfulfil.dropship.order.domain.OrderAction;
import com.openfulfil.dropship.order.domain.OrderRecord;
import com.openfulfil.dropship.order.domain.PriceRule;
import com.openfulfil.dropship.order.domain.Receipt;
import com.openfulfil.dropship.order.domain.Replacement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code GET /api/v1/orders/{orderId}}: the order, its history, its fulfilments, for partners the
 * commission, and {@code allowedActions}: what the caller may ask of the order now ({@link OrderAction}),
 * so a client offers exactly those. {@code afterSales.refunds} lists each refund (amount, status, the payment
 * provider's id, why it failed) and {@code afterSales.refunded} the total paid back; {@code paymentReference}
 * is the payment refunds are paid back against; {@code replacements}: the orders that reshipped some of its
 * units (a replacement order names the order it replaces in {@code source.replaces}).
 */
record OrderView(String orderId, OrderStatus status, Instant placedAt, OrderSource source, String currency,
                 Customer customer, Address shipTo, List<LineView> lines, BigDecimal total, Priority priority,
                 PaymentStatus paymentStatus, SpecialRequests requests, List<HistoryEntry> history,
                 List<FulfilmentView> fulfilments, Receipt receipt, AfterSales afterSales, CommissionView commission,
                 List<OrderAction> allowedActions, String paymentReference, List<Replacement> replacements) {

    /**
     * One line and how far its units have got: {@code quantity} ordered, {@code shipped} (with a carrier or
     * arrived), {@code delivered}, {@code returned} (back at the supplier, or recorded returned by ops);
     * {@code refunded}: the units named by refunds that count as paid back (succeeded, pending or offline; a
     * refund of an amount names none); {@code replaced}: units sent again in replacement orders.
     */
    record LineView(int lineNo, String sku, String title, int quantity, BigDecimal retailPrice, BigDecimal salePrice,
                    BigDecimal lineTotal, int shipped, int delivered, int returned, int refunded, int replaced) {
    }

    record FulfilmentView(String dispatchId, String supplierId, String status, String carrier,
                          List<ParcelView> parcels) {
    }

    /** A parcel, its status and what it holds (absent when its shipment did not say). */
    record ParcelView(String trackingNumber, String status, List<ParcelItem> items) {
    }

    /**
     * PENDING until the order is completed and commission-service has credited it: then EARNED,
     * with each tax and fee and the total the partner receives.
     */
    record CommissionView(String state, String partnerName, String currency, BigDecimal gross,
                          List<Deduction> deductions, BigDecimal total) {
    }

    static OrderView of(OrderRecord record, List<OrderAction> allowedActions) {
        OrderDetails d = record.details();
        Map<Integer, LineUnits> units = record.units().stream()
                .collect(Collectors.toMap(LineUnits::lineNo, Function.identity(), (a, b) -> a));
        Map<Integer, Integer> replaced = record.replacements().stream().flatMap(r -> r.lines().stream())
                .collect(Collectors.toMap(LineQuantity::lineNo, LineQuantity::quantity, Integer::sum));
        List<LineView> lines = d.lines().stream().map(l -> line(l, units.get(l.lineNo()),
                replaced.getOrDefault(l.lineNo(), 0))).toList();
        BigDecimal total = lines.stream().map(LineView::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<FulfilmentView> fulfilments = record.fulfilments().values().stream().map(OrderView::fulfilment).toList();
        return new OrderView(record.orderId(), record.status(), record.placedAt(), d.source(), d.currency(),
                d.customer(), d.shipTo(), lines, total, d.priority(), d.paymentStatus(), d.requests(),
                record.history(), fulfilments, record.receipt(), record.afterSales(), commission(d, record.commission()),
                allowedActions, d.paymentReference(), record.replacements());
    }

    private static LineView line(OrderLine l, LineUnits units, int replaced) {
        return new LineView(l.lineNo(), l.sku(), l.title(), l.quantity(), l.retailPrice(), l.salePrice(),
                l.salePrice().multiply(BigDecimal.valueOf(l.quantity())), units == null ? 0 : units.shipped(),
                units == null ? 0 : units.delivered(), units == null ? 0 : units.returned(),
                units == null ? 0 : units.refunded(), replaced);
    }

    private static FulfilmentView fulfilment(Fulfilment f) {
        return new FulfilmentView(f.dispatchId(), f.supplierId(), f.status().name(), f.carrier(),
                f.parcels().entrySet().stream().map(p -> new ParcelView(p.getKey(), p.getValue().name(),
                        f.contents().get(p.getKey()))).toList());
    }

    private static CommissionView commission(OrderDetails d, Commission earned) {
        if (!d.source().isPartnerOrder()) {
            return null;
        }
        if (earned == null) {
            return new CommissionView("PENDING", d.source().partnerName(), d.currency(), PriceRule.grossProfit(d.lines()),
                    List.of(), null);
        }
        return new CommissionView("EARNED", earned.partnerName(), earned.currency(), earned.gross(),
                earned.deductions(), earned.total());
    }
}
