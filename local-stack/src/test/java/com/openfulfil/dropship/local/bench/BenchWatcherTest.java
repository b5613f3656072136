package com.openfulfil.dropship.local.bench;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.fixtures.SampleEvents;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.partner.CommissionEarned;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.supplier.CancellationRequested;
import com.openfulfil.dropship.events.supplier.DispatchRequested;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What the watcher makes of the records it reads, and which of them it has to decode. */
class BenchWatcherTest {
    private static final List<String> SUPPLIERS = List.of("lodz-linen", "porto-cork");
    private final EventSerde serde = new EventSerde();
    private final OrderBook book = new OrderBook();
    private final List<Track> delivered = new ArrayList<>();
    // never started: records are handed to it directly, no broker needed
    private final BenchWatcher watcher = new BenchWatcher("127.0.0.1:1", SUPPLIERS, book, delivered::add);

    @AfterEach
    void close() {
        watcher.close();
    }

    private static <T extends Event> T sample(Class<T> type) {
        return SampleEvents.all().stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }

    private ConsumerRecord<String, byte[]> record(String topic, String key, Event event, boolean withType) {
        RecordHeaders headers = new RecordHeaders();
        byte[] value = withType ? serde.serialize(topic, headers, event) : serde.serialize(topic, event);
        return new ConsumerRecord<>(topic, 0, 0, ConsumerRecord.NO_TIMESTAMP, TimestampType.NO_TIMESTAMP_TYPE,
                ConsumerRecord.NULL_SIZE, value.length, key, value, headers, Optional.empty());
    }

    private static OrderStatusChanged delivered(String orderId) {
        OrderStatusChanged s = sample(OrderStatusChanged.class);
        return new OrderStatusChanged(s.eventId(), s.occurredAt(), orderId, OrderStatus.IN_TRANSIT,
                OrderStatus.DELIVERED, null, s.order());
    }

    @Test
    void aDispatchIsCountedForTheSupplierWhoseTopicItIsOnWithoutDecodingIt() {
        DispatchRequested dispatch = sample(DispatchRequested.class);
        ConsumerRecord<String, byte[]> typed = record("supplier.porto-cork.dispatch", "o-1", dispatch, true);
        // the value is never read: a broken one changes nothing
        ConsumerRecord<String, byte[]> broken = new ConsumerRecord<>(typed.topic(), 0, 1, ConsumerRecord.NO_TIMESTAMP,
                TimestampType.NO_TIMESTAMP_TYPE, ConsumerRecord.NULL_SIZE, 3, "o-2", new byte[]{1, 2, 3},
                typed.headers(), Optional.empty());

        watcher.apply(typed);
        watcher.apply(broken);

        assertThat(book.track("o-1").dispatches(1)).isEqualTo(1);
        assertThat(book.track("o-2").dispatches(1)).isEqualTo(1);
        assertThat(watcher.decoded()).isZero();
        assertThat(watcher.unreadable()).isZero();
    }

    @Test
    void eventsItDoesNotCountAreSkippedByTheirHeader() {
        watcher.apply(record("supplier.lodz-linen.dispatch", "o-3", sample(CancellationRequested.class), true));

        assertThat(watcher.recordsRead()).isEqualTo(1);
        assertThat(watcher.decoded()).isZero();
        assertThat(book.size()).isZero();
    }

    @Test
    void aStatusChangeAndACommissionAreReadAndADeliveryAnnounced() {
        OrderStatusChanged change = delivered("o-4");
        CommissionEarned commission = sample(CommissionEarned.class);

        watcher.apply(record("orders.lifecycle", "o-4", change, true));
        watcher.apply(record("commissions.ledger", commission.partnerId(), commission, true));

        assertThat(book.track("o-4").count(OrderStatus.DELIVERED)).isEqualTo(1);
        assertThat(book.track("o-4").first(OrderStatus.DELIVERED)).isEqualTo(change.occurredAt().toEpochMilli());
        assertThat(delivered).extracting(t -> t.orderId).containsExactly("o-4");
        assertThat(book.track(commission.orderId()).commissions()).isEqualTo(1);
        assertThat(watcher.decoded()).isEqualTo(2);
    }

    @Test
    void aRecordWithoutTheTypeHeaderIsReadAsAWhole() {
        DispatchRequested dispatch = sample(DispatchRequested.class);

        watcher.apply(record("orders.lifecycle", "o-5", delivered("o-5"), false));
        watcher.apply(record("supplier.lodz-linen.dispatch", dispatch.orderId(), dispatch, false));

        assertThat(book.track("o-5").count(OrderStatus.DELIVERED)).isEqualTo(1);
        assertThat(book.track(dispatch.orderId()).dispatches(0)).isEqualTo(1);
        assertThat(watcher.decoded()).isEqualTo(2);
    }

    @Test
    void aDispatchOnATopicOutsideTheCatalogCountsAsAnotherSupplier() {
        watcher.apply(record("supplier.elsewhere.dispatch", "o-6", sample(DispatchRequested.class), true));

        assertThat(book.track("o-6").otherDispatches()).isEqualTo(1);
    }
}
