package com.openfulfil.dropship.support.instances;

import com.openfulfil.dropship.events.fixtures.OrderFixtures;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.kafka.EventPublisher;
import com.openfulfil.dropship.support.testing.PrivateBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Until Kafka Streams has its first assignment it cannot say which instance holds a key (it names
 * the host {@code unavailable:-1}). A read in that time, for one key or a list, is answered 503 with
 * {@code Retry-After}, never 500; and a burst of such reads leaves a line or two in the log, not one
 * (or a stack trace) per request. The broker holds the first assignment back for 10 seconds: the
 * burst takes about two on a busy two-core machine, and the health check after it fails the test
 * should the assignment ever come first.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReadsBeforeAssignmentIT {
    private static final int BURST = 200;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aReadThatCannotBePlacedYetIs503WithRetryAfterAndLogsOneLine(CapturedOutput output) throws Exception {
        try (PrivateBroker broker = PrivateBroker.start(Map.of("group.initial.rebalance.delay.ms", "10000"));
             ConfigurableApplicationContext app = start(broker)) {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            int logged = output.getOut().length();

            for (int i = 0; i < BURST; i++) {
                for (String path : new String[]{"/orders/ord-" + i, "/orders"}) {
                    HttpResponse<String> answer = get(port, path);
                    assertThat(answer.statusCode()).as("%s, %s", path, answer.body()).isEqualTo(503);
                    assertThat(answer.headers().firstValue("Retry-After")).as(path).contains("1");
                    assertThat(answer.headers().firstValue("Content-Type")).get().asString()
                            .startsWith("application/problem+json");
                }
            }
            assertThat(app.getBean("streams", HealthIndicator.class).health().getStatus())
                    .as("the burst was answered before the first assignment").isEqualTo(Status.DOWN);
            String burst = output.getOut().substring(logged);
            assertThat(burst.lines().filter(line -> line.contains("Answering 503")))
                    .as("%d refused reads", 2 * BURST).hasSizeBetween(1, 2);
            assertThat(burst).doesNotContain("Unexpected error", "\tat com.openfulfil");

            try (EventPublisher publisher = new EventPublisher(broker.bootstrapServers(), "reads-before-assignment")) {
                publisher.publishAndWait(Topics.ORDERS_PLACED, "ord-7", OrderFixtures.anOrder().withOrderId("ord-7").build());
            }
            await().atMost(Duration.ofMinutes(2)).until(() -> get(port, "/orders/ord-7").statusCode() == 200);
            assertThat(get(port, "/orders/ord-7").body()).isEqualTo("OrderPlaced");
            assertThat(get(port, "/orders/ord-8").statusCode()).isEqualTo(404);
            assertThat(get(port, "/orders").body()).isEqualTo("[\"ord-7\"]");
        }
    }

    private static ConfigurableApplicationContext start(PrivateBroker broker) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path state = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "reads-before-assignment-");
        return new SpringApplicationBuilder(RoutedReadsApp.class).run(
                "--server.port=" + port,
                "--spring.application.name=routed-reads",
                "--spring.cloud.function.definition=latest",
                "--spring.cloud.stream.bindings.latest-in-0.destination=orders.placed",
                "--spring.cloud.stream.kafka.streams.binder.functions.latest.application-id=routed-reads",
                "--spring.cloud.stream.kafka.streams.binder.configuration.application.server=localhost:" + port,
                "--dropship.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                "--dropship.state-dir=" + state.toAbsolutePath(),
                "--dropship.health.stores=" + RoutedReadsApp.STORE);
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
