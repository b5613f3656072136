package com.openfulfil.dropship.local.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchOptionsTest {
    private static final ShippedDefaults SHIPPED = ShippedDefaults.of(Map.of(
            ShippedDefaults.COMMIT_INTERVAL, "100", ShippedDefaults.LINGER, "5",
            ShippedDefaults.GUARANTEE, "exactly_once_v2"));

    @Test
    void defaultsToAFullRunThatPassesTheServicesNoTunableAtAll() {
        BenchOptions options = BenchOptions.parse(List.of());

        assertThat(options.stepDuration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.warmupOrders()).isEqualTo(5000);
        assertThat(options.stateOrders()).isEqualTo(100_000);
        assertThat(options.dataDir()).isEqualTo(Path.of("data", "bench"));
        assertThat(options.serviceArgs()).isEmpty();
        assertThat(options.departsFromShippedSettings()).isFalse();
        assertThat(options.profile()).isTrue();
        assertThat(options.reproduce()).isEqualTo("./dropship bench");
    }

    @Test
    void theSettingsTableSaysServiceDefaultAndWhereEachValueComesFrom() {
        Map<String, Object> recorded = BenchOptions.parse(List.of()).recorded(SHIPPED, 3);

        assertThat(recorded.get("services' settings")).asString().contains("shipped defaults (no tunable passed)");
        assertThat(recorded.get("partitions")).isEqualTo("service default: 3 (the broker's topic metadata)");
        assertThat(recorded.get("commit interval ms")).isEqualTo("service default: 100 (dropship-defaults.properties)");
        assertThat(recorded.get("producer linger ms")).isEqualTo("service default: 5 (dropship-defaults.properties)");
        assertThat(recorded.get("stream threads per service")).asString().startsWith("service default: 1");
        assertThat(recorded.get("processing guarantee")).asString().startsWith("service default: exactly_once_v2");
        assertThat(recorded.get("other service arguments passed")).isEqualTo("none");
    }

    @Test
    void withoutTheDefaultsFileTheTableSaysTheServicesShippedDefaults() {
        Map<String, Object> recorded = BenchOptions.parse(List.of())
                .recorded(ShippedDefaults.unknown("not on the classpath"), 3);

        assertThat(recorded.get("commit interval ms")).asString().startsWith("the services' shipped defaults");
    }

    @Test
    void theRelaysUseWhatThePipelineRanWith() {
        BenchOptions.Effective shipped = BenchOptions.parse(List.of()).effective(SHIPPED, 3);
        BenchOptions.Effective tuned = BenchOptions.parse(List.of("--commit-interval-ms", "20", "--linger-ms", "0",
                "--batch-size", "65536")).effective(SHIPPED, 6);

        assertThat(shipped).isEqualTo(new BenchOptions.Effective(3, 100, 5, 16_384, 1_000));
        assertThat(tuned).isEqualTo(new BenchOptions.Effective(6, 20, 0, 65_536, 1_000));
    }

    @Test
    void quickShortensEverythingButLetsOptionsOverrideIt() {
        BenchOptions options = BenchOptions.parse(List.of("--duration-s", "8", "--quick", "--data-dir", "/tmp/b"));

        assertThat(options.quick()).isTrue();
        assertThat(options.stepDuration()).isEqualTo(Duration.ofSeconds(8));
        assertThat(options.warmupOrders()).isEqualTo(300);
        assertThat(options.maxSearchSteps()).isEqualTo(3);
        assertThat(options.stateOrders()).isEqualTo(3000);
        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/b"));
        assertThat(options.reproduce()).isEqualTo("./dropship bench --quick --duration-s 8");
    }

    @Test
    void everyOptionThatDiffersFromItsDefaultIsInTheReproduceCommand() {
        BenchOptions options = BenchOptions.parse(List.of("--warmup-open", "20", "--start-rate", "30", "--max-steps",
                "4", "--probes", "1", "--no-profile", "--warmup-orders", "1000", "--keep-data", "--state-orders", "0",
                "--relay-threads", "3"));

        assertThat(options.profile()).isFalse();
        assertThat(options.relayThreads()).isEqualTo(3);
        assertThat(options.reproduce()).isEqualTo("./dropship bench --warmup-orders 1000 --warmup-open 20 "
                + "--start-rate 30 --max-steps 4 --state-orders 0 --probes 1 --no-profile --relay-threads 3");
    }

    @Test
    void tunablesGivenReachTheServicesTheSettingsTableAndTheReproduceCommand() {
        BenchOptions options = BenchOptions.parse(List.of("--partitions", "6", "--stream-threads", "2",
                "--commit-interval-ms", "20", "--linger-ms", "0", "--batch-size", "65536"));

        assertThat(options.serviceArgs()).containsExactly("--dropship.topics.partitions=6",
                "--dropship.streams.commit-interval-ms=20", "--dropship.streams.linger-ms=0",
                "--spring.cloud.stream.kafka.streams.binder.configuration.num.stream.threads=2",
                "--spring.cloud.stream.kafka.streams.binder.configuration.producer.batch.size=65536");
        assertThat(options.departsFromShippedSettings()).isTrue();
        Map<String, Object> recorded = options.recorded(SHIPPED, 6);
        assertThat(recorded.get("partitions")).isEqualTo("6 (passed)");
        assertThat(recorded.get("commit interval ms")).isEqualTo("20 (passed)");
        assertThat(recorded.get("consumer max.poll.records")).asString().startsWith("service default: 1000");
        assertThat(recorded.get("services' settings")).asString().contains("departs from the shipped defaults");
        assertThat(options.reproduce()).endsWith("--partitions 6 --stream-threads 2 --commit-interval-ms 20 "
                + "--linger-ms 0 --batch-size 65536");
    }

    @Test
    void theTunablesOwnPropertyNamesWorkTooAndOtherPropertiesPassThrough() {
        BenchOptions options = BenchOptions.parse(List.of("--dropship.streams.commit-interval-ms=50",
                "--spring.cloud.stream.kafka.streams.binder.configuration.num.stream.threads=2",
                "--dropship.streams.processing-guarantee=at_least_once"));

        assertThat(options.tunables().commitIntervalMs()).isEqualTo(50);
        assertThat(options.tunables().streamThreads()).isEqualTo(2);
        assertThat(options.tunables().partitions()).isNull();
        assertThat(options.passThrough()).containsExactly("--dropship.streams.processing-guarantee=at_least_once");
        assertThat(options.serviceArgs()).containsExactly("--dropship.streams.commit-interval-ms=50",
                "--spring.cloud.stream.kafka.streams.binder.configuration.num.stream.threads=2",
                "--dropship.streams.processing-guarantee=at_least_once");
        assertThat(options.recorded(SHIPPED, 3).get("processing guarantee")).isEqualTo("at_least_once (passed)");
        assertThat(options.reproduce()).contains("--stream-threads 2 --commit-interval-ms 50")
                .endsWith("--dropship.streams.processing-guarantee=at_least_once");
    }

    @Test
    void refusesUnknownOptionsAndBadNumbers() {
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--fast"))).hasMessageContaining("Unknown option --fast");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--duration-s", "0"))).hasMessageContaining("positive");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--partitions"))).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--linger-ms", "-1"))).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--state-orders", "x"))).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--dropship.x"))).hasMessageContaining("Unknown option");
    }

    @Test
    void theUsageListsEveryOption() {
        assertThat(BenchOptions.USAGE).contains("--quick", "--duration-s", "--warmup-orders", "--data-dir",
                "--state-orders", "--relay-threads", "--partitions", "--stream-threads", "--commit-interval-ms",
                "--linger-ms", "--batch-size", "--max-poll-records", "dropship-defaults.properties",
                "(a) bytes", "(c) transactional");
    }
}
