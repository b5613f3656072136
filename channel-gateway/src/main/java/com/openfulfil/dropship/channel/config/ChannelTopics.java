package com.openfulfil.dropship.channel.config;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.serde.Format;
import com.openfulfil.dropship.events.topics.Cleanup;
import com.openfulfil.dropship.events.topics.TopicSpec;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.kafka.ServiceTopics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * The topics only channel-gateway reads and writes, and what it consumes (each consumed topic gets
 * its dead-letter topic). Their values are the gateway's own JSON records, not events of the
 * contract: {@link TopicSpec} names {@link Event} as their type only because it must name one.
 */
@Configuration(proxyBeanMethods = false)
public class ChannelTopics {
    /** What to tell the channels (domain.OutboundCall), keyed by order id or SKU. */
    public static final String OUTBOUND = "channels.outbound";
    /** The channels' changes to their orders (domain.InboundChange), keyed by our order id. */
    public static final String INBOUND = "channels.inbound";
    /** Changes a channel asked for that we refused (domain.ChannelRefusal), keyed by order id: for ops. */
    public static final String REFUSALS = "channels.refusals";

    /** How far each Amazon store's orders have been read (an ISO instant), keyed by store id; compacted. */
    public static final String AMAZON_WATERMARKS = "channels.amazon-watermarks";

    private static final long WEEK = Duration.ofDays(7).toMillis();
    private static final long FOREVER = -1;

    @Bean
    ServiceTopics channelServiceTopics(@Value("${spring.application.name}") String group) {
        List<TopicSpec> own = List.of(
                spec(OUTBOUND, "orderId or sku", WEEK, "Calls to the channels the stream decided, in order per key"),
                spec(INBOUND, "orderId", WEEK, "Channels' cancellations and order edits, from their webhooks"),
                spec(REFUSALS, "orderId", FOREVER, "Channel changes we did not make, and why"),
                new TopicSpec(AMAZON_WATERMARKS, "storeId", String.class, Event.class, Topics.PARTITIONS, Cleanup.COMPACT,
                        FOREVER, "channel-gateway", true, "How far each Amazon store's orders have been read", Format.JSON));
        List<String> consumed = Stream.concat(Stream.of(Topics.ORDERS_PLACED.name(), Topics.ORDERS_LIFECYCLE.name(),
                Topics.FULFILMENT_EVENTS.name(), Topics.CATALOG_PRODUCTS.name()), Stream.of(INBOUND, OUTBOUND)).toList();
        return new ServiceTopics(group, own, consumed);
    }

    private static TopicSpec spec(String name, String key, long retentionMs, String description) {
        return new TopicSpec(name, key, String.class, Event.class, Topics.PARTITIONS, Cleanup.DELETE, retentionMs,
                "channel-gateway", true, description, Format.JSON);
    }
}
