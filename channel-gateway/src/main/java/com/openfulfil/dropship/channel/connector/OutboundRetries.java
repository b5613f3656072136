package com.openfulfil.dropship.channel.connector;

import com.openfulfil.dropship.channel.config.ChannelTopics;
import com.openfulfil.dropship.channel.domain.StoreActivity;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.util.Map;

/**
 * Sends a call a store refused back onto {@code channels.outbound}, as it was and under its key, when
 * ops retry it: the connector makes it again in its turn, reading first what the store shows, so a
 * call that got through after all is not made twice. Once {@link #retry} returns, the call is on its topic.
 */
public final class OutboundRetries implements AutoCloseable {
    private final DurableProducer<byte[]> producer;

    public OutboundRetries(String bootstrapServers, Map<String, Object> security, String clientId) {
        this.producer = new DurableProducer<>(bootstrapServers, security, clientId + "-retries", new ByteArraySerializer());
    }

    public void retry(StoreActivity.Failure failure) {
        producer.send(ChannelTopics.OUTBOUND, failure.key(), failure.call(), "the call sent again: " + failure.what());
    }

    @Override
    public void close() {
        producer.close();
    }
}
