package com.openfulfil.dropship.events;

import com.openfulfil.dropship.events.fixtures.OrderFixtures;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.serde.EventSerde;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A move to REFUNDED says how much was refunded; other transitions leave the field out. */
class RefundTransitionTest {
    private final EventSerde serde = new EventSerde();

    @Test
    void theRefundedAmountTravelsAsAString() {
        OrderStatusChanged refunded = new OrderStatusChanged("evt-r", Instant.EPOCH, "ord-1", OrderStatus.RETURNED,
                OrderStatus.REFUNDED, "refunded", OrderFixtures.anOrder().details(), new BigDecimal("15.00"));

        byte[] json = serde.serialize("t", refunded);

        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"refundAmount\":\"15.00\"");
        assertThat(serde.deserialize("t", json)).isEqualTo(refunded);
    }

    @Test
    void otherTransitionsCarryNoRefund() {
        OrderStatusChanged completed = new OrderStatusChanged("evt-c", Instant.EPOCH, "ord-1", OrderStatus.DELIVERED,
                OrderStatus.COMPLETED, "completed", OrderFixtures.anOrder().details());

        byte[] json = serde.serialize("t", completed);

        assertThat(new String(json, StandardCharsets.UTF_8)).doesNotContain("refundAmount");
        assertThat(((OrderStatusChanged) serde.deserialize("t", json)).refundAmount()).isNull();
    }
}
