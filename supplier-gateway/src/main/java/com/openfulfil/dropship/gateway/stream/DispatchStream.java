package com.openfulfil.dropship.gateway.stream;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.gateway.config.GatewayProperties;
import com.openfulfil.dropship.support.kafka.PartitionCounts;
import com.openfulfil.dropship.support.streams.Locality;
import org.apache.kafka.streams.kstream.KStream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.function.BiConsumer;

/**
 * The function bean {@code dispatch}: {@code dispatch-in-0} is orders.allocations, orders.lifecycle, fulfilment.commands
 * and fulfilment.by-supplier ({@link DispatchTopology#INPUTS}),
 * {@code dispatch-in-1} every supplier's updates topic (a pattern, so a new supplier needs no rebinding).
 */
@Configuration(proxyBeanMethods = false)
class DispatchStream {

    @Bean
    BiConsumer<KStream<String, Event>, KStream<String, Event>> dispatch(GatewayProperties properties,
                                                                        PartitionCounts partitions) {
        DispatchSettings settings = new DispatchSettings(properties.supplierIds(), properties.branding().packing(),
                properties.slaTerms(), Duration.ofMinutes(1), properties.countries())
                .withReturns(properties.returnTerms());
        return (orders, updates) -> DispatchTopology.build(orders, updates, settings,
                context -> Locality.of(context, partitions.of(Topics.FULFILMENT_BY_SUPPLIER.name())));
    }
}
