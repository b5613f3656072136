package com.openfulfil.dropship.ops.orders;

import com.openfulfil.dropship.events.model.OrderStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One order as order-service's order API gives it to the admin ({@code GET /api/v1/orders/{orderId}},
 * docs/storefronts.md), read for the console's order page: its lines with their units, its parcels and
 * what each holds, its return authorisations and refunds, its history, and the actions the console
 * offers on it now. Fields the page does not show are not read; a field order-service leaves out is
 * empty here, never a failure.
 */
public record OrderDetail(String orderId, String status, Instant placedAt, Source source, String currency,
                          Customer customer, Address shipTo, List<Line> lines, BigDecimal total, String priority,
                          String paymentStatus, Requests requests, List<Step> history, List<Fulfilment> fulfilments,
                          Receipt receipt, AfterSales afterSales, Commission commission, List<String> allowedActions,
                          String paymentReference, List<Replacement> replacements) {

    public OrderDetail {
        lines = listOf(lines);
        history = listOf(history);
        fulfilments = listOf(fulfilments);
        allowedActions = listOf(allowedActions);
        replacements = listOf(replacements);
    }

    /** Who placed the order: a storefront, a partner, a sales channel; a replacement names the order it replaces. */
    public record Source(String channel, String storefrontId, String partnerId, String partnerName, String externalRef,
                         String replaces) {
    }

    public record Customer(String name, String email, String phone, String locale) {
    }

    public record Address(String line1, String line2, String city, String region, String postalCode, String country) {
        /** The parts that are there, on one line. */
        public String oneLine() {
            return Stream.of(line1, line2, city, region, postalCode, country).filter(p -> p != null && !p.isBlank())
                    .collect(Collectors.joining(", "));
        }
    }

    public record Requests(Boolean giftWrap, Boolean invoice, String note) {
        public boolean wrapped() {
            return Boolean.TRUE.equals(giftWrap);
        }

        public boolean wantsInvoice() {
            return Boolean.TRUE.equals(invoice);
        }
    }

    /**
     * A line and its units: {@code quantity} ordered, {@code shipped} (with a carrier or arrived),
     * {@code delivered}, {@code returned}, {@code refunded}, and {@code replaced} (sent again in
     * replacement orders).
     */
    public record Line(int lineNo, String sku, String title, Integer quantity, BigDecimal salePrice,
                       BigDecimal lineTotal, Integer shipped, Integer delivered, Integer returned, Integer refunded,
                       Integer replaced) {
        public Line {
            quantity = zeroIfAbsent(quantity);
            shipped = zeroIfAbsent(shipped);
            delivered = zeroIfAbsent(delivered);
            returned = zeroIfAbsent(returned);
            refunded = zeroIfAbsent(refunded);
            replaced = zeroIfAbsent(replaced);
        }

        /** Units that have not left their supplier yet. */
        public int notShipped() {
            return Math.max(0, quantity - shipped);
        }

        /** Units with a carrier, not arrived yet. */
        public int onTheirWay() {
            return Math.max(0, shipped - delivered);
        }

        /** Whether every unit ordered has arrived. */
        public boolean allDelivered() {
            return quantity > 0 && delivered >= quantity;
        }
    }

    public record Step(String status, Instant at, String reason) {
    }

    /** One supplier's part of the order: its dispatch, carrier and parcels. */
    public record Fulfilment(String dispatchId, String supplierId, String status, String carrier,
                             List<ParcelView> parcels) {
        public Fulfilment {
            parcels = listOf(parcels);
        }
    }

    /** A parcel as the order lists it; {@code items} absent when its shipment did not say what it holds. */
    public record ParcelView(String trackingNumber, String status, List<Item> items) {
        public ParcelView {
            items = listOf(items);
        }
    }

    /** Units of one line, in a parcel or a return. */
    public record Item(Integer lineNo, String sku, Integer quantity, String title) {
        /** "2 × Ceramic mug 350 ml" (the sku when the item has no title). */
        public String text() {
            return quantity + " \u00d7 " + (title != null && !title.isBlank() ? title : sku != null ? sku : "line " + lineNo);
        }
    }

    public record Receipt(Integer rating, String comment, Instant at) {
    }

    /** The customer's return request, its authorisations and the refunds. */
    public record AfterSales(String reason, String description, List<String> photoUrls, Instant requestedAt,
                             Boolean supplierPaysReturn, Instant returnedAt, BigDecimal refunded,
                             String refundCurrency, Instant reshippedAt, List<Refund> refunds,
                             List<ReturnAuthorisation> returnAuthorisations) {
        public AfterSales {
            photoUrls = listOf(photoUrls);
            refunds = listOf(refunds);
            returnAuthorisations = listOf(returnAuthorisations);
        }
    }

    /**
     * One refund: REQUESTED (asked of the payment provider, no answer yet), SUCCEEDED, PENDING (the money on
     * its way back), FAILED (the provider's reason in {@code failure}), REFUSED (by the order, why in
     * {@code failure}) or OFFLINE. {@code releasedAt}: a PENDING refund the payment connector stopped
     * following (still pending at the provider after its time limit): ops check it in the provider's dashboard.
     */
    public record Refund(String refundId, BigDecimal amount, String currency, String status, String providerRefundId,
                         String failure, String by, String note, Instant requestedAt, Instant settledAt,
                         Instant releasedAt) {
        /** Nothing was paid back: the provider failed it, or the order refused it. */
        public boolean notPaid() {
            return "FAILED".equals(status) || "REFUSED".equals(status);
        }
    }

    /**
     * A return authorised at one supplier: the units to send back, where, who pays the return shipping,
     * and once sent its carrier, tracking number and the return parcel's last status.
     */
    public record ReturnAuthorisation(String rmaId, String supplierId, String dispatchId, List<Item> items,
                                      String returnTo, Address returnAddress, String paidBy, BigDecimal shippingCharge,
                                      String currency, Instant authorisedAt, String carrier, String trackingNumber,
                                      Instant shippedAt, String parcelStatus, Instant receivedAt) {
        public ReturnAuthorisation {
            items = listOf(items);
        }

        /** "2 × Ceramic mug 350 ml, 1 × LED desk lamp". */
        public String units() {
            return items.stream().map(Item::text).collect(Collectors.joining(", "));
        }

        /**
         * RECEIVED once the supplier has it back, else the return parcel's last status once the carrier
         * reported one, SENT once the customer gave its tracking number, AUTHORISED before.
         */
        public String state() {
            if (receivedAt != null) {
                return "RECEIVED";
            }
            if (parcelStatus != null) {
                return parcelStatus;
            }
            return trackingNumber != null ? "SENT" : "AUTHORISED";
        }
    }

    /** The partner's commission on the order: PENDING until it is EARNED. */
    public record Commission(String state, String partnerName, String currency, BigDecimal gross, BigDecimal total) {
    }

    /** A replacement order placed for some of the order's units. */
    public record Replacement(String orderId, Instant at, List<LineUnits> lines, String by) {
        public Replacement {
            lines = listOf(lines);
        }
    }

    public record LineUnits(int lineNo, int quantity) {
    }

    /**
     * A parcel of the order with its supplier's part: where it is, what it holds ("2 × Ceramic mug 350 ml";
     * empty when the shipment did not say, then it holds what its supplier had left to ship).
     */
    public record Parcel(String supplierId, String dispatchId, String carrier, String trackingNumber, String status,
                         String holds) {
    }

    /** Every parcel of the order, supplier by supplier, in the order the order API lists them. */
    public List<Parcel> parcels() {
        List<Parcel> parcels = new ArrayList<>();
        for (Fulfilment f : fulfilments) {
            for (ParcelView p : f.parcels()) {
                parcels.add(new Parcel(f.supplierId(), f.dispatchId(), f.carrier(), p.trackingNumber(), p.status(),
                        p.items().stream().map(Item::text).collect(Collectors.joining(", "))));
            }
        }
        return parcels;
    }

    public List<ReturnAuthorisation> returnAuthorisations() {
        return afterSales == null ? List.of() : afterSales.returnAuthorisations();
    }

    public List<Refund> refunds() {
        return afterSales == null ? List.of() : afterSales.refunds();
    }

    /** What has been paid back so far (zero before any refund), in {@link #refundCurrency()}. */
    public BigDecimal refunded() {
        return afterSales == null || afterSales.refunded() == null ? BigDecimal.ZERO : afterSales.refunded();
    }

    public String refundCurrency() {
        return afterSales != null && afterSales.refundCurrency() != null ? afterSales.refundCurrency() : currency;
    }

    /** Units ordered, over every line. */
    public int unitsOrdered() {
        return lines.stream().mapToInt(Line::quantity).sum();
    }

    /** The storefront or partner the order came through: "partner Nguyễn Thị Lan (p-lan)", "storefront demo-shop". */
    public String placedThrough() {
        if (source == null) {
            return "";
        }
        if (source.partnerId() != null) {
            return "partner " + (source.partnerName() == null ? source.partnerId()
                    : source.partnerName() + " (" + source.partnerId() + ")");
        }
        return source.storefrontId() == null ? "" : "storefront " + source.storefrontId();
    }

    /**
     * What the console offers on the order now: of the operator's actions, those order-service's
     * {@code allowedActions} list (never one it would refuse), and reroute while its suppliers have it
     * and have not shipped ({@link OrderAction#offered}).
     */
    public List<OrderAction> offered() {
        return OrderAction.offered(knownStatus(), allowedActions);
    }

    /** The order's status as the contract names it; null for one this console does not know. */
    private OrderStatus knownStatus() {
        return Arrays.stream(OrderStatus.values()).filter(s -> s.name().equals(status)).findFirst().orElse(null);
    }

    private static int zeroIfAbsent(Integer units) {
        return units == null ? 0 : units;
    }

    private static <T> List<T> listOf(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }
}
