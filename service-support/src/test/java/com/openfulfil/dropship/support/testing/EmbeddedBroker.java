package com.openfulfil.dropship.support.testing;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.util.Map;

/**
 * One real KRaft broker per test JVM, started on first use, shared by the JVM's tests (use
 * {@link PrivateBroker} for a test that must start from empty topics). Settings that exactly-once
 * needs on a single broker (transaction log replication 1) are set here once.
 */
public final class EmbeddedBroker {
    private static EmbeddedKafkaKraftBroker broker;

    private EmbeddedBroker() {
    }

    public static synchronized String bootstrapServers() {
        if (broker == null) {
            broker = new EmbeddedKafkaKraftBroker(1, 3);
            broker.brokerProperties(Map.of(
                    "transaction.state.log.replication.factor", "1",
                    "transaction.state.log.min.isr", "1",
                    "offsets.topic.replication.factor", "1",
                    "group.initial.rebalance.delay.ms", "0",
                    "auto.create.topics.enable", "false"));
            // not into spring.kafka.bootstrap-servers, its default: a JVM-wide setting that would outrank the
            // dropship.kafka.bootstrap-servers of the tests that run a service on a broker of their own
            broker.brokerListProperty("dropship.embedded-broker.bootstrap-servers");
            broker.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> broker.destroy(), "embedded-broker-stop"));
        }
        return broker.getBrokersAsString();
    }
}
