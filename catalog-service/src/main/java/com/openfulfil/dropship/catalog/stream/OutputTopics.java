package com.openfulfil.dropship.catalog.stream;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.topics.TopicSpec;
import com.openfulfil.dropship.events.topics.Topics;
import org.apache.kafka.streams.processor.RecordContext;

import java.util.List;

/** Where each event catalog-service writes goes: the registry topic whose value type carries it. */
final class OutputTopics {
    private static final List<TopicSpec> OUTPUTS = List.of(Topics.CATALOG_PRODUCTS, Topics.STOCK_ALERTS,
            Topics.RESERVATION_REQUESTS, Topics.RESERVATION_RESULTS, Topics.ORDER_ALLOCATIONS);

    private OutputTopics() {
    }

    static String topicFor(String key, Event event, RecordContext context) {
        return OUTPUTS.stream().filter(t -> t.valueType().isInstance(event)).findFirst()
                .map(TopicSpec::name)
                .orElseThrow(() -> new IllegalStateException("No output topic carries " + event.getClass().getSimpleName()));
    }
}
