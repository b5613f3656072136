package com.openfulfil.dropship.events;

import com.openfulfil.dropship.events.order.OrderPlaced;
import com.openfulfil.dropship.events.serde.EventSerde;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Poison messages fail to read with a reason, so the services' handlers can send them to the DLQ. */
class SerdeRejectionTest {
    private final EventSerde serde = new EventSerde();

    private Event read(String json) {
        return serde.deserialize("orders.placed", json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void refusesBrokenJson() {
        assertThatThrownBy(() -> read("{\"type\":\"OrderPlaced\",")).isInstanceOf(SerializationException.class)
                .hasMessageContaining("orders.placed");
    }

    @Test
    void refusesAnUnknownEventType() {
        assertThatThrownBy(() -> read("{\"type\":\"OrderTeleported\",\"eventId\":\"e\",\"occurredAt\":\"2026-11-02T09:15:00Z\"}"))
                .isInstanceOf(SerializationException.class).hasMessageContaining("OrderTeleported");
    }

    @Test
    void refusesAnOrderEventWithoutOrderId() {
        assertThatThrownBy(() -> read(order("\"\"", "2"))).isInstanceOf(SerializationException.class)
                .hasMessageContaining("no orderId");
    }

    @Test
    void refusesImpossibleValues() {
        assertThatThrownBy(() -> read(order("\"o-1\"", "-3"))).isInstanceOf(SerializationException.class)
                .hasMessageContaining("quantity");
    }

    @Test
    void ignoresFieldsItDoesNotKnow() {
        Event event = read(order("\"o-1\"", "2").replace("\"order\":", "\"addedLater\":true,\"order\":"));
        assertThat(event).isInstanceOf(OrderPlaced.class);
    }

    @Test
    void readsATombstoneAsNull() {
        assertThat(serde.deserialize("catalog.products", null)).isNull();
    }

    private static String order(String orderId, String quantity) {
        return """
                {"type":"OrderPlaced","eventId":"e-1","occurredAt":"2026-11-02T09:15:00Z","orderId":%s,
                 "order":{"currency":"USD","lines":[{"lineNo":1,"sku":"MUG-001","quantity":%s,
                 "retailPrice":"12.50","salePrice":"12.50"}]}}
                """.formatted(orderId, quantity);
    }
}
