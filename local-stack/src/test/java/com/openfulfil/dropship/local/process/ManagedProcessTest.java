package com.openfulfil.dropship.local.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ManagedProcessTest {
    @TempDir
    Path dir;

    @Test
    void aServiceWhosePortWasTakenSaysSo() {
        List<String> log = List.of("***************************",
                "APPLICATION FAILED TO START",
                "***************************",
                "Description:",
                "Web server failed to start. Port 40925 was already in use.",
                "Action:",
                "Identify and stop the process that's listening on port 40925 or configure this application to listen"
                        + " on another port.");

        assertThat(ManagedProcess.saysPortTaken(log, List.of(40925))).isTrue();
        assertThat(ManagedProcess.saysPortTaken(log, List.of(4092))).as("another port").isFalse();
        assertThat(ManagedProcess.saysPortTaken(log, List.of(409255))).as("another port").isFalse();
    }

    @Test
    void theBrokerWhosePortWasTakenSaysSo() {
        List<String> log = List.of("[2025-01-01 10:00:00,000] ERROR [KafkaRaftServer nodeId=1] Fatal error during"
                + " broker startup. Prepare to shutdown (kafka.server.BrokerServer)",
                "org.apache.kafka.common.KafkaException: Socket server failed to bind to 127.0.0.1:21337: Address"
                        + " already in use.");

        assertThat(ManagedProcess.saysPortTaken(log, List.of(21336, 21337))).isTrue();
        assertThat(ManagedProcess.saysPortTaken(log, List.of(21336))).isFalse();
    }

    @Test
    void otherFailuresAreNotATakenPort() {
        List<String> log = List.of("Web server started on port 40925",
                "org.apache.kafka.streams.errors.ProcessorStateException: state directory already in use");

        assertThat(ManagedProcess.saysPortTaken(log, List.of(40925))).isFalse();
    }

    @Test
    void onlyTheLatestStartCounts() throws IOException {
        Path log = Files.writeString(dir.resolve("catalog-service.log"), String.join("\n",
                "==== 2025-01-01T10:00:00Z catalog-service: java ...",
                "Web server failed to start. Port 40925 was already in use.",
                "==== 2025-01-01T10:00:40Z catalog-service: java ...",
                "Tomcat started on port 40925 (http)",
                ""));

        assertThat(ManagedProcess.latestRun(log)).containsExactly("Tomcat started on port 40925 (http)");
        assertThat(ManagedProcess.latestRun(dir.resolve("no-log-yet.log"))).isEmpty();
    }
}
