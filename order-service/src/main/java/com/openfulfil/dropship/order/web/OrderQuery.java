package com.openfulfil.dropship.order.web;

import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.order.domain.OrderRecord;

import java.util.Comparator;
import java.util.Set;

/**
 * Which orders a list asks for: the caller's own (a storefront's, a partner's, or all for the
 * admin), in some states, newest first, at most {@code limit}.
 */
record OrderQuery(Caller.Kind ownerKind, String ownerId, Set<OrderStatus> statuses, int limit) {
    static final Comparator<OrderRecord> NEWEST_FIRST = Comparator
            .comparing(OrderRecord::placedAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(OrderRecord::orderId);

    OrderQuery {
        statuses = Set.copyOf(statuses);
    }

    boolean matches(OrderRecord order) {
        return order.isPlaced() && OrderCommands.owns(new Caller(ownerKind, ownerId, ownerId), order)
                && (statuses.isEmpty() || statuses.contains(order.status()));
    }
}
