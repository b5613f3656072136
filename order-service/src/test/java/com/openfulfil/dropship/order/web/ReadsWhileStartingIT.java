package com.openfulfil.dropship.order.web;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.catalog.ProductUpdated;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.topics.TopicSpec;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.order.OrderServiceApplication;
import com.openfulfil.dropship.support.security.ApiKeys;
import com.openfulfil.dropship.support.testing.PrivateBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

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
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * order-service starting on a catalog whose product updates came out of timestamp order: while it
 * cannot place an order yet (the broker holds its first assignment back for 10 seconds; the burst
 * takes under two on a busy two-core machine, and the health check after it says if it did not
 * come first), every read is 503 with {@code Retry-After}, never a 500; the burst of refused reads
 * leaves a line or two in the log and no stack trace; and the catalog's updates out of timestamp
 * order (a backlog at start, then more while it runs) leave no line each.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReadsWhileStartingIT {
    private static final String SHOP = "sk_starting_shop";
    private static final String SKU = "MUG-001";
    private static final int UPDATES = 200;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void readsBeforeTheStoresCanBeReadAre503AndTheLogStaysSmall(CapturedOutput output) throws Exception {
        try (PrivateBroker broker = PrivateBroker.start(Map.of("group.initial.rebalance.delay.ms", "10000"))) {
            createProductsTopic(broker);
            publishOlderAndOlder(broker, "restored", Instant.now().minus(Duration.ofHours(2)));
            int port = freePort();
            try (ConfigurableApplicationContext app = start(broker, port)) {
                int before = output.getOut().length();
                for (int i = 0; i < 100; i++) {
                    assertRetryLater(get(port, "/api/v1/orders/ord-" + i));
                    if (i % 3 == 0) {
                        assertRetryLater(get(port, "/api/v1/orders?size=10"));
                    }
                }
                assertThat(app.getBean("streams", HealthIndicator.class).health().getStatus())
                        .as("the reads came before the first assignment").isEqualTo(Status.DOWN);
                String burst = output.getOut().substring(before);
                assertThat(burst.lines().filter(line -> line.contains("Answering 503"))).hasSizeBetween(1, 2);
                assertThat(burst).doesNotContain("Unexpected error", "\tat com.openfulfil");

                publishOlderAndOlder(broker, "live", Instant.now().minus(Duration.ofHours(1)));
                Directory directory = app.getBean(Directory.class);
                await().atMost(Duration.ofMinutes(2)).until(() -> directory.product(SKU)
                        .filter(p -> p.title().equals("live " + (UPDATES - 1))).isPresent());
                await().atMost(Duration.ofMinutes(2)).until(() -> get(port, "/api/v1/orders/ord-1").statusCode() == 404);
            }
            assertThat(output.getOut()).as("the catalog's updates out of timestamp order, restored and live")
                    .doesNotContain("out-of-order");
        }
    }

    private static void assertRetryLater(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).contains("1");
        assertThat(answer.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
    }

    private static void createProductsTopic(PrivateBroker broker) throws Exception {
        TopicSpec products = Topics.CATALOG_PRODUCTS;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(products.name(), products.partitions(), (short) 1)
                    .configs(products.configs()))).all().get();
        }
    }

    /** One product's updates, each stamped a second before the one it replaces. */
    private static void publishOlderAndOlder(PrivateBroker broker, String title, Instant newest) throws Exception {
        try (KafkaProducer<String, Event> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new StringSerializer(), new EventSerde())) {
            for (int i = 0; i < UPDATES; i++) {
                Instant stamp = newest.minusSeconds(i);
                producer.send(new ProducerRecord<>(Topics.CATALOG_PRODUCTS.name(), null, stamp.toEpochMilli(), SKU,
                        new ProductUpdated("p-" + title + "-" + i, stamp, SKU, title + " " + i, null, List.of(),
                                new BigDecimal("12.50"), "USD", true, 1000, List.of())));
            }
            producer.flush();
        }
    }

    private static ConfigurableApplicationContext start(PrivateBroker broker, int port) throws Exception {
        Path state = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "reads-while-starting-");
        return new SpringApplicationBuilder(OrderServiceApplication.class).run(
                "--server.port=" + port,
                "--dropship.order.advertised-address=localhost:" + port,
                "--dropship.order.internal-secret=reads-while-starting",
                "--dropship.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                "--dropship.state-dir=" + state.toAbsolutePath(),
                "--dropship.order.storefronts[0].id=shop",
                "--dropship.order.storefronts[0].api-key-sha256=" + ApiKeys.sha256Hex(SHOP));
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("X-Api-Key", SHOP)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
