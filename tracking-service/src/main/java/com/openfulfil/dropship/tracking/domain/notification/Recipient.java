package com.openfulfil.dropship.tracking.domain.notification;

import com.openfulfil.dropship.events.model.Customer;
import com.openfulfil.dropship.events.model.OrderDetails;
import com.openfulfil.dropship.events.model.Priority;

import java.util.ArrayList;
import java.util.List;

/**
 * An order's customer as the messages need them, and the messages asked for before the order's
 * first status change told us who the customer is (a shipment may be read before it).
 *
 * @param email   null until the order's customer is known
 * @param waiting messages waiting for the customer to be known
 */
public record Recipient(String name, String email, String locale, Priority priority, String orderReference,
                        List<Notice> waiting) {
    public Recipient {
        waiting = waiting == null ? List.of() : List.copyOf(waiting);
    }

    public static Recipient unknown() {
        return new Recipient(null, null, null, null, null, List.of());
    }

    public boolean known() {
        return email != null;
    }

    /** The order's customer; the order is named by the storefront's own reference when it has one. */
    public Recipient of(String orderId, OrderDetails order) {
        Customer customer = order.customer();
        String reference = order.source() != null && order.source().externalRef() != null
                ? order.source().externalRef() : orderId;
        return new Recipient(customer.name(), customer.email(), customer.locale(), order.priority(), reference,
                waiting);
    }

    public Recipient waitingFor(List<Notice> more) {
        List<Notice> all = new ArrayList<>(waiting);
        all.addAll(more);
        return new Recipient(name, email, locale, priority, orderReference, all);
    }

    public Recipient withNothingWaiting() {
        return new Recipient(name, email, locale, priority, orderReference, List.of());
    }
}
