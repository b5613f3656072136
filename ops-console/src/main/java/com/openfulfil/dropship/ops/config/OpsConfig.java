package com.openfulfil.dropship.ops.config;

import com.openfulfil.dropship.console.config.ServiceAddresses;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.ops.channels.ChannelsAccess;
import com.openfulfil.dropship.ops.channels.ChannelsClient;
import com.openfulfil.dropship.ops.domain.Deadlines;
import com.openfulfil.dropship.ops.domain.PipelineHistory;
import com.openfulfil.dropship.ops.orders.OrderActionsProperties;
import com.openfulfil.dropship.ops.orders.OrderReader;
import com.openfulfil.dropship.support.kafka.ServiceTopics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.List;

@Configuration
public class OpsConfig {
    static final String SERVICE = "ops-console";
    /** How often the charts' history keeps a point, and so how often it is recorded. */
    public static final Duration HISTORY_STEP = Duration.ofSeconds(10);

    /** A poison message on a topic the console watches is parked like any service's. */
    @Bean
    ServiceTopics consoleTopics() {
        return new ServiceTopics(SERVICE, List.of(), List.of(Topics.ORDERS_LIFECYCLE.name(),
                Topics.STOCK_ALERTS.name(), Topics.FULFILMENT_EVENTS.name()));
    }

    /** The charts' last hour: a point every 10 seconds. */
    @Bean
    PipelineHistory pipelineHistory() {
        return new PipelineHistory(HISTORY_STEP, Duration.ofHours(1));
    }

    /** channel-gateway's API for the sales channels page. */
    @Bean
    ChannelsClient channelsClient(ServiceAddresses services, ChannelsAccess access) {
        return new ChannelsClient(services.service("channel-gateway"), access);
    }

    /** order-service's order API for the order page, with the admin key the order actions use. */
    @Bean
    OrderReader orderReader(ServiceAddresses services, OrderActionsProperties properties) {
        return new OrderReader(services.service("order-service"), properties);
    }

    @Bean
    Deadlines deadlines(OpsProperties properties) {
        return new Deadlines(properties.deadlines());
    }
}
