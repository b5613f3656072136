package com.openfulfil.dropship.ops.stream;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.catalog.BackInStock;
import com.openfulfil.dropship.events.catalog.LowStock;
import com.openfulfil.dropship.events.catalog.OutOfStock;
import com.openfulfil.dropship.events.fixtures.OrderFixtures;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.model.RejectionReason;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.supplier.DispatchSent;
import com.openfulfil.dropship.events.supplier.SupplierAccepted;
import com.openfulfil.dropship.events.supplier.SupplierRejected;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.ops.domain.Funnel;
import com.openfulfil.dropship.ops.domain.OrderTrack;
import com.openfulfil.dropship.ops.domain.StockLevel;
import com.openfulfil.dropship.ops.domain.SupplierTally;
import com.openfulfil.dropship.support.testing.TopologyHarness;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PipelineWatcherTest {
    private static final Instant T0 = OrderFixtures.T0;

    private static TopologyHarness harness() {
        return TopologyHarness.of(builder -> {
            KStream<String, Event> events = builder.stream(List.of(Topics.ORDERS_LIFECYCLE.name(),
                    Topics.STOCK_ALERTS.name(), Topics.FULFILMENT_EVENTS.name()));
            new ConsoleTopology().watch().accept(events);
        });
    }

    private static OrderStatusChanged moved(String orderId, String eventId, OrderStatus from, OrderStatus to) {
        return new OrderStatusChanged(eventId, T0, orderId, from, to, "test",
                OrderFixtures.anOrder().withOrderId(orderId).details());
    }

    @Test
    void theFunnelCountsEachOrderInItsCurrentStatusOnce() {
        try (TopologyHarness h = harness()) {
            h.pipe(Topics.ORDERS_LIFECYCLE, moved("o1", "e1", null, OrderStatus.PLACED))
                    .pipe(Topics.ORDERS_LIFECYCLE, moved("o2", "e2", null, OrderStatus.PLACED))
                    .pipe(Topics.ORDERS_LIFECYCLE, moved("o1", "e3", OrderStatus.PLACED, OrderStatus.CONFIRMED))
                    .pipe(Topics.ORDERS_LIFECYCLE, moved("o1", "e3", OrderStatus.PLACED, OrderStatus.CONFIRMED));

            KeyValueStore<String, Long> counts = h.store(ConsoleStores.FUNNEL);
            List<Map.Entry<String, Long>> entries = new ArrayList<>();
            counts.all().forEachRemaining((KeyValue<String, Long> kv) -> entries.add(Map.entry(kv.key, kv.value)));
            Funnel funnel = Funnel.of(entries);
            assertThat(funnel.total()).isEqualTo(2);
            assertThat(funnel.stages()).contains(new Funnel.Stage(OrderStatus.PLACED, 1),
                    new Funnel.Stage(OrderStatus.CONFIRMED, 1), new Funnel.Stage(OrderStatus.SHIPPED, 0));
            OrderTrack o1 = h.<OrderTrack>store(ConsoleStores.ORDERS).get("o1");
            assertThat(o1.history()).extracting(OrderTrack.Step::status)
                    .containsExactly(OrderStatus.PLACED, OrderStatus.CONFIRMED);
        }
    }

    @Test
    void stockShowsProductsLowOrOutUntilTheyAreBackAboveTheirLevel() {
        try (TopologyHarness h = harness()) {
            h.pipe(Topics.STOCK_ALERTS, "MUG-001", new LowStock("a1", T0, "MUG-001", 4, 5))
                    .pipe(Topics.STOCK_ALERTS, "LAMP-010", new LowStock("a2", T0, "LAMP-010", 2, 5))
                    .pipe(Topics.STOCK_ALERTS, "LAMP-010", new OutOfStock("a3", T0, "LAMP-010", 0, 5))
                    .pipe(Topics.STOCK_ALERTS, "MUG-001", new BackInStock("a4", T0, "MUG-001", 40, 5));

            KeyValueStore<String, StockLevel> stock = h.store(ConsoleStores.STOCK);
            assertThat(stock.get("MUG-001")).isNull();
            assertThat(stock.get("LAMP-010").level()).isEqualTo(StockLevel.Level.OUT_OF_STOCK);
        }
    }

    @Test
    void suppliersAreTalliedFromFulfilmentEvents() {
        try (TopologyHarness h = harness()) {
            h.pipe(Topics.FULFILMENT_EVENTS, new DispatchSent("f1", T0, "o1", "d1", "hanoi-crafts", List.of()))
                    .pipe(Topics.FULFILMENT_EVENTS, new SupplierAccepted("f2", T0, "o1", "d1", "hanoi-crafts"))
                    .pipe(Topics.FULFILMENT_EVENTS, new DispatchSent("f3", T0, "o2", "d2", "hanoi-crafts", List.of()))
                    .pipe(Topics.FULFILMENT_EVENTS, new SupplierRejected("f4", T0, "o2", "d2", "hanoi-crafts",
                            RejectionReason.OUT_OF_STOCK, "none left"));

            SupplierTally tally = h.<SupplierTally>store(ConsoleStores.SUPPLIERS).get("hanoi-crafts");
            assertThat(tally).isEqualTo(new SupplierTally("hanoi-crafts", 2, 1, 1, 0, 0));
            assertThat(tally.rejectionRate()).isEqualTo(0.5);
        }
    }
}
