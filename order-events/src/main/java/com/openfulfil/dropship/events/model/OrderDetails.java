package com.openfulfil.dropship.events.model;

import com.openfulfil.dropship.events.Invariants;
import java.util.List;

/** The order as placed: everything a later stage needs to fulfil it, travelling with the events. */
public record OrderDetails(OrderSource source, String currency, Customer customer, Address shipTo,
                          List<OrderLine> lines, Priority priority, PaymentStatus paymentStatus,
                          SpecialRequests requests) {
    public OrderDetails {
        lines = List.copyOf(Invariants.notEmpty(lines, "lines"));
    }
}
