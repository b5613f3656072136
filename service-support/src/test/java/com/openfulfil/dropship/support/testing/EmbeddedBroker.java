package com.openfulfil.dropship.support.testing;

import com.openfulfil.dropship.events.topics.TopicSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One real KRaft broker per test JVM, started on first use, shared by the JVM's tests (use
 * {@link PrivateBroker} for a test that must start from empty topics). Settings that exactly-once
 * needs on a single broker (transaction log replication 1) are set here once.
 *
 * <p>{@code -Ddropship.test.broker=container} (or {@code DROPSHIP_TEST_BROKER=container}) runs it as a
 * container of the image docker-compose.yml runs instead, where Docker is available ({@link ContainerBroker});
 * without Docker the tests say so and use the embedded broker.
 */
public final class EmbeddedBroker {
    /** Which broker the tests share: {@code embedded} (the default) or {@code container}. */
    public static final String CHOICE = "dropship.test.broker";
    private static final String PROPERTY = "dropship.embedded-broker.bootstrap-servers";

    private static EmbeddedKafkaKraftBroker broker;
    private static String bootstrap;
    private static boolean containerTried;

    private EmbeddedBroker() {
    }

    public static synchronized String bootstrapServers() {
        if (!containerTried && containerChosen()) {
            containerTried = true;
            bootstrap = ContainerBroker.start().orElse(null);
            if (bootstrap != null) {
                System.setProperty(PROPERTY, bootstrap);
            }
        }
        if (bootstrap != null) {
            return bootstrap;
        }
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
            broker.brokerListProperty(PROPERTY);
            broker.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> broker.destroy(), "embedded-broker-stop"));
        }
        return broker.getBrokersAsString();
    }

    /**
     * Makes sure a registry topic exists on the shared broker, with the registry's partitions, for a test that
     * runs a connector without the service that would provision it; one that another test made is kept.
     */
    public static void ensureTopic(TopicSpec topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic.name(), topic.partitions(), (short) 1))).all()
                    .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    static boolean containerChosen() {
        String choice = System.getProperty(CHOICE, System.getenv("DROPSHIP_TEST_BROKER"));
        return "container".equalsIgnoreCase(choice == null ? "" : choice.trim());
    }
}
