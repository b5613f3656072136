package com.openfulfil.dropship.local.bench;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.fixtures.SampleEvents;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.partner.CommissionEarned;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.supplier.DispatchRequested;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class EventFieldsTest {
    private final EventSerde serde = new EventSerde();

    private <T extends Event> T sample(Class<T> type) {
        return SampleEvents.all().stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }

    @Test
    void readsAStatusChangeWithoutTheOrderItCarries() {
        OrderStatusChanged changed = sample(OrderStatusChanged.class);

        EventFields fields = EventFields.read(serde.serialize("orders.lifecycle", changed)).orElseThrow();

        assertThat(fields).isEqualTo(new EventFields("OrderStatusChanged", changed.orderId(), changed.to().name(), null,
                changed.occurredAt().toEpochMilli()));
    }

    @Test
    void readsTheSupplierOfADispatchAndTheTimeOfACommission() {
        DispatchRequested dispatch = sample(DispatchRequested.class);
        CommissionEarned commission = sample(CommissionEarned.class);

        assertThat(EventFields.read(serde.serialize("t", dispatch)).orElseThrow().supplierId())
                .isEqualTo(dispatch.supplierId());
        assertThat(EventFields.read(serde.serialize("t", commission)).orElseThrow())
                .extracting(EventFields::type, EventFields::orderId, EventFields::occurredAtMillis)
                .containsExactly("CommissionEarned", commission.orderId(), commission.occurredAt().toEpochMilli());
    }

    @Test
    void ignoresNestedFieldsOfTheSameName() {
        String json = "{\"type\":\"OrderStatusChanged\",\"order\":{\"orderId\":\"inner\",\"to\":\"X\"},"
                + "\"orderId\":\"outer\",\"to\":\"PLACED\",\"occurredAt\":\"2026-01-02T03:04:05.678Z\"}";

        EventFields fields = EventFields.read(json.getBytes(StandardCharsets.UTF_8)).orElseThrow();

        assertThat(fields.orderId()).isEqualTo("outer");
        assertThat(fields.to()).isEqualTo("PLACED");
        assertThat(fields.occurredAtMillis()).isEqualTo(1767323045678L);
    }

    @Test
    void stopsReadingOnceItHasWhatItNeedsSoTheOrderAfterItIsNeverParsed() {
        // a broken tail proves the parser never got there
        String json = "{\"type\":\"OrderStatusChanged\",\"occurredAt\":\"2026-01-02T03:04:05.678Z\","
                + "\"orderId\":\"o-1\",\"from\":\"PLACED\",\"to\":\"CONFIRMED\",\"order\":{\"lines\":[ not json";

        EventFields fields = EventFields.read(json.getBytes(StandardCharsets.UTF_8)).orElseThrow();

        assertThat(fields).isEqualTo(new EventFields("OrderStatusChanged", "o-1", "CONFIRMED", null, 1767323045678L));
    }

    @Test
    void anEventInAnotherEncodingIsDecodedWithTheContractsSerde() {
        CommissionEarned commission = sample(CommissionEarned.class);
        // what a reader sees of a value that is not JSON: it goes to the serde, which names what is wrong
        byte[] notJson = {0x01, 0x02, 0x03};

        assertThat(EventFields.of(commission)).isEqualTo(new EventFields("CommissionEarned", commission.orderId(), null,
                null, commission.occurredAt().toEpochMilli()));
        assertThat(EventFields.read("commissions.ledger", null, notJson)).isEmpty();
    }

    @Test
    void somethingThatIsNotAnEventObjectIsUnreadable() {
        assertThat(EventFields.read("[1,2]".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(EventFields.read("{\"orderId\":\"o\"}".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(EventFields.read("{not json".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(EventFields.read(null)).isEmpty();
    }
}
