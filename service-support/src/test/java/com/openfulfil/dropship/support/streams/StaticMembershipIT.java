package com.openfulfil.dropship.support.streams;

import com.openfulfil.dropship.support.testing.EmbeddedBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.stream.binder.kafka.streams.KafkaStreamsRegistry;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An instance that stops without leaving its group (as a crash does) and starts again with its
 * state folder takes its partitions straight back under its kept id, long before its old session
 * (a minute here) would have run out.
 */
class StaticMembershipIT {
    private static final String APPLICATION = "static-it";
    private static final Duration SESSION = Duration.ofSeconds(60);

    @Test
    void anInstanceStartedAgainTakesItsPartitionsBackWithoutWaitingForItsOldSession() throws Exception {
        Path state = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "static-it-")
                .resolve("state");
        String[] args = {
                "--spring.application.name=" + APPLICATION,
                "--dropship.kafka.bootstrap-servers=" + EmbeddedBroker.bootstrapServers(),
                "--dropship.state-dir=" + state.toAbsolutePath(),
                "--spring.cloud.function.definition=watching",
                "--spring.cloud.stream.bindings.watching-in-0.destination=" + StreamsTestApp.WATCHED_STREAM.name(),
                "--spring.cloud.stream.bindings.watching-in-1.destination=" + StreamsTestApp.WATCHED_TABLE.name(),
                "--spring.cloud.stream.kafka.streams.binder.functions.watching.application-id=" + APPLICATION,
                "--spring.cloud.stream.kafka.streams.binder.configuration.session.timeout.ms=" + SESSION.toMillis(),
                "--spring.cloud.stream.kafka.streams.binder.configuration.heartbeat.interval.ms=3000",
                "--server.port=0"};

        try (ConfigurableApplicationContext first = start(args)) {
            awaitRunning(first, Duration.ofSeconds(60));
        }
        String id = Files.readString(state.resolve(InstanceId.FILE)).strip();
        assertThat(id).startsWith(APPLICATION + "-");

        long restarted = System.nanoTime();
        try (ConfigurableApplicationContext second = start(args)) {
            awaitRunning(second, SESSION.dividedBy(2));
            assertThat(Duration.ofNanos(System.nanoTime() - restarted)).isLessThan(SESSION.dividedBy(2));

            List<MemberDescription> members = group().members().stream().toList();
            assertThat(members).as("the same member as before, no stale one beside it").singleElement()
                    .satisfies(m -> {
                        assertThat(m.groupInstanceId()).get().asString().startsWith(id);
                        assertThat(m.assignment().topicPartitions())
                                .hasSize(StreamsTestApp.WATCHED_STREAM.partitions());
                    });
        }
    }

    private static ConfigurableApplicationContext start(String[] args) {
        return new SpringApplicationBuilder(StreamsTestApp.class).run(args);
    }

    private static void awaitRunning(ConfigurableApplicationContext context, Duration timeout) {
        KafkaStreams streams = context.getBean(KafkaStreamsRegistry.class).streamsBuilderFactoryBeans().iterator().next()
                .getKafkaStreams();
        await().atMost(timeout).until(() -> streams.state() == KafkaStreams.State.RUNNING
                && !streams.metadataForLocalThreads().iterator().next().activeTasks().isEmpty());
    }

    private static ConsumerGroupDescription group() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                EmbeddedBroker.bootstrapServers()))) {
            return admin.describeConsumerGroups(List.of(APPLICATION)).all().get(30, TimeUnit.SECONDS).get(APPLICATION);
        }
    }
}
