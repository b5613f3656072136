package com.openfulfil.dropship.support.it;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With no broker to reach, a service's health says so: 503, and to a caller with the service's
 * credentials, {@code kafka} DOWN; anyone else sees the status alone.
 */
@SpringBootTest(classes = SupportTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.application.name=support-health-it",
                "spring.cloud.function.definition=",
                "dropship.topics.provision=false",
                "dropship.kafka.bootstrap-servers=localhost:${unused.port}"})
class BrokerHealthIT {
    static {
        try (ServerSocket socket = new ServerSocket(0)) {
            System.setProperty("unused.port", Integer.toString(socket.getLocalPort()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @LocalServerPort
    int port;

    @Test
    void healthIsDownWhenTheBrokerIsUnreachable() throws Exception {
        HttpResponse<String> anyone = health(null);
        assertThat(anyone.statusCode()).isEqualTo(503);
        assertThat(JsonMapper.shared().readTree(anyone.body()).at("/status").asString()).isEqualTo("DOWN");
        assertThat(JsonMapper.shared().readTree(anyone.body()).has("components")).as("details for callers only").isFalse();

        HttpResponse<String> admin = health(AccessTestApi.ADMIN_KEY);
        assertThat(admin.statusCode()).isEqualTo(503);
        JsonNode health = JsonMapper.shared().readTree(admin.body());
        assertThat(health.at("/components/kafka/status").asString()).isEqualTo("DOWN");
        assertThat(health.at("/status").asString()).isEqualTo("DOWN");
    }

    private HttpResponse<String> health(String apiKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"));
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
