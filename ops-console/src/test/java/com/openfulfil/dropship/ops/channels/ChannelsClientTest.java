package com.openfulfil.dropship.ops.channels;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against a small real HTTP server answering as channel-gateway's ops API is documented to (docs/channels.md). */
class ChannelsClientTest {
    private static final String KEY = "ok_test_channels";
    private static final String STORES = """
            {"stores": [
              {"storeId": "demo-shop", "platform": "SHOPIFY", "lastSync": "2026-12-06T20:00:00Z",
               "ordersInLastHour": 4, "updatesOutLastHour": 9, "unavailable": null, "unavailableSince": null,
               "failures": []},
              {"storeId": "demo-woo", "platform": "WOOCOMMERCE", "lastSync": null, "ordersInLastHour": 0,
               "updatesOutLastHour": 0, "unavailable": "503 from the store", "unavailableSince": "2026-12-06T19:58:00Z",
               "failures": [{"id": "f-1", "at": "2026-12-06T19:59:00Z", "what": "NOTE for order 5001",
                             "reason": "POST /orders/5001/notes refused with 404", "retriedAt": null},
                            {"id": "f-0", "at": "2026-12-06T19:50:00Z", "what": "COMPLETE for order 5000",
                             "reason": "refused with 400", "retriedAt": "2026-12-06T19:55:00Z"}],
               "waitingCalls": 3}]}""";

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private HttpServer gateway;
    private ChannelsClient client;

    @BeforeEach
    void startGateway() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            calls.add(exchange.getRequestMethod() + " " + path + " " + exchange.getRequestHeaders().getFirst("X-Admin-Key"));
            int status;
            String body;
            if (path.equals("/api/v1/channels/stores")) {
                status = 200;
                body = STORES;
            } else if (path.endsWith("/f-1/retry")) {
                status = 202;
                body = "{}";
            } else if (path.endsWith("/f-0/retry")) {
                status = 409;
                body = "{\"title\":\"Already sent again\",\"detail\":\"This call was sent again at 2026-12-06T19:55:00Z\"}";
            } else {
                status = 503;
                body = "down";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        gateway.start();
        client = new ChannelsClient(URI.create("http://127.0.0.1:" + gateway.getAddress().getPort()),
                new ChannelsAccess(KEY, Duration.ofSeconds(5)));
    }

    @AfterEach
    void stopGateway() {
        gateway.stop(0);
    }

    @Test
    void readsEachStoreWithItsActivityAndRefusedCallsWithOpsKey() {
        List<ConnectedStore> stores = client.stores();

        assertThat(stores).extracting(ConnectedStore::storeId).containsExactly("demo-shop", "demo-woo");
        ConnectedStore shop = stores.get(0);
        assertThat(shop.ordersInLastHour()).isEqualTo(4);
        assertThat(shop.updatesOutLastHour()).isEqualTo(9);
        assertThat(shop.needsAttention()).isFalse();
        assertThat(shop.lastSyncAgo(Instant.parse("2026-12-06T20:03:10Z"))).isEqualTo("3 min ago");
        ConnectedStore woo = stores.get(1);
        assertThat(woo.needsAttention()).isTrue();
        assertThat(woo.lastSyncAgo(Instant.parse("2026-12-06T20:03:10Z"))).isEqualTo("never");
        assertThat(woo.unavailable()).isEqualTo("503 from the store");
        assertThat(woo.waitingFailures()).isEqualTo(1);
        assertThat(woo.waitingCalls()).as("calls set aside until the store is back").isEqualTo(3);
        assertThat(shop.waitingCalls()).as("a gateway that does not say: none").isZero();
        assertThat(woo.failures().get(0).reason()).contains("404");
        assertThat(woo.failures().get(1).waiting()).isFalse();
        assertThat(calls).containsExactly("GET /api/v1/channels/stores " + KEY);
    }

    @Test
    void aRetryIsPostedForTheStoresFailureAndARefusalComesInTheGatewaysWords() {
        client.retry("demo-woo", "f-1");
        assertThat(calls).containsExactly("POST /api/v1/channels/stores/demo-woo/failures/f-1/retry " + KEY);

        assertThatThrownBy(() -> client.retry("demo-woo", "f-0")).isInstanceOf(ChannelsClient.Refused.class)
                .hasMessageContaining("sent again at 2026-12-06T19:55:00Z");
        assertThatThrownBy(() -> client.retry("demo-woo", "f-9")).isInstanceOf(ChannelsClient.Unavailable.class)
                .hasMessageContaining("503");
        assertThatThrownBy(() -> client.retry("demo-woo", "../../orders")).isInstanceOf(ChannelsClient.Refused.class);
        assertThat(calls).hasSize(3);
    }

    @Test
    void noGatewayIsUnavailable() {
        gateway.stop(0);
        assertThatThrownBy(() -> client.stores()).isInstanceOf(ChannelsClient.Unavailable.class)
                .hasMessageContaining("did not answer");
    }
}
