package com.openfulfil.dropship.support.testing;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

import java.util.Map;
import java.util.Optional;

/**
 * The broker of the integration tests as a container of the image docker-compose.yml runs, for a
 * machine with Docker (a developer's laptop, a hosted CI): {@code -Ddropship.test.broker=container}.
 * Without Docker it says so and the tests use the embedded broker.
 */
final class ContainerBroker {
    /** The image and version docker-compose.yml and the Kubernetes manifests run. */
    static final String IMAGE = "apache/kafka:4.1.2";

    private ContainerBroker() {
    }

    /** The started container's bootstrap servers, or empty (and why, on stderr) when there is no Docker. */
    static Optional<String> start() {
        if (!dockerAvailable()) {
            System.err.println("dropship.test.broker=container: no Docker engine is reachable here, so the "
                    + "integration tests run against the embedded broker");
            return Optional.empty();
        }
        KafkaContainer kafka = new KafkaContainer(DockerImageName.parse(IMAGE)).withEnv(settings());
        kafka.start();
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::stop, "container-broker-stop"));
        return Optional.of(kafka.getBootstrapServers());
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** What the embedded broker is given, as the image's environment: exactly-once on one broker. */
    static Map<String, String> settings() {
        return Map.of(
                "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1",
                "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1",
                "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1",
                "KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0",
                "KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false",
                "KAFKA_NUM_PARTITIONS", "3");
    }
}
