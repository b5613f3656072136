package com.openfulfil.dropship.local.bench;

import com.openfulfil.dropship.events.serde.Json;
import com.openfulfil.dropship.events.topics.TopicSpec;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.local.LocalStack;
import com.openfulfil.dropship.local.demo.DemoKeys;
import com.openfulfil.dropship.local.demo.DemoOrders;
import com.openfulfil.dropship.local.demo.PlannedOrder;
import com.openfulfil.dropship.local.process.Service;
import com.openfulfil.dropship.local.process.ServiceProcess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the stack needs before a bench: the bench catalog's suppliers' topics as wide as every other
 * topic, and the catalog itself, loaded through the suppliers' feed API and known to order-service.
 */
final class StackPreparation {
    /** order-service takes at most this many lines in one order. */
    private static final int PROBE_LINES = 100;
    /** A price below any product's: an order at it is refused, after the products are looked up. */
    private static final BigDecimal BELOW_EVERY_PRICE = new BigDecimal("0.01");
    private static final Duration SERVICE_RESTART = Duration.ofSeconds(180);
    private static final Duration RETRY_EVERY = Duration.ofMillis(500);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private StackPreparation() {
    }

    /** Partitions of the pipeline's order topics, as the broker has them (what the services created). */
    static int pipelinePartitions(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            String topic = Topics.ORDERS_LIFECYCLE.name();
            return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic)
                    .partitions().size();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the partitions of " + Topics.ORDERS_LIFECYCLE.name(), e);
        }
    }

    /**
     * Every supplier's dispatch and updates topic exists with the pipeline's partition count, so it
     * is co-partitioned with the order topics. supplier-gateway creates them for the suppliers it is
     * configured with; any missing is created here, and any narrower one is widened while still
     * empty, and supplier-gateway restarted so its streams and producer see the new partitions at once.
     */
    static void ensureSupplierTopics(LocalStack stack, List<String> suppliers, int partitions, Consumer<String> say) {
        List<TopicSpec> specs = suppliers.stream()
                .flatMap(s -> Stream.of(Topics.supplierDispatch(s), Topics.supplierUpdates(s))).toList();
        boolean widened;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = specs.stream().filter(s -> !existing.contains(s.name()))
                    .map(s -> new NewTopic(s.name(), partitions, (short) 1).configs(s.configs())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
            }
            List<String> present = specs.stream().map(TopicSpec::name).filter(existing::contains).toList();
            Map<String, TopicDescription> described = present.isEmpty() ? Map.of()
                    : admin.describeTopics(present).allTopicNames().get(30, TimeUnit.SECONDS);
            Map<String, NewPartitions> widen = described.values().stream()
                    .filter(d -> d.partitions().size() < partitions)
                    .collect(Collectors.toMap(TopicDescription::name, d -> NewPartitions.increaseTo(partitions)));
            if (!widen.isEmpty()) {
                admin.createPartitions(widen).all().get(30, TimeUnit.SECONDS);
            }
            widened = !widen.isEmpty();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create the suppliers' topics with " + partitions + " partitions", e);
        }
        if (widened) {
            ServiceProcess gateway = stack.service(Service.GATEWAY);
            say.accept("Widened the supplier topics to " + partitions + " partitions; restarting supplier-gateway ...");
            gateway.stop();
            gateway.start();
            gateway.awaitHealthy(SERVICE_RESTART);
        }
    }

    /**
     * Loads the bench catalog through each supplier's feed (one JSON array per supplier and call):
     * the first-choice offers first, then the backups, so that for every product the row that
     * decides where its lines go is applied first. Returns once order-service knows every product.
     */
    static void loadCatalog(String catalogUrl, String orderUrl, BenchCatalog catalog, Duration timeout,
                            Consumer<String> say) {
        for (boolean firstChoice : List.of(true, false)) {
            catalog.feeds(firstChoice).forEach((supplier, rows) -> {
                HttpResponse<String> response = postFeed(catalogUrl, supplier, Json.mapper().writeValueAsBytes(rows));
                if (response.statusCode() / 100 != 2
                        || !Json.mapper().readTree(response.body()).path("rowsRefused").isEmpty()) {
                    throw new IllegalStateException("The catalog refused the feed of " + supplier + ": "
                            + response.statusCode() + " " + response.body());
                }
            });
        }
        say.accept("  feeds sent; waiting until order-service can sell every product ...");
        awaitOrderable(orderUrl, catalog, Instant.now().plus(timeout));
    }

    /**
     * A supplier's feed rows, in one call, with the admin's key (who may write any supplier's feed).
     */
    static HttpResponse<String> postFeed(String catalogUrl, String supplierId, byte[] rows) {
        return send(HttpRequest.newBuilder(URI.create(catalogUrl + "/api/v1/suppliers/" + supplierId + "/feed"))
                .header("Content-Type", "application/json").header("X-Api-Key", DemoKeys.ADMIN_KEY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(rows)).build());
    }

    /**
     * Asks order-service, a hundred products at a time, for a partner order priced below every
     * product: it looks each product up before it checks the price, so "price below retail" means
     * it knows and lists them all, "unavailable product" that some have not reached it yet. Such an
     * order is refused either way: nothing is created.
     */
    private static void awaitOrderable(String orderUrl, BenchCatalog catalog, Instant deadline) {
        List<BenchCatalog.Sku> skus = catalog.skus();
        for (int from = 0; from < skus.size(); from += PROBE_LINES) {
            List<PlannedOrder.Line> lines = new ArrayList<>();
            for (int i = from; i < Math.min(from + PROBE_LINES, skus.size()); i++) {
                lines.add(new PlannedOrder.Line(catalog.product(i), 1, BELOW_EVERY_PRICE));
            }
            for (int attempt = 1; ; attempt++) {
                String ref = "BENCH-CATALOG-PROBE-" + from + "-" + attempt;
                HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(orderUrl + "/api/v1/partner-orders"))
                        .header("Content-Type", "application/json")
                        .header("X-Api-Key", DemoKeys.PARTNER_KEY)
                        .header("Idempotency-Key", ref)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(
                                DemoOrders.body(ref, lines, DemoOrders.customer(0), 1)))).build());
                String body = response.body();
                if (response.statusCode() == 422 && body.contains("price-below-retail")) {
                    break;
                }
                boolean notYet = response.statusCode() == 422 && body.contains("unavailable-product")
                        || response.statusCode() == 503;
                if (!notYet) {
                    throw new IllegalStateException("order-service answered the catalog check unexpectedly: "
                            + response.statusCode() + " " + body);
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("order-service did not know products " + skus.get(from).sku()
                            + " to " + skus.get(Math.min(from + PROBE_LINES, skus.size()) - 1).sku() + " in time: " + body);
                }
                LockSupport.parkNanos(RETRY_EVERY.toNanos());
            }
        }
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
