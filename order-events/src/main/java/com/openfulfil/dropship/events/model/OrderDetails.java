package com.openfulfil.dropship.events.model;

import com.openfulfil.dropship.events.Invariants;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The order as placed: everything a later stage needs to fulfil it, travelling with the events.
 *
 * @param paymentReference the payment provider's id of the customer's payment (a Stripe PaymentIntent
 *                         {@code pi_...}), which a refund is paid back against; absent when the storefront
 *                         did not give one, and such an order is refunded offline
 */
public record OrderDetails(OrderSource source, String currency, Customer customer, Address shipTo,
                          List<OrderLine> lines, Priority priority, PaymentStatus paymentStatus,
                          SpecialRequests requests, String paymentReference) {
    public OrderDetails {
        lines = List.copyOf(Invariants.notEmpty(lines, "lines"));
    }

    /** An order placed without a payment reference. */
    public OrderDetails(OrderSource source, String currency, Customer customer, Address shipTo, List<OrderLine> lines,
                        Priority priority, PaymentStatus paymentStatus, SpecialRequests requests) {
        this(source, currency, customer, shipTo, lines, priority, paymentStatus, requests, null);
    }

    /** The same order shipping to {@code address} instead (an address changed before dispatch). */
    public OrderDetails withShipTo(Address address) {
        return new OrderDetails(source, currency, customer, address, lines, priority, paymentStatus, requests,
                paymentReference);
    }

    /** The order's line {@code lineNo}, if it has one. */
    public Optional<OrderLine> line(int lineNo) {
        return lines.stream().filter(l -> l.lineNo() == lineNo).findFirst();
    }

    /** What the customer paid: each line's sale price times its quantity. */
    public BigDecimal total() {
        return lines.stream().map(l -> l.salePrice().multiply(BigDecimal.valueOf(l.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
