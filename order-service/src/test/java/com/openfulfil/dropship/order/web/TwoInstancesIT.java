package com.openfulfil.dropship.order.web;

import com.openfulfil.dropship.events.catalog.ProductUpdated;
import com.openfulfil.dropship.events.serde.Json;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.order.OrderServiceApplication;
import com.openfulfil.dropship.support.kafka.EventPublisher;
import com.openfulfil.dropship.support.security.ApiKeys;
import com.openfulfil.dropship.support.testing.PrivateBroker;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.cloud.stream.binder.kafka.streams.InteractiveQueryService;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two order-service instances share the orders' partitions; each holds only its own, yet either
 * answers for any order, and a list asked of either gathers both instances' orders.
 */
class TwoInstancesIT {
    private static final String SHOP_A = "sk_two_a";
    private static final String SHOP_B = "sk_two_b";
    private static final String ADMIN = "ak_two_admin";
    private static final Duration WAIT = Duration.ofMinutes(2);

    private static PrivateBroker broker;
    private static Path data;
    private static final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    private static final List<Integer> ports = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        broker = PrivateBroker.start();
        data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "two-instances-");
        for (String name : List.of("a", "b")) {
            int port = freePort();
            ports.add(port);
            instances.add(new SpringApplicationBuilder(OrderServiceApplication.class).run(
                    "--server.port=" + port,
                    "--dropship.order.advertised-address=localhost:" + port,
                    "--dropship.order.internal-secret=two-instances-secret",
                    "--dropship.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                    "--dropship.state-dir=" + data.resolve(name).toAbsolutePath(),
                    "--dropship.streams.commit-interval-ms=50",
                    "--dropship.order.storefronts[0].id=shop-a",
                    "--dropship.order.storefronts[0].api-key-sha256=" + ApiKeys.sha256Hex(SHOP_A),
                    "--dropship.order.storefronts[1].id=shop-b",
                    "--dropship.order.storefronts[1].api-key-sha256=" + ApiKeys.sha256Hex(SHOP_B),
                    "--dropship.order.admin-key-sha256=" + ApiKeys.sha256Hex(ADMIN)));
        }
        try (EventPublisher publisher = new EventPublisher(broker.bootstrapServers(), "two-instances-it")) {
            publisher.publishAndWait(Topics.CATALOG_PRODUCTS, "MUG-001", new ProductUpdated("p", Instant.now(), "MUG-001",
                    "Ceramic mug", null, List.of(), new BigDecimal("12.50"), "USD", true, 1000, List.of()));
        }
        await().atMost(WAIT).until(() -> instances.stream().allMatch(TwoInstancesIT::ready));
    }

    @AfterAll
    static void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
        broker.close();
    }

    private static boolean ready(ConfigurableApplicationContext instance) {
        return instance.getBean("streams", HealthIndicator.class).health().getStatus().equals(Status.UP)
                && instance.getBean(Directory.class).product("MUG-001").isPresent();
    }

    @Test
    void eitherInstanceAnswersForAnyOrderAndListsAllOfThem() {
        List<String> shopA = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            shopA.add(place(ports.get(0), SHOP_A, "A-" + i));
        }
        List<String> shopB = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            shopB.add(place(ports.get(1), SHOP_B, "B-" + i));
        }

        InteractiveQueryService queries = instances.get(0).getBean(InteractiveQueryService.class);
        Set<HostInfo> owners = shopA.stream()
                .map(id -> queries.getHostInfo("orders", id, Serdes.String().serializer())).collect(Collectors.toSet());
        assertThat(owners).as("the orders are spread over both instances").hasSize(2);

        for (String orderId : shopA) {
            for (int port : ports) {
                await().atMost(WAIT).until(() -> status(port, orderId, SHOP_A) == 200);
                assertThat(get(port, "/api/v1/orders/" + orderId, SHOP_A).json().get("orderId").asString())
                        .isEqualTo(orderId);
            }
            assertThat(status(ports.get(1), orderId, SHOP_B)).as("another storefront's order").isEqualTo(404);
        }

        JsonNode listedA = get(ports.get(1), "/api/v1/orders?size=100", SHOP_A).json();
        assertThat(listedA.get("total").asInt()).isEqualTo(30);
        assertThat(listedA.get("items")).extracting(o -> o.get("orderId").asString())
                .containsExactlyInAnyOrderElementsOf(shopA);
        assertThat(get(ports.get(0), "/api/v1/orders?size=100", SHOP_B).json().get("total").asInt()).isEqualTo(10);
        assertThat(get(ports.get(0), "/api/v1/orders?size=100", ADMIN).json().get("total").asInt()).isEqualTo(40);

        JsonNode page = get(ports.get(0), "/api/v1/orders?size=7&page=2&status=PLACED", SHOP_A).json();
        assertThat(page.get("items")).hasSize(7);
        assertThat(page.get("total").asInt()).isEqualTo(30);
        assertThat(get(ports.get(0), "/api/v1/orders?status=DELIVERED", SHOP_A).json().get("total").asInt()).isZero();
        assertThat(get(ports.get(0), "/api/v1/orders?status=TELEPORTED&size=0", SHOP_A).status()).isEqualTo(400);

        HttpResponse<String> withoutSecret = send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + ports.get(0) + "/internal/v1/orders/" + shopA.get(0))).build());
        assertThat(withoutSecret.statusCode()).as("the instances' own reads need their secret").isEqualTo(401);
        HttpResponse<String> wrongSecret = send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + ports.get(0) + "/internal/v1/orders/" + shopA.get(0)))
                .header(OrderReader.INTERNAL_HEADER, "not-the-secret").build());
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
    }

    private String place(int port, String key, String ref) {
        String body = """
                {"externalRef":"%s","currency":"USD","customer":{"name":"Ada","email":"ada@example.com"},
                 "shipTo":{"line1":"1 Example Street","city":"London","postalCode":"N1 9GU","country":"GB"},
                 "lines":[{"sku":"MUG-001","quantity":1}],"paymentStatus":"PAID"}""".formatted(ref);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/orders"))
                .header("X-Api-Key", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return Json.mapper().readTree(response.body()).get("orderId").asString();
    }

    private int status(int port, String orderId, String key) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/orders/" + orderId))
                .header("X-Api-Key", key).build()).statusCode();
    }

    record Answer(int status, JsonNode json) {
    }

    private Answer get(int port, String path, String key) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-Api-Key", key).build());
        return new Answer(r.statusCode(), Json.mapper().readTree(r.body()));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
