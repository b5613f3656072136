package com.openfulfil.dropship.catalog.stream;

import com.openfulfil.dropship.catalog.config.CatalogProperties;
import com.openfulfil.dropship.catalog.domain.CatalogPolicy;
import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.topics.TopicSpec;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.kafka.PartitionCounts;
import com.openfulfil.dropship.support.streams.Locality;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * catalog-service's stream ({@code inventory}, application id {@code catalog-service}): one processor
 * owns the products (keyed by sku) and the orders' allocations (keyed by orderId) of its task. On
 * one partition every product is in the task that reads an order, so an order is allocated in one
 * step; on more, a line whose product another task owns is asked for through
 * {@code catalog.reservation-requests} and answered on {@code catalog.reservation-results}, which
 * this stream both writes and reads, so a product's stock is only ever changed by the task that owns it.
 */
@Configuration
public class CatalogTopology {
    /** The products' store (key sku), read by the product API. */
    public static final String INVENTORY_STORE = "inventory";
    /** The orders' allocation store (key orderId). */
    public static final String ALLOCATIONS_STORE = "allocations";
    /** Every topic the stream reads; {@code application.yml} lists the same as the binding's destination. */
    public static final List<String> INPUTS = List.of(Topics.CATALOG_FEED, Topics.ORDERS_PLACED,
            Topics.RESERVATION_REQUESTS, Topics.RESERVATION_RESULTS, Topics.FULFILMENT_EVENTS,
            Topics.ORDERS_LIFECYCLE).stream().map(TopicSpec::name).toList();

    @Bean
    public Consumer<KStream<String, Event>> inventory(CatalogProperties properties, PartitionCounts partitions) {
        return events -> build(events, properties.policy(), properties.stockPublishInterval(),
                context -> Locality.of(context, partitions.of(Topics.RESERVATION_REQUESTS.name())));
    }

    public static void build(KStream<String, Event> events, CatalogPolicy policy, Duration stockPublishInterval,
                             Function<ProcessorContext<?, ?>, Locality> localities) {
        // feed rows, orders, stock requests and answers, shipments and order endings: one processor, one task's state
        events.filter((key, event) -> CatalogProcessor.handles(event))
                .process(CatalogProcessor.supplier(policy, stockPublishInterval, localities), Named.as("catalog-processor"))
                // each event goes to the topic the registry declares for its type
                .to(OutputTopics::topicFor, Produced.with(Serdes.String(), new EventSerde()));
    }
}
