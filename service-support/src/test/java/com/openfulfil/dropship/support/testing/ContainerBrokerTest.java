package com.openfulfil.dropship.support.testing;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The container broker: with Docker, a broker of the compose image that answers; without, a plain
 * word that the embedded broker is used instead, and no failure.
 */
class ContainerBrokerTest {

    @Test
    void theContainerBrokerRunsWhereDockerIsAndIsLeftOutPlainlyWhereItIsNot() throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        Optional<String> servers;
        System.setErr(new PrintStream(said, true, StandardCharsets.UTF_8));
        try {
            servers = ContainerBroker.start();
        } finally {
            System.setErr(err);
        }

        if (ContainerBroker.dockerAvailable()) {
            assertThat(servers).isPresent();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers.get()))) {
                assertThat(admin.describeCluster().nodes().get(60, TimeUnit.SECONDS)).hasSize(1);
            }
        } else {
            assertThat(servers).isEmpty();
            assertThat(said.toString(StandardCharsets.UTF_8)).contains("no Docker engine is reachable")
                    .contains("embedded broker");
        }
    }

    @Test
    void theContainerIsTheImageComposeRunsWithTheSettingsExactlyOnceNeedsOnOneBroker() throws Exception {
        assertThat(ContainerBroker.settings()).containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
                .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
                .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        assertThat(Files.readString(Path.of("..", "docker-compose.yml"))).contains("image: " + ContainerBroker.IMAGE);
    }
}
