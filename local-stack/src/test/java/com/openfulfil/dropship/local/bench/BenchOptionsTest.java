package com.openfulfil.dropship.local.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchOptionsTest {

    @Test
    void defaultsToAFullRunWithTheServicesOwnSettingsPassedExplicitly() {
        BenchOptions options = BenchOptions.parse(List.of());

        assertThat(options.stepDuration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.warmupOrders()).isEqualTo(5000);
        assertThat(options.dataDir()).isEqualTo(Path.of("data", "bench"));
        assertThat(options.serviceArgs()).containsExactly("--dropship.topics.partitions=3",
                "--dropship.streams.commit-interval-ms=100", "--dropship.streams.linger-ms=5",
                "--spring.cloud.stream.kafka.streams.binder.configuration.num.stream.threads=1",
                "--spring.cloud.stream.kafka.streams.binder.configuration.producer.batch.size=16384",
                "--spring.cloud.stream.kafka.streams.binder.configuration.consumer.max.poll.records=1000");
        assertThat(options.profile()).isTrue();
        assertThat(options.reproduce()).isEqualTo("./dropship bench");
    }

    @Test
    void quickShortensEverythingButLetsOptionsOverrideIt() {
        BenchOptions options = BenchOptions.parse(List.of("--duration-s", "8", "--quick", "--data-dir", "/tmp/b"));

        assertThat(options.quick()).isTrue();
        assertThat(options.stepDuration()).isEqualTo(Duration.ofSeconds(8));
        assertThat(options.warmupOrders()).isEqualTo(300);
        assertThat(options.maxSearchSteps()).isEqualTo(3);
        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/b"));
        assertThat(options.reproduce()).isEqualTo("./dropship bench --quick --duration-s 8");
    }

    @Test
    void everyOptionThatDiffersFromItsDefaultIsInTheReproduceCommand() {
        BenchOptions options = BenchOptions.parse(List.of("--warmup-open", "20", "--start-rate", "30", "--max-steps",
                "4", "--probes", "1", "--no-profile", "--warmup-orders", "1000", "--keep-data"));

        assertThat(options.profile()).isFalse();
        assertThat(options.reproduce()).isEqualTo("./dropship bench --warmup-orders 1000 --warmup-open 20 "
                + "--start-rate 30 --max-steps 4 --probes 1 --no-profile");
    }

    @Test
    void tunablesReachTheServicesAndTheReproduceCommand() {
        BenchOptions options = BenchOptions.parse(List.of("--partitions", "6", "--stream-threads", "2",
                "--commit-interval-ms", "20", "--linger-ms", "0", "--batch-size", "65536", "--relay-threads", "3"));

        assertThat(options.serviceArgs()).contains("--dropship.topics.partitions=6",
                "--dropship.streams.commit-interval-ms=20", "--dropship.streams.linger-ms=0",
                "--spring.cloud.stream.kafka.streams.binder.configuration.num.stream.threads=2",
                "--spring.cloud.stream.kafka.streams.binder.configuration.producer.batch.size=65536");
        assertThat(options.tunables().relayThreads()).isEqualTo(3);
        assertThat(options.reproduce()).endsWith("--partitions 6 --stream-threads 2 --commit-interval-ms 20 "
                + "--linger-ms 0 --batch-size 65536 --relay-threads 3");
    }

    @Test
    void theTunablesOwnPropertyNamesWorkTooAndOtherPropertiesPassThrough() {
        BenchOptions options = BenchOptions.parse(List.of("--dropship.streams.commit-interval-ms=50",
                "--spring.cloud.stream.kafka.streams.binder.configuration.num.stream.threads=2",
                "--dropship.streams.processing-guarantee=at_least_once"));

        assertThat(options.tunables().commitIntervalMs()).isEqualTo(50);
        assertThat(options.tunables().streamThreads()).isEqualTo(2);
        assertThat(options.passThrough()).containsExactly("--dropship.streams.processing-guarantee=at_least_once");
        assertThat(options.serviceArgs()).contains("--dropship.streams.commit-interval-ms=50")
                .doesNotContain("--dropship.streams.commit-interval-ms=100")
                .endsWith("--dropship.streams.processing-guarantee=at_least_once");
        assertThat(options.reproduce()).contains("--stream-threads 2 --commit-interval-ms 50")
                .endsWith("--dropship.streams.processing-guarantee=at_least_once");
    }

    @Test
    void refusesUnknownOptionsAndBadNumbers() {
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--fast"))).hasMessageContaining("Unknown option --fast");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--duration-s", "0"))).hasMessageContaining("positive");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--partitions"))).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--linger-ms", "-1"))).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--dropship.x"))).hasMessageContaining("Unknown option");
    }

    @Test
    void theUsageListsEveryOption() {
        assertThat(BenchOptions.USAGE).contains("--quick", "--duration-s", "--warmup-orders", "--data-dir",
                "--partitions", "--stream-threads", "--commit-interval-ms", "--linger-ms", "--batch-size",
                "(default 3)");
    }
}
