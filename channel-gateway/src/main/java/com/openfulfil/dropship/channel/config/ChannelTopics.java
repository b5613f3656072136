package com.openfulfil.dropship.channel.config;

import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.kafka.ServiceTopics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * channel-gateway's own topics, by name (the registry, order-events' {@code Topics}, declares them with
 * their partitions and retention), and what it consumes: each consumed topic gets its dead-letter topic.
 */
@Configuration(proxyBeanMethods = false)
public class ChannelTopics {
    /** What to tell the channels (domain.OutboundCall), keyed by order id or SKU. */
    public static final String OUTBOUND = Topics.CHANNELS_OUTBOUND.name();
    /** The channels' changes to their orders (domain.InboundChange), keyed by our order id. */
    public static final String INBOUND = Topics.CHANNELS_INBOUND.name();
    /** Changes a channel asked for that we refused (domain.ChannelRefusal), keyed by order id: for ops. */
    public static final String REFUSALS = Topics.CHANNELS_REFUSALS.name();
    /** How far each Amazon store's orders have been read (an ISO instant), keyed by store id; compacted. */
    public static final String AMAZON_WATERMARKS = Topics.CHANNELS_AMAZON_WATERMARKS.name();
    /** Each order feed sent to an Amazon seller (its document, its feed id), keyed by the call's id; compacted. */
    public static final String AMAZON_FEEDS = Topics.CHANNELS_AMAZON_FEEDS.name();

    /** The topics the gateway reads with a consumer group (its stream and its connector). */
    public static final List<String> CONSUMED = List.of(Topics.ORDERS_PLACED.name(), Topics.ORDERS_LIFECYCLE.name(),
            Topics.FULFILMENT_EVENTS.name(), Topics.CATALOG_PRODUCTS.name(), INBOUND, OUTBOUND);

    @Bean
    ServiceTopics channelServiceTopics(@Value("${spring.application.name}") String group) {
        return new ServiceTopics(group, List.of(), CONSUMED);
    }
}
