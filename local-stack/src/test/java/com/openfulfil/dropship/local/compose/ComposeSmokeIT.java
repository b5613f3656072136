package com.openfulfil.dropship.local.compose;

import com.openfulfil.dropship.local.demo.DemoKeys;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * docker-compose.yml as an operator runs it: the broker, the registry's topics, catalog-service,
 * order-service and supplier-gateway come up from the service images, a product is fed to the catalog
 * and one storefront order reaches DISPATCHED. Needs Docker and the images
 * ({@code ./mvnw -B package jib:dockerBuild -DskipTests}); without Docker it says so and is skipped.
 */
class ComposeSmokeIT {
    private static final Duration UP = Duration.ofMinutes(5);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theComposeStackTakesAnOrderToDispatched() throws Exception {
        assumeTrue(dockerAvailable(), "No Docker engine is reachable here: the compose smoke test needs one "
                + "(and the images from ./mvnw -B package jib:dockerBuild -DskipTests)");
        ComposeContainer compose = new ComposeContainer(new File("../docker-compose.yml"))
                .withServices("kafka", "kafka-topics", "catalog-service", "order-service", "supplier-gateway")
                .withEnv(Map.of(
                        "ADMIN_KEY_SHA256", sha256(DemoKeys.ADMIN_KEY),
                        "STOREFRONT_KEY_SHA256", sha256(DemoKeys.STOREFRONT_KEY),
                        "SUPPLIER_SECRET_HANOI_CRAFTS", "ss_demo_hanoi-crafts"))
                .withExposedService("catalog-service", 8082, Wait.forHttp("/actuator/health/readiness")
                        .forStatusCode(200).withStartupTimeout(UP))
                .withExposedService("order-service", 8081, Wait.forHttp("/actuator/health/readiness")
                        .forStatusCode(200).withStartupTimeout(UP))
                .withExposedService("supplier-gateway", 8083, Wait.forHttp("/actuator/health/readiness")
                        .forStatusCode(200).withStartupTimeout(UP))
                .withRemoveVolumes(true);
        compose.start();
        try {
            String catalog = url(compose, "catalog-service", 8082);
            String orders = url(compose, "order-service", 8081);

            HttpResponse<String> feed = post(catalog + "/api/v1/suppliers/hanoi-crafts/feed", DemoKeys.ADMIN_KEY, null, """
                    [{"sku": "SMOKE-MUG", "supplierSku": "HC-SMOKE-MUG", "title": "Smoke test mug",
                      "retailPrice": "12.50", "cost": "4.20", "shippingCost": "1.00", "currency": "USD",
                      "stock": 10, "handlingDays": 1, "priority": 1, "hsCode": "6912.00", "countryOfOrigin": "VN"}]""");
            assertThat(feed.statusCode()).as(feed.body()).isBetween(200, 299);

            // order-service learns the product from catalog.products a moment after the feed
            String[] orderId = new String[1];
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                HttpResponse<String> placed = post(orders + "/api/v1/orders", DemoKeys.STOREFRONT_KEY, "SMOKE-1", """
                        {"externalRef": "SMOKE-1", "currency": "USD",
                         "customer": {"name": "Ada Lovelace", "email": "ada@example.com", "locale": "en"},
                         "shipTo": {"line1": "1 Example Street", "city": "London", "postalCode": "N1 9GU", "country": "GB"},
                         "lines": [{"sku": "SMOKE-MUG", "quantity": 1}], "paymentStatus": "PAID"}""");
                if (placed.statusCode() == 202) {
                    orderId[0] = placed.body().replaceAll(".*\"orderId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
                }
                return orderId[0] != null;
            });

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    get(orders + "/api/v1/orders/" + orderId[0], DemoKeys.STOREFRONT_KEY).body()
                            .matches("(?s).*\"status\"\\s*:\\s*\"(DISPATCHED|ACCEPTED|SHIPPED|IN_TRANSIT)\".*"));
        } finally {
            compose.stop();
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static String url(ComposeContainer compose, String service, int port) {
        return "http://" + compose.getServiceHost(service, port) + ":" + compose.getServicePort(service, port);
    }

    private static HttpResponse<String> post(String url, String key, String idempotencyKey, String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("X-Api-Key", key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url, String key) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("X-Api-Key", key).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String sha256(String key) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    }
}
