package com.openfulfil.dropship.local.bench;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.fixtures.SampleEvents;
import com.openfulfil.dropship.events.catalog.ProductUpdated;
import com.openfulfil.dropship.events.order.OrderPlaced;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.supplier.DispatchRequested;
import com.openfulfil.dropship.events.tracking.CarrierCheckpoint;
import com.openfulfil.dropship.events.tracking.ParcelRegistered;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RelayPathTest {
    private final EventSerde serde = new EventSerde();

    private static <T extends Event> T sample(Class<T> type) {
        return SampleEvents.all().stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }

    private static RelayPath path(int events) {
        Event any = sample(OrderPlaced.class);
        return new RelayPath("p" + events, Collections.nCopies(events, any),
                Collections.nCopies(events, "orders.placed"));
    }

    @Test
    void aPathOfNEventsIsNMinusOneHopsAndNRecords() {
        RelayPath path = path(38);

        assertThat(path.hops()).isEqualTo(37);
        assertThat(path.messages()).isEqualTo(38);
    }

    @Test
    void theRelayNeedsATopicPerPositionOfTheLongestPath() {
        List<RelayPath> paths = List.of(path(30), path(45), path(36));

        assertThat(RelayPath.topicsNeeded(paths)).isEqualTo(45);
        assertThat(RelayPath.minHops(paths)).isEqualTo(29);
        assertThat(RelayPath.maxHops(paths)).isEqualTo(44);
        assertThat(RelayPath.meanMessages(paths)).isEqualTo(37.0);
        assertThat(RawRelay.topic(44)).isEqualTo("bench.relay.44");
    }

    @Test
    void aCapturedPathPutsTheEventsInTheOrderTheyHappenedWithTheirTopics() {
        OrderPlaced placed = sample(OrderPlaced.class);
        OrderStatusChanged changed = sample(OrderStatusChanged.class);
        DispatchRequested dispatch = sample(DispatchRequested.class);
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        List<ConsumerRecord<String, byte[]>> records = List.of(
                record("supplier.hanoi-crafts.dispatch", withTime(dispatch, t.plusMillis(30))),
                record("orders.placed", withTime(placed, t)),
                record("orders.lifecycle", withTime(changed, t.plusMillis(10))));

        RelayPath path = PathCapture.path("probe", placed.orderId(), Set.of(), records);

        assertThat(path.events()).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("OrderPlaced", "OrderStatusChanged", "DispatchRequested");
        assertThat(path.topics()).containsExactly("orders.placed", "orders.lifecycle", "supplier.hanoi-crafts.dispatch");
        assertThat(path.hops()).isEqualTo(2);
    }

    @Test
    void onABusyPipelineOnlyTheProbesOwnEventsAreKept() {
        OrderPlaced mine = sample(OrderPlaced.class);
        OrderPlaced other = new OrderPlaced("e-other", mine.occurredAt(), "someone-else", mine.order());
        ParcelRegistered registered = new ParcelRegistered("e-r", mine.occurredAt().plusMillis(5), mine.orderId(), "d-1",
                "hanoi-crafts", "VNPOST", "VN000000000001");
        CarrierCheckpoint myParcel = checkpoint("VN000000000001", mine.occurredAt().plusMillis(9));
        CarrierCheckpoint otherParcel = checkpoint("VN000000000002", mine.occurredAt().plusMillis(9));
        ProductUpdated product = sample(ProductUpdated.class);

        RelayPath path = PathCapture.path("probe", mine.orderId(), Set.of(product.sku()), List.of(
                record("orders.placed", mine), record("orders.placed", other),
                record("tracking.registrations", registered), record("tracking.carrier-events", myParcel),
                record("tracking.carrier-events", otherParcel), record("catalog.products", product)));

        assertThat(path.events()).containsExactlyInAnyOrder(mine, registered, myParcel, product);
    }

    private static CarrierCheckpoint checkpoint(String trackingNumber, Instant at) {
        CarrierCheckpoint sample = sample(CarrierCheckpoint.class);
        return new CarrierCheckpoint("e-" + trackingNumber, at, sample.carrier(), trackingNumber, sample.status(),
                sample.checkpoint(), sample.estimatedDelivery());
    }

    @Test
    void aPathNeedsAnEventPerTopic() {
        assertThatThrownBy(() -> new RelayPath("x", List.of(), List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private ConsumerRecord<String, byte[]> record(String topic, Event event) {
        return new ConsumerRecord<>(topic, 0, 0, "k", serde.serialize(topic, event));
    }

    private static Event withTime(OrderPlaced e, Instant at) {
        return new OrderPlaced(e.eventId(), at, e.orderId(), e.order());
    }

    private static Event withTime(OrderStatusChanged e, Instant at) {
        return new OrderStatusChanged(e.eventId(), at, e.orderId(), e.from(), e.to(), e.reason(), e.order());
    }

    private static Event withTime(DispatchRequested e, Instant at) {
        return new DispatchRequested(e.eventId(), at, e.orderId(), e.dispatchId(), e.supplierId(), e.items(), e.shipTo(),
                e.contact(), e.priority(), e.requests(), e.packing());
    }
}
