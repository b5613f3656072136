package com.openfulfil.dropship.local.bench;

import com.openfulfil.dropship.events.serde.Json;
import com.openfulfil.dropship.events.topics.TopicSpec;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.local.LocalStack;
import com.openfulfil.dropship.local.demo.DemoCatalog;
import com.openfulfil.dropship.local.demo.DemoKeys;
import com.openfulfil.dropship.local.process.Service;
import com.openfulfil.dropship.local.process.ServiceProcess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What the stack needs before a bench: enough stock, and supplier topics as wide as every other topic. */
final class StackPreparation {
    /** Units per first-choice offer: more than any run can sell, so no order is rejected for want of stock. */
    static final int STOCK = 50_000_000;
    private static final Duration SERVICE_RESTART = Duration.ofSeconds(180);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private StackPreparation() {
    }

    /**
     * The launcher creates the demo suppliers' topics with the registry's partition count before
     * the services start, so with {@code --partitions} above it they would not be co-partitioned
     * with the order topics. They are widened here, while still empty, and supplier-gateway is
     * restarted so its streams and producer see the new partitions at once.
     */
    static void alignSupplierTopics(LocalStack stack, int partitions, Consumer<String> say) {
        if (partitions == Topics.PARTITIONS) {
            return;
        }
        if (partitions < Topics.PARTITIONS) {
            throw new IllegalArgumentException("--partitions below " + Topics.PARTITIONS + " is not supported: the "
                    + "launcher creates the supplier topics with " + Topics.PARTITIONS + " partitions, and Kafka cannot shrink a topic");
        }
        List<String> topics = DemoCatalog.SUPPLIERS.stream()
                .flatMap(s -> Stream.of(Topics.supplierDispatch(s), Topics.supplierUpdates(s))).map(TopicSpec::name).toList();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            Map<String, Integer> current = admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS)
                    .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().partitions().size()));
            Map<String, NewPartitions> widen = current.entrySet().stream().filter(e -> e.getValue() < partitions)
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> NewPartitions.increaseTo(partitions)));
            if (!widen.isEmpty()) {
                admin.createPartitions(widen).all().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot widen the supplier topics to " + partitions + " partitions", e);
        }
        ServiceProcess gateway = stack.service(Service.GATEWAY);
        say.accept("Widened the supplier topics to " + partitions + " partitions; restarting supplier-gateway ...");
        gateway.stop();
        gateway.start();
        gateway.awaitHealthy(SERVICE_RESTART);
    }

    /** Raises the first-choice offer of every bench product to {@link #STOCK} units and waits until the catalog shows it. */
    static void topUpStock(String catalogUrl, Duration timeout) {
        Map<String, List<OrderMix.Stocked>> bySupplier = OrderMix.PRODUCTS.stream()
                .collect(Collectors.groupingBy(p -> p.product().supplierId()));
        bySupplier.forEach((supplier, products) -> {
            List<Map<String, Object>> rows = products.stream().map(p -> Map.<String, Object>of("sku", p.product().sku(),
                    "supplierSku", p.supplierSku(), "stock", STOCK)).toList();
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(catalogUrl + "/api/v1/suppliers/"
                            + supplier + "/feed")).header("Content-Type", "application/json")
                    .header("X-Api-Key", DemoKeys.ADMIN_KEY)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(rows))).build());
            if (response.statusCode() / 100 != 2
                    || !Json.mapper().readTree(response.body()).path("rowsRefused").isEmpty()) {
                throw new IllegalStateException("The catalog refused the stock top-up for " + supplier + ": "
                        + response.statusCode() + " " + response.body());
            }
        });
        Instant deadline = Instant.now().plus(timeout);
        for (OrderMix.Stocked product : OrderMix.PRODUCTS) {
            while (available(catalogUrl, product.product().sku()) < STOCK) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("The catalog did not apply the stock top-up of "
                            + product.product().sku() + " within " + timeout);
                }
                LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
            }
        }
    }

    private static int available(String catalogUrl, String sku) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(catalogUrl + "/api/v1/products/" + sku))
                .GET().build());
        return response.statusCode() == 200 ? Json.mapper().readTree(response.body()).path("available").asInt(0) : 0;
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot reach " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
