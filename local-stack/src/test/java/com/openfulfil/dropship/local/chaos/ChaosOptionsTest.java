package com.openfulfil.dropship.local.chaos;

import com.openfulfil.dropship.events.topics.Topics;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChaosOptionsTest {

    /** Two instances share a service's partitions only when there are several. */
    private static final String REGISTRY_PARTITIONS = "--dropship.topics.partitions=" + Topics.PARTITIONS;

    @Test
    void theFullRunInjectsEveryFaultWithTheServicesOwnSessionTimeout() {
        ChaosOptions options = ChaosOptions.parse(List.of());

        assertThat(options.shortRun()).isFalse();
        assertThat(options.faults()).isEqualTo(Faults.ALL);
        assertThat(options.sessionTimeout()).isNull();
        assertThat(options.serviceArgs()).containsExactly(REGISTRY_PARTITIONS);
        assertThat(options.ordersPerSecond()).isEqualTo(3.0);
    }

    @Test
    void theShortRunTakesTheShortFaultListWithTheServicesOwnSessionTimeout() {
        ChaosOptions options = ChaosOptions.parse(List.of("--short", "--data-dir", "target/x", "--rate", "2.5"));

        assertThat(options.faults()).isEqualTo(Faults.SHORT);
        assertThat(options.dataDir()).isEqualTo(Path.of("target/x"));
        assertThat(options.ordersPerSecond()).isEqualTo(2.5);
        assertThat(options.sessionTimeout()).isNull();
        assertThat(options.serviceArgs()).containsExactly(REGISTRY_PARTITIONS);
    }

    @Test
    void aWarmUpReplacesTheRunsOwnSteadyLoadBeforeTheFirstFault() {
        assertThat(ChaosOptions.parse(List.of()).warmUp()).isNull();
        assertThat(ChaosOptions.parse(List.of("--warm-up", "60")).warmUp()).isEqualTo(Duration.ofSeconds(60));
        assertThat(ChaosRun.Phases.of(false, Duration.ofSeconds(60)).baseline()).isEqualTo(Duration.ofSeconds(60));
        assertThat(ChaosRun.Phases.of(true, null).baseline()).isEqualTo(Duration.ofSeconds(8));
        assertThatThrownBy(() -> ChaosOptions.parse(List.of("--warm-up", "-1"))).hasMessageContaining("positive");
    }

    @Test
    void onlyTheShortRunShortensTheSteadyLoadBetweenFaults() {
        assertThat(ChaosRun.Phases.of(true, null).gap()).isEqualTo(Duration.ofSeconds(2));
        assertThat(ChaosRun.Phases.of(false, null)).isEqualTo(new ChaosRun.Phases(Duration.ofSeconds(15),
                Duration.ofSeconds(10), Duration.ofSeconds(120), Duration.ofSeconds(180), Duration.ofSeconds(20),
                Duration.ofSeconds(180), Duration.ofSeconds(240)));
    }

    @Test
    void aSessionTimeoutOfTheRunsOwnGoesToEveryService() {
        ChaosOptions options = ChaosOptions.parse(List.of("--session-timeout-ms", "10000", "--faults", "kill-broker"));

        assertThat(options.sessionTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.serviceArgs()).containsExactly(
                "--spring.cloud.stream.kafka.streams.binder.configuration.session.timeout.ms=10000",
                "--spring.cloud.stream.kafka.streams.binder.configuration.heartbeat.interval.ms=2500");
    }

    @Test
    void faultsAreChosenByNameInTheOrderGiven() {
        ChaosOptions options = ChaosOptions.parse(List.of("--faults", "poison, kill-broker,rebalance-supplier-gateway"));

        assertThat(options.faults()).containsExactly("poison", "kill-broker", "rebalance-supplier-gateway");
        assertThat(options.serviceArgs()).containsExactly(REGISTRY_PARTITIONS);
        assertThat(ChaosOptions.parse(List.of("--faults", "kill-broker,poison")).serviceArgs())
                .as("without a rebalance the stack keeps a fresh local stack's partitions").isEmpty();
    }

    @Test
    void anUnknownFaultOrOptionIsRefused() {
        assertThatThrownBy(() -> ChaosOptions.parse(List.of("--faults", "kill-everything")))
                .hasMessageContaining("Unknown fault kill-everything");
        // the load and the carriers call these instances' HTTP APIs on the first instance's port
        assertThatThrownBy(() -> ChaosOptions.parse(List.of("--faults", "rebalance-order-service")))
                .hasMessageContaining("Unknown fault");
        assertThatThrownBy(() -> ChaosOptions.parse(List.of("--rate", "0"))).hasMessageContaining("positive");
        assertThatThrownBy(() -> ChaosOptions.parse(List.of("--fast"))).hasMessageContaining("Unknown option --fast");
    }
}
