package com.openfulfil.dropship.gateway.config;

import com.openfulfil.dropship.events.topics.TopicSpec;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.kafka.ServiceTopics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.ArrayList;
import java.util.List;

/** The per-supplier topics this service owns, and what it consumes (so each gets its dead-letter topic). */
@Configuration(proxyBeanMethods = false)
class GatewayTopics {

    @Bean
    ServiceTopics gatewayServiceTopics(GatewayProperties properties, @Value("${spring.application.name}") String group) {
        return of(properties, group);
    }

    static ServiceTopics of(GatewayProperties properties, String group) {
        List<TopicSpec> extra = new ArrayList<>();
        List<String> consumed = new ArrayList<>(List.of(Topics.ORDER_ALLOCATIONS.name(), Topics.ORDERS_LIFECYCLE.name(),
                Topics.FULFILMENT_COMMANDS.name(), Topics.FULFILMENT_BY_SUPPLIER.name()));
        for (String id : properties.suppliers().stream().map(GatewayProperties.Supplier::id).toList()) {
            extra.add(Topics.supplierDispatch(id));
            extra.add(Topics.supplierUpdates(id));
            consumed.add(Topics.supplierUpdates(id).name());
        }
        // the HTTP connector reads these dispatch topics and parks what it cannot deliver on their dead-letter topics
        properties.httpSuppliers().forEach(s -> consumed.add(Topics.supplierDispatch(s.id()).name()));
        return new ServiceTopics(group, extra, consumed);
    }
}
