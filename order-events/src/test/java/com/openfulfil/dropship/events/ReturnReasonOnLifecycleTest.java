package com.openfulfil.dropship.events;

import com.openfulfil.dropship.events.fixtures.OrderFixtures;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.model.ReturnReason;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.serde.EventSerde;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** A move to RETURN_REQUESTED says why, so supplier-gateway can count wrong or missing items (R3.6). */
class ReturnReasonOnLifecycleTest {
    private final EventSerde serde = new EventSerde();

    @Test
    void aReturnRequestCarriesItsReasonAndOtherMovesDoNot() {
        OrderStatusChanged returning = new OrderStatusChanged("evt-r", OrderFixtures.T0, "ord-1", OrderStatus.DELIVERED,
                OrderStatus.RETURN_REQUESTED, "return requested", OrderFixtures.anOrder().build().order(), null,
                ReturnReason.MISSING_ITEM);
        byte[] json = serde.serialize("t", returning);

        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"returnReason\":\"MISSING_ITEM\"");
        assertThat(serde.deserialize("t", json)).isEqualTo(returning);
        assertThat(new String(serde.serialize("t", new OrderStatusChanged("evt-c", OrderFixtures.T0, "ord-1",
                OrderStatus.DELIVERED, OrderStatus.COMPLETED, "done", returning.order())), StandardCharsets.UTF_8))
                .doesNotContain("returnReason");
    }

    @Test
    void onlyWrongOrMissingItemsArePickingErrors() {
        assertThat(ReturnReason.values()).filteredOn(ReturnReason::isPickingError)
                .containsExactlyInAnyOrder(ReturnReason.WRONG_ITEM, ReturnReason.MISSING_ITEM);
    }
}
