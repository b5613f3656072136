package com.openfulfil.dropship.catalog.stream;

import com.openfulfil.dropship.catalog.config.CatalogProperties;
import com.openfulfil.dropship.catalog.domain.CatalogPolicy;
import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.topics.TopicSpec;
import com.openfulfil.dropship.events.topics.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.function.Consumer;

/**
 * catalog-service's stream ({@code inventory}, application id {@code catalog-service}). Two
 * processors share the input: the inventory processor owns each product's stock (keyed by sku),
 * the allocation processor owns each order's allocation (keyed by orderId). They talk through
 * {@code catalog.reservation-requests} and {@code catalog.reservation-results}, which this stream
 * both writes and reads, so a product's stock is only ever changed by the one task that owns it.
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
    public Consumer<KStream<String, Event>> inventory(CatalogProperties properties) {
        return events -> build(events, properties.policy());
    }

    public static void build(KStream<String, Event> events, CatalogPolicy policy) {
        // feed rows and per-line stock requests, keyed by sku: the product's stock
        KStream<String, Event> stock = events.filter((sku, event) -> InventoryProcessor.handles(event))
                .process(InventoryProcessor.supplier(policy), Named.as("inventory-processor"));
        // orders, per-line answers, shipments and cancellations, keyed by orderId: the order's allocation
        KStream<String, Event> allocations = events.filter((orderId, event) -> AllocationProcessor.handles(event))
                .process(AllocationProcessor.supplier(), Named.as("allocation-processor"));
        // each event goes to the topic the registry declares for its type
        stock.merge(allocations).to(OutputTopics::topicFor, Produced.with(Serdes.String(), new EventSerde()));
    }
}
