package com.openfulfil.dropship.local.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TopicVolumeTest {
    private static final Map<String, Long> BEFORE = Map.of("orders.lifecycle", 100L, "__consumer_offsets", 50L,
            "order-service-orders-changelog", 10L, "supplier.lodz-linen.dispatch", 0L, "catalog.feed", 5L);
    private static final Map<String, Long> AFTER = Map.of("orders.lifecycle", 1100L, "__consumer_offsets", 350L,
            "order-service-orders-changelog", 610L, "supplier.lodz-linen.dispatch", 100L, "catalog.feed", 5L,
            "orders.placed.order-service.dlq", 2L);

    @Test
    void everyTopicThatGrewIsListedPerOrderTheMostWrittenFirst() {
        Map<String, Double> perTopic = TopicVolume.perTopic(BEFORE, AFTER, 100);

        assertThat(perTopic).containsExactly(Map.entry("orders.lifecycle", 10.0),
                Map.entry("order-service-orders-changelog", 6.0), Map.entry("__consumer_offsets", 3.0),
                Map.entry("supplier.lodz-linen.dispatch", 1.0), Map.entry("orders.placed.order-service.dlq", 0.02));
    }

    @Test
    void theTotalsGroupTheEventPathStreamsOwnTopicsAndKafkasOwn() {
        Map<String, Double> perOrder = TopicVolume.perOrder(BEFORE, AFTER, 100, List.of("lodz-linen"));

        assertThat(perOrder).containsEntry("event path", 11.0)
                .containsEntry("changelog and repartition topics", 6.0)
                .containsEntry("consumer offsets and transaction state", 3.0)
                .containsEntry(BenchResults.ALL_TOPICS, 20.02);
    }

    @Test
    void noOrdersNoFigures() {
        assertThat(TopicVolume.perTopic(BEFORE, AFTER, 0)).isEmpty();
        assertThat(TopicVolume.perOrder(BEFORE, AFTER, 0, List.of())).isEmpty();
    }
}
