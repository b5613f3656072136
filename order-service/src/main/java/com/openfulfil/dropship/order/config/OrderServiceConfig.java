package com.openfulfil.dropship.order.config;

import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.kafka.ServiceTopics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

@Configuration
class OrderServiceConfig {

    /** The topics order-service reads; each gets a dead-letter topic. */
    @Bean
    ServiceTopics orderServiceTopics() {
        return new ServiceTopics("order-service", List.of(), List.of(Topics.ORDERS_PLACED.name(),
                Topics.ORDER_ALLOCATIONS.name(), Topics.FULFILMENT_EVENTS.name(), Topics.TRACKING_EVENTS.name(),
                Topics.ORDER_COMMANDS.name(), Topics.COMMISSIONS_LEDGER.name(), Topics.CATALOG_PRODUCTS.name(),
                Topics.PARTNERS.name(), Topics.ORDERS_LIFECYCLE.name(), Topics.STOREFRONT_WEBHOOKS.name()));
    }
}
