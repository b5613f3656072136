package com.openfulfil.dropship.ops.orders;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against a small real HTTP server answering as order-service's order API is documented to (docs/storefronts.md). */
class OrderReaderTest {
    private static final String KEY = "ak_test_admin";

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private HttpServer orderService;
    private OrderReader reader;

    @BeforeEach
    void startOrderService() throws IOException {
        orderService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        orderService.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            calls.add(exchange.getRequestMethod() + " " + path + " " + exchange.getRequestHeaders().getFirst("X-Api-Key"));
            int status;
            String body;
            switch (path) {
                case "/api/v1/orders/ord-1" -> {
                    status = 200;
                    body = OrderDetailTest.RETURNED_ORDER;
                }
                case "/api/v1/orders/ord-busy" -> {
                    status = 503;
                    body = "{\"status\":503,\"title\":\"Service Unavailable\"}";
                }
                case "/api/v1/orders/ord-locked" -> {
                    status = 401;
                    body = "{\"status\":401,\"title\":\"Unauthorized\",\"detail\":\"Unknown API key.\"}";
                }
                case "/api/v1/orders/ord-garbled" -> {
                    status = 200;
                    body = "<html>a proxy's page</html>";
                }
                default -> {
                    status = 404;
                    body = "{\"status\":404,\"title\":\"Not found\"}";
                }
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        orderService.start();
        reader = reader(KEY);
    }

    private OrderReader reader(String key) {
        return new OrderReader(URI.create("http://127.0.0.1:" + orderService.getAddress().getPort()),
                new OrderActionsProperties(key));
    }

    @AfterEach
    void stopOrderService() {
        orderService.stop(0);
    }

    @Test
    void readsTheOrderWithTheAdminKey() {
        OrderDetail order = reader.order("ord-1").orElseThrow();

        assertThat(order.orderId()).isEqualTo("ord-1");
        assertThat(order.status()).isEqualTo("RETURN_REQUESTED");
        assertThat(order.lines()).hasSize(2);
        assertThat(order.returnAuthorisations()).hasSize(2);
        assertThat(order.refunds()).hasSize(4);
        assertThat(calls).containsExactly("GET /api/v1/orders/ord-1 " + KEY);
    }

    @Test
    void anOrderOrderServiceDoesNotKnowIsEmpty() {
        assertThat(reader.order("ord-nobody")).isEmpty();
    }

    @Test
    void anIdThatCannotBeAnOrdersIsEmptyWithoutAsking() {
        assertThat(reader.order("../admin/orders")).isEmpty();
        assertThat(reader.order("ord 1")).isEmpty();
        assertThat(reader.order("")).isEmpty();
        assertThat(calls).isEmpty();
    }

    @Test
    void aBusyOrderServiceIsUnavailable() {
        assertThatThrownBy(() -> reader.order("ord-busy")).isInstanceOf(OrderReader.Unavailable.class)
                .hasMessageContaining("503");
    }

    @Test
    void aRefusedKeyIsUnavailableAndSaysSo() {
        assertThatThrownBy(() -> reader.order("ord-locked")).isInstanceOf(OrderReader.Unavailable.class)
                .hasMessageContaining("admin key").hasMessageContaining("Unknown API key.");
    }

    @Test
    void anAnswerThatIsNotTheOrderApisIsUnavailable() {
        assertThatThrownBy(() -> reader.order("ord-garbled")).isInstanceOf(OrderReader.Unavailable.class)
                .hasMessageContaining("not its order API's");
    }

    @Test
    void withoutAnAdminKeyNothingIsAskedAndThePageCanSayWhy() {
        assertThatThrownBy(() -> reader("").order("ord-1")).isInstanceOf(OrderReader.Unavailable.class)
                .hasMessageContaining("DROPSHIP_OPS_ORDER_ACTIONS_ADMIN_KEY");
        assertThat(calls).isEmpty();
    }

    @Test
    void noOrderServiceIsUnavailable() {
        orderService.stop(0);
        assertThatThrownBy(() -> reader.order("ord-1")).isInstanceOf(OrderReader.Unavailable.class)
                .hasMessageContaining("did not answer");
    }
}
