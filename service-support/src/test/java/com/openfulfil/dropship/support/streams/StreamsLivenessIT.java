package com.openfulfil.dropship.support.streams;

import com.openfulfil.dropship.support.testing.EmbeddedBroker;
import com.openfulfil.dropship.support.testing.KafkaIntegrationTest;
import com.openfulfil.dropship.support.testing.TopicReader;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.stream.binder.kafka.streams.KafkaStreamsRegistry;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client whose global thread dies (which Kafka Streams cannot replace) ends in ERROR; the service
 * then reports itself not live, so its orchestrator restarts it. Here the global table's reader is
 * told to fail on a message it cannot read, and gets one.
 */
@SpringBootTest(classes = StreamsTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.application.name=watching-it",
                "spring.cloud.function.definition=watching",
                "spring.cloud.stream.bindings.watching-in-0.destination=supplier.watching-it.dispatch",
                "spring.cloud.stream.bindings.watching-in-1.destination=supplier.watching-it.updates",
                "spring.cloud.stream.kafka.streams.binder.functions.watching.application-id=watching-it",
                "spring.cloud.stream.kafka.streams.binder.configuration.deserialization.exception.handler="
                        + "org.apache.kafka.streams.errors.LogAndFailExceptionHandler"})
class StreamsLivenessIT extends KafkaIntegrationTest {
    @LocalServerPort
    int port;

    @Autowired
    ApplicationAvailability availability;

    @Autowired
    KafkaStreamsRegistry streams;

    @Test
    void aClientThatStopsForGoodMakesTheServiceNotLive() throws Exception {
        KafkaStreams client = streams.streamsBuilderFactoryBeans().iterator().next().getKafkaStreams();
        await().atMost(Duration.ofSeconds(60)).until(() -> client.state() == KafkaStreams.State.RUNNING);
        assertThat(liveness()).isEqualTo(200);

        TopicReader.writeRaw(EmbeddedBroker.bootstrapServers(), StreamsTestApp.WATCHED_TABLE.name(), "bad",
                "{\"type\":\"DispatchAccepted\",".getBytes(StandardCharsets.UTF_8));

        await().atMost(Duration.ofSeconds(60)).until(() -> client.state() == KafkaStreams.State.ERROR);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> availability.getLivenessState() == LivenessState.BROKEN);
        assertThat(liveness()).as("/actuator/health/liveness").isEqualTo(503);
    }

    private int liveness() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/health/liveness")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
