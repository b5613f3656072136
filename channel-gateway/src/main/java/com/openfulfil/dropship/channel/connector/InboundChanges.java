package com.openfulfil.dropship.channel.connector;

import com.openfulfil.dropship.channel.config.ChannelTopics;
import com.openfulfil.dropship.channel.domain.InboundChange;
import com.openfulfil.dropship.events.serde.JsonSerde;

import java.util.Map;

/**
 * Writes the channels' changes onto {@code channels.inbound}, keyed by our order id so each lands in
 * the task that keeps the order. Once {@link #record} returns, the change is durable and the webhook
 * may be answered 200.
 */
public final class InboundChanges implements AutoCloseable {
    private final DurableProducer<InboundChange> producer;

    public InboundChanges(String bootstrapServers, Map<String, Object> security, String clientId) {
        this.producer = new DurableProducer<>(bootstrapServers, security, clientId + "-inbound",
                JsonSerde.of(InboundChange.class));
    }

    public void record(InboundChange change) {
        producer.send(ChannelTopics.INBOUND, change.orderId(), change, "the change of order " + change.externalRef());
    }

    @Override
    public void close() {
        producer.close();
    }
}
