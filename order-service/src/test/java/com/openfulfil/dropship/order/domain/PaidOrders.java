package com.openfulfil.dropship.order.domain;

import com.openfulfil.dropship.events.fixtures.OrderFixtures;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.order.OrderPlaced;

import java.time.Instant;

/** The order the refund tests share: 2 mugs at 12.50 on line 1 and a lamp at 39.00 on line 2, paid through the provider. */
final class PaidOrders {
    static final String PAYMENT = "pi_3MtwBwLkdIwHu7ix28a3tqPa";

    private PaidOrders() {
    }

    static OrderPlaced mugsAndLamp(String orderId) {
        return OrderFixtures.anOrder().withOrderId(orderId).withPaymentReference(PAYMENT)
                .withLine("MUG-001", 2, "12.50").withLine("LAMP-010", 1, "39.00").build();
    }

    /** {@link #mugsAndLamp} accepted and then stopped in EXCEPTION (a parcel lost in transit). */
    static OrderRecord mugsAndLampInException(String orderId, Instant now) {
        return OrderRecord.accepted(orderId, mugsAndLamp(orderId).order(), now)
                .moveTo(OrderStatus.EXCEPTION, now, "lost in transit");
    }
}
