package com.openfulfil.dropship.local.bench;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.EventHeaders;
import com.openfulfil.dropship.events.fixtures.SampleEvents;
import com.openfulfil.dropship.events.catalog.ProductUpdated;
import com.openfulfil.dropship.events.order.OrderPlaced;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.supplier.DispatchRequested;
import com.openfulfil.dropship.events.tracking.CarrierCheckpoint;
import com.openfulfil.dropship.events.tracking.ParcelRegistered;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
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
        return RelayPath.of("p" + events, Collections.nCopies(events, any), Collections.nCopies(events, "orders.placed"));
    }

    @Test
    void aPathOfNEventsIsNMinusOneHopsAndNRecords() {
        RelayPath path = path(38);

        assertThat(path.hops()).isEqualTo(37);
        assertThat(path.messages()).isEqualTo(38);
    }

    @Test
    void aRelayCopiesTheTopicsThePathsUseEachOnce() {
        List<RelayPath> paths = List.of(path(30), path(45), path(36),
                RelayPath.of("two", List.of(sample(OrderPlaced.class), sample(OrderStatusChanged.class)),
                        List.of("orders.placed", "orders.lifecycle")));

        assertThat(RelayPath.topics(paths)).containsExactly("orders.placed", "orders.lifecycle");
        assertThat(RelayPath.minHops(paths)).isEqualTo(1);
        assertThat(RelayPath.maxHops(paths)).isEqualTo(44);
        assertThat(RelayPath.meanMessages(paths)).isEqualTo(28.25);
        assertThat(Relay.topic(Relay.Kind.CODEC, "orders.lifecycle")).isEqualTo("bench.relay.codec.orders.lifecycle");
    }

    @Test
    void aPathWrittenAsThePipelineWritesItCarriesEachEventsBytesAndTypeHeader() {
        OrderPlaced placed = sample(OrderPlaced.class);

        RelayPath path = RelayPath.of("p", List.of(placed), List.of("orders.placed"));

        RelayPath.Step step = path.steps().get(0);
        assertThat(serde.deserialize("orders.placed", step.value())).isEqualTo(placed);
        assertThat(step.headers()).extracting(h -> h.key()).contains(EventHeaders.TYPE);
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
        assertThat(path.steps()).extracting(RelayPath.Step::key).containsOnly(placed.orderId());
        assertThat(serde.deserialize("orders.lifecycle", path.steps().get(1).value()))
                .isInstanceOf(OrderStatusChanged.class);
    }

    @Test
    void aRecordOnAnOrderKeyedTopicIsToldByItsKeyWithoutBeingDecoded() {
        OrderPlaced mine = sample(OrderPlaced.class);
        // not an event at all: decoding it would fail, so it must be left out by its key alone
        ConsumerRecord<String, byte[]> someoneElses = new ConsumerRecord<>("orders.lifecycle", 0, 1, "other-order",
                new byte[]{1, 2, 3});

        RelayPath path = PathCapture.path("probe", mine.orderId(), Set.of(),
                List.of(record("orders.placed", mine), someoneElses));

        assertThat(path.events()).containsExactly(mine);
        assertThat(PathCapture.keyedByOrder("supplier.any.dispatch")).isTrue();
        assertThat(PathCapture.keyedByOrder("catalog.reservation-requests")).isFalse();
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
        assertThatThrownBy(() -> RelayPath.of("x", List.of(), List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RelayPath("x", List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    /** A record as the pipeline writes it: keyed by order id where the topic is, with the event-type header. */
    private ConsumerRecord<String, byte[]> record(String topic, Event event) {
        String key = event instanceof com.openfulfil.dropship.events.OrderScoped scoped && PathCapture.keyedByOrder(topic)
                ? scoped.orderId() : "k";
        RecordHeaders headers = new RecordHeaders();
        byte[] value = serde.serialize(topic, headers, event);
        return new ConsumerRecord<>(topic, 0, 0, ConsumerRecord.NO_TIMESTAMP, TimestampType.NO_TIMESTAMP_TYPE,
                ConsumerRecord.NULL_SIZE, value.length, key, value, headers, Optional.empty());
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
