package com.openfulfil.dropship.catalog.it;

import com.openfulfil.dropship.catalog.CatalogServiceApplication;
import com.openfulfil.dropship.catalog.config.DemoFeedLoader;
import com.openfulfil.dropship.events.catalog.StockAllocated;
import com.openfulfil.dropship.events.fixtures.OrderFixtures;
import com.openfulfil.dropship.events.order.OrderPlaced;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.kafka.EventPublisher;
import com.openfulfil.dropship.support.testing.EmbeddedBroker;
import com.openfulfil.dropship.support.testing.KafkaIntegrationTest;
import com.openfulfil.dropship.support.testing.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** catalog-service on a real broker, started as {@code ./dropship up} starts it (profile demo). */
@SpringBootTest(classes = CatalogServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class CatalogIT extends KafkaIntegrationTest {
    private static final Duration STARTUP = Duration.ofSeconds(90);
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    EventPublisher publisher;
    @Autowired
    DemoFeedLoader demoFeed;

    @Test
    void theDemoCatalogLoadsAndAnOrderPlacedIsAllocatedWithItsReservationShownInAvailability() throws Exception {
        await().atMost(STARTUP).pollInterval(Duration.ofMillis(200))
                .until(() -> availableOf("MUG-001") == 200_000);

        OrderPlaced order = OrderFixtures.anOrder().withOrderId("it-order-1").withLine("MUG-001", 2, "12.50")
                .withLine("TOWEL-020", 1, "18.00").build();
        publisher.publishAndWait(Topics.ORDERS_PLACED, order.orderId(), order);

        try (TopicReader allocations = new TopicReader(EmbeddedBroker.bootstrapServers(), Topics.ORDER_ALLOCATIONS.name())) {
            allocations.until(STARTUP, seen -> seen.stream().anyMatch(r -> r.key().equals("it-order-1")));
            assertThat(allocations.valuesOf(StockAllocated.class)).singleElement().satisfies(allocated -> {
                assertThat(allocated.order()).isEqualTo(order.order());
                assertThat(allocated.lines()).extracting(l -> l.sku() + "@" + l.chosen().supplierId())
                        .containsExactly("MUG-001@hanoi-crafts", "TOWEL-020@lyon-linen");
                assertThat(allocated.lines().get(0).backups()).extracting(b -> b.supplierId())
                        .containsExactly("shenzhen-gadgets");
            });
        }

        JsonNode mug = get("/api/v1/products/MUG-001").body();
        assertThat(mug.get("available").intValue()).isEqualTo(199_998);
        assertThat(mug.get("listed").booleanValue()).isTrue();
        assertThat(mug.get("retailPrice").stringValue()).isEqualTo("12.50");
        assertThat(mug.at("/offers/0/supplierId").stringValue()).isEqualTo("hanoi-crafts");
        assertThat(mug.at("/offers/0/reserved").intValue()).isEqualTo(2);
        // a restart finds the feed topic full and does not load the demo stock again
        assertThat(demoFeed.loadIfEmpty()).isFalse();
    }

    @Test
    void aFeedIsImportedRowByRowAndBadRowsAreReportedNotPublished() throws Exception {
        String feed = """
                [{"sku":"IT-900","supplierSku":"LL-IT-900","title":"IT linen test","cost":"3.00","currency":"USD",
                  "stock":40,"shippingCost":"1.00","retailPrice":"9.00"},
                 {"sku":"IT-901","supplierSku":"LL-IT-901","cost":"-1.00","currency":"USD","stock":"many"}]""";

        Response report = post("/api/v1/suppliers/lyon-linen/feed", feed);

        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body().get("rowsReceived").intValue()).isEqualTo(2);
        assertThat(report.body().get("rowsApplied").intValue()).isEqualTo(1);
        assertThat(report.body().get("rowsRefused").values()).extracting(r -> r.get("line").intValue() + ":"
                + r.get("field").stringValue() + ":" + r.get("reason").stringValue())
                .containsExactlyInAnyOrder("2:stock:must be a whole number", "2:cost:must not be negative");
        await().atMost(STARTUP).pollInterval(Duration.ofMillis(200)).until(() -> availableOf("IT-900") == 40);
        assertThat(get("/api/v1/products/IT-901").status()).isEqualTo(404);
        assertThat(post("/api/v1/suppliers/Not_A_Supplier/feed", "[]").status()).isEqualTo(400);
    }

    @Test
    void productsCanBeSearchedBySkuOrTitleAPageAtATime() throws Exception {
        await().atMost(STARTUP).pollInterval(Duration.ofMillis(200)).until(() -> availableOf("CUSHION-024") > 0);

        Response page = get("/api/v1/products?q=LINEN&page=0&size=2");

        // tea towel, napkins, apron, duvet cover, cushion cover (and nothing by sku)
        assertThat(page.body().get("total").intValue()).isGreaterThanOrEqualTo(5);
        assertThat(page.body().get("items").values()).hasSize(2);
        assertThat(page.body().get("size").intValue()).isEqualTo(2);
        Response bad = get("/api/v1/products?page=-1&size=500");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("errors").values()).extracting(e -> e.get("field").stringValue())
                .containsExactly("page", "size");
    }

    private int availableOf(String sku) throws IOException, InterruptedException {
        Response response = get("/api/v1/products/" + sku);
        return response.status() == 200 ? response.body().get("available").intValue() : -1;
    }

    private record Response(int status, JsonNode body) {
    }

    private Response get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    private Response post(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private Response send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), JsonMapper.shared().readTree(response.body()));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
