package com.openfulfil.dropship.support.testing;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.util.HashMap;
import java.util.Map;

/**
 * A KRaft broker of a test's own, for a test whose topics must not mix with the other tests of the
 * JVM (which share {@link EmbeddedBroker}): it starts empty and goes away with the test.
 */
public final class PrivateBroker implements AutoCloseable {
    private final EmbeddedKafkaKraftBroker broker;

    private PrivateBroker(EmbeddedKafkaKraftBroker broker) {
        this.broker = broker;
    }

    public static PrivateBroker start() {
        return start(Map.of());
    }

    /** @param overrides broker settings of the test's own (a long {@code group.initial.rebalance.delay.ms}, say) */
    public static PrivateBroker start(Map<String, String> overrides) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        Map<String, String> properties = new HashMap<>(Map.of(
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "offsets.topic.replication.factor", "1",
                "group.initial.rebalance.delay.ms", "0",
                "auto.create.topics.enable", "false"));
        properties.putAll(overrides);
        broker.brokerProperties(properties);
        // not into spring.kafka.bootstrap-servers, its default: a JVM-wide setting that would outlive this
        // broker and outrank the dropship.kafka.bootstrap-servers of the next test in the JVM
        broker.brokerListProperty("dropship.private-broker.bootstrap-servers");
        broker.afterPropertiesSet();
        return new PrivateBroker(broker);
    }

    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    @Override
    public void close() {
        broker.destroy();
    }
}
