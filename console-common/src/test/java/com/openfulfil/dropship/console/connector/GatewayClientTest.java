package com.openfulfil.dropship.console.connector;

import com.openfulfil.dropship.console.config.GatewayAccess;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against a small real HTTP server answering as supplier-gateway's API is documented to. */
class GatewayClientTest {
    private static final String ADMIN_KEY = "ok_test_gateway";
    private final List<String> adminKeys = new CopyOnWriteArrayList<>();
    private HttpServer gateway;
    private GatewayClient client;

    @BeforeEach
    void startGateway() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        answer("/api/v1/suppliers/lyon-linen/scorecard", 200, "{\"supplierId\":\"lyon-linen\",\"metrics\":[]}");
        answer("/api/v1/suppliers/hanoi-crafts/scorecard", 404, "{\"status\":404}");
        answer("/api/v1/suppliers/broken/scorecard", 500, "oops");
        answer("/api/v1/suppliers/odd/scorecard", 200, "not json");
        answer("/refused", 422, "{\"detail\":\"The dispatch cannot be shipped\",\"errors\":[{\"field\":\"carrier\",\"message\":\"unknown\"}]}");
        answer("/busy", 429, "{}");
        answer("/accepted", 202, "{\"ok\":true}");
        gateway.start();
        client = new GatewayClient(URI.create("http://127.0.0.1:" + gateway.getAddress().getPort()),
                new GatewayAccess(ADMIN_KEY, Duration.ofSeconds(5)));
    }

    @AfterEach
    void stopGateway() {
        gateway.stop(0);
    }

    private void answer(String path, int status, String body) {
        gateway.createContext(path, exchange -> {
            adminKeys.add(String.valueOf(exchange.getRequestHeaders().getFirst(GatewayClient.ADMIN_KEY_HEADER)));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
    }

    @Test
    void readsAScorecardWithTheAdminKeyAndNoneWhenTheGatewayHasNone() {
        assertThat(client.scorecard("lyon-linen")).hasValueSatisfying(
                json -> assertThat(json.path("supplierId").asString()).isEqualTo("lyon-linen"));
        assertThat(client.scorecard("hanoi-crafts")).isEmpty();
        assertThat(adminKeys).containsOnly(ADMIN_KEY);
    }

    @Test
    void aScorecardTheGatewayCannotGiveIsUnavailable() {
        assertThatThrownBy(() -> client.scorecard("broken")).isInstanceOf(GatewayClient.Unavailable.class)
                .hasMessageContaining("500");
        assertThatThrownBy(() -> client.scorecard("odd")).isInstanceOf(GatewayClient.Unavailable.class)
                .hasMessageContaining("not JSON");
    }

    @Test
    void aRefusalIsInTheGatewaysWordsAndATryLaterIsUnavailable() {
        assertThatThrownBy(() -> client.post("/refused", "{}".getBytes(StandardCharsets.UTF_8), Map.of()))
                .isInstanceOf(GatewayClient.Refused.class)
                .hasMessage("The dispatch cannot be shipped; carrier unknown");
        assertThatThrownBy(() -> client.post("/busy", "{}".getBytes(StandardCharsets.UTF_8), Map.of()))
                .isInstanceOf(GatewayClient.Unavailable.class).hasMessageContaining("429");
        assertThat(client.postAsAdmin("/accepted", "{}".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(202);
        assertThat(adminKeys).containsExactly("null", "null", ADMIN_KEY);
    }

    @Test
    void aGatewayThatDoesNotAnswerIsUnavailable() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        GatewayClient nobody = new GatewayClient(URI.create("http://127.0.0.1:" + closed),
                new GatewayAccess(ADMIN_KEY, Duration.ofSeconds(5)));
        assertThatThrownBy(() -> nobody.scorecard("lyon-linen")).isInstanceOf(GatewayClient.Unavailable.class)
                .hasMessageContaining("did not answer");
    }
}
