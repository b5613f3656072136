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
 * @param email        null until the order's customer is known
 * @param waiting      messages waiting for the customer to be known
 * @param storefrontId the store the customer bought from (null for a partner's order)
 * @param phone        the customer's phone number, if they gave one
 */
public record Recipient(String name, String email, String locale, Priority priority, String orderReference,
                        List<Notice> waiting, String storefrontId, String phone) {
    public Recipient {
        waiting = waiting == null ? List.of() : List.copyOf(waiting);
    }

    public static Recipient unknown() {
        return new Recipient(null, null, null, null, null, List.of(), null, null);
    }

    public boolean known() {
        return email != null;
    }

    /** The order's customer; the order is named by the storefront's own reference when it has one. */
    public Recipient of(String orderId, OrderDetails order) {
        Customer customer = order.customer();
        String reference = order.source() != null && order.source().externalRef() != null
                ? order.source().externalRef() : orderId;
        String storefrontId = order.source() != null ? order.source().storefrontId() : null;
        return new Recipient(customer.name(), customer.email(), customer.locale(), order.priority(), reference,
                waiting, storefrontId, customer.phone());
    }

    public Recipient waitingFor(List<Notice> more) {
        List<Notice> all = new ArrayList<>(waiting);
        all.addAll(more);
        return new Recipient(name, email, locale, priority, orderReference, all, storefrontId, phone);
    }

    public Recipient withNothingWaiting() {
        return new Recipient(name, email, locale, priority, orderReference, List.of(), storefrontId, phone);
    }
}
