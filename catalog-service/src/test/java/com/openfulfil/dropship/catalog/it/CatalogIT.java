package com.openfulfil.dropship.catalog.it;

import com.openfulfil.dropship.catalog.CatalogServiceApplication;
import com.openfulfil.dropship.catalog.config.DemoFeedLoader;
import com.openfulfil.dropship.events.catalog.ProductUpdated;
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
    /** The demo profile's keys: the admin's, and each demo supplier's feed key. */
    static final String ADMIN_KEY = "ak_demo_admin_0123456789";
    static final String HANOI_KEY = "fk_hanoi-crafts_0123456789";
    static final String LYON_KEY = "fk_lyon-linen_0123456789";
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
            assertThat(allocations.valuesOf(StockAllocated.class)).filteredOn(a -> a.orderId().equals("it-order-1"))
                    .singleElement().satisfies(allocated -> {
                assertThat(allocated.order()).isEqualTo(order.order());
                assertThat(allocated.lines()).extracting(l -> l.sku() + "@" + l.chosen().supplierId())
                        .containsExactly("MUG-001@hanoi-crafts", "TOWEL-020@lyon-linen");
                assertThat(allocated.lines().get(0).backups()).extracting(b -> b.supplierId())
                        .containsExactly("shenzhen-gadgets");
            });
        }

        JsonNode mug = get("/api/v1/products/MUG-001", ADMIN_KEY).body();
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

        Response report = post("/api/v1/suppliers/lyon-linen/feed", LYON_KEY, feed);

        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body().get("rowsReceived").intValue()).isEqualTo(2);
        assertThat(report.body().get("rowsApplied").intValue()).isEqualTo(1);
        assertThat(report.body().get("rowsRefused").values()).extracting(r -> r.get("line").intValue() + ":"
                + r.get("field").stringValue() + ":" + r.get("reason").stringValue())
                .containsExactlyInAnyOrder("2:stock:must be a whole number", "2:cost:must not be negative");
        await().atMost(STARTUP).pollInterval(Duration.ofMillis(200)).until(() -> availableOf("IT-900") == 40);
        assertThat(get("/api/v1/products/IT-901").status()).isEqualTo(404);
        assertThat(post("/api/v1/suppliers/Not_A_Supplier/feed", ADMIN_KEY, "[]").status()).isEqualTo(400);
    }

    @Test
    void productsCanBeSearchedBySkuOrTitleAPageAtATime() throws Exception {
        // tea towel, napkins, apron, duvet cover, cushion cover (and nothing by sku), once the demo feed is in
        await().atMost(STARTUP).pollInterval(Duration.ofMillis(200))
                .until(() -> get("/api/v1/products?q=LINEN&page=0&size=2").body().path("total").asInt(0) >= 5);

        Response page = get("/api/v1/products?q=LINEN&page=0&size=2");
        assertThat(page.body().get("items").values()).hasSize(2);
        assertThat(page.body().get("size").intValue()).isEqualTo(2);
        Response bad = get("/api/v1/products?page=-1&size=500");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("errors").values()).extracting(e -> e.get("field").stringValue())
                .containsExactly("page", "size");
    }

    @Test
    void aSpreadsheetsCsvIsImportedRowByRowAndAgainWithoutChange() throws Exception {
        String csv = "\uFEFF" + """
                Our SKU,Supplier SKU,Title,Description,Cost price,Currency,Stock on hand,Handling days,Shipping options,Retail price
                CSV-TEA-1,HC-T1,"Trà sen Tây Hồ, 100 g","Lotus tea; hand-wrapped",6.00,USD,80,3,STANDARD:1.20:9|EXPEDITED:5.00:4:DHL,15.00
                CSV-TEA-2,HC-T2,龙井茶 50 g,"Thé vert \"\"Longjing\"\"",-1,USD,40,3,,12.00
                CSV-TEA-3,HC-T3,Trà ô long,,5.00,USD,lots,3,,14.00
                """;

        Response first = postCsv("/api/v1/suppliers/hanoi-crafts/feed", csv);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("rowsReceived").intValue()).isEqualTo(3);
        assertThat(first.body().get("rowsApplied").intValue()).isEqualTo(1);
        assertThat(first.body().get("rowsRefused").values()).extracting(r -> r.get("line").intValue() + " "
                        + r.get("field").stringValue())
                .containsExactly("3 cost", "4 stock");

        await().atMost(STARTUP).until(() -> availableOf("CSV-TEA-1") == 80);
        JsonNode tea = get("/api/v1/products/CSV-TEA-1", HANOI_KEY).body();
        assertThat(tea.get("title").stringValue()).isEqualTo("Trà sen Tây Hồ, 100 g");
        assertThat(tea.at("/offers/0/shippingOptions/1/carrier").stringValue()).isEqualTo("DHL");
        assertThat(get("/api/v1/products/CSV-TEA-2").status()).as("a refused row changes nothing").isEqualTo(404);

        try (TopicReader products = new TopicReader(EmbeddedBroker.bootstrapServers(), Topics.CATALOG_PRODUCTS.name())) {
            products.until(STARTUP, seen -> seen.stream().anyMatch(r -> r.key().equals("CSV-TEA-1")));
            long before = products.valuesOf(ProductUpdated.class).stream().filter(p -> p.sku().equals("CSV-TEA-1")).count();
            assertThat(postCsv("/api/v1/suppliers/hanoi-crafts/feed", csv).body().get("rowsApplied").intValue()).isEqualTo(1);
            // a marker row after the re-import: once it shows, the re-imported row has been through too
            postCsv("/api/v1/suppliers/hanoi-crafts/feed", "sku,supplierSku,stock\nCSV-TEA-1,HC-T1,81\n");
            products.until(STARTUP, seen -> products.valuesOf(ProductUpdated.class).stream()
                    .anyMatch(p -> p.sku().equals("CSV-TEA-1") && p.available() == 81));
            assertThat(products.valuesOf(ProductUpdated.class).stream().filter(p -> p.sku().equals("CSV-TEA-1")).count())
                    .as("the re-import published no product update, the marker one").isEqualTo(before + 1);
        }
    }

    @Test
    void aCsvThatStopsMakingSenseIsRefusedFromTheLineItBreaksOnAndTheRowsBeforeAreImported() throws Exception {
        Response broken = postCsv("/api/v1/suppliers/hanoi-crafts/feed", """
                sku;supplierSku;title;cost;currency;stock;retailPrice
                CSV-BRK-1;HC-B1;"Bol; grès";4.00;USD;5;11.00
                CSV-BRK-2;HC-B2;"Bol, never closed;4.00;USD;6;11.00
                """);

        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.body().get("line").intValue()).isEqualTo(3);
        assertThat(broken.body().get("detail").stringValue()).isEqualTo("a quoted field opened on line 3 is never "
                + "closed. Rows before line 3 were imported; fix the file and send it again (rows already imported "
                + "do not change).");
        assertThat(broken.body().get("errors").values()).extracting(e -> e.get("message").stringValue())
                .containsExactly("a quoted field opened on line 3 is never closed");
        await().atMost(STARTUP).pollInterval(Duration.ofMillis(200)).until(() -> availableOf("CSV-BRK-1") == 5);
        assertThat(get("/api/v1/products/CSV-BRK-2").status()).isEqualTo(404);
    }

    @Test
    void aHundredThousandRowFeedStreamsThrough() throws Exception {
        int rows = 100_000;
        HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/suppliers/lyon-linen/feed"))
                .header("Content-Type", "text/csv").header("X-Api-Key", LYON_KEY)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> BigFeed.csv(rows))).build();

        Response report = send(request);

        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body().get("rowsReceived").intValue()).isEqualTo(rows);
        assertThat(report.body().get("rowsApplied").intValue()).isEqualTo(rows);
    }

    @Test
    void onlyTheSupplierItselfOrTheAdminMayWriteASuppliersFeed() throws Exception {
        await().atMost(STARTUP).pollInterval(Duration.ofMillis(200)).until(() -> availableOf("MUG-001") > 0);
        String cheapMug = "[{\"supplierSku\":\"HC-MUG\",\"sku\":\"MUG-001\",\"retailPrice\":\"1.00\",\"currency\":\"USD\"}]";

        Response anonymous = post("/api/v1/suppliers/hanoi-crafts/feed", null, cheapMug);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body().get("detail").stringValue()).contains("X-Api-Key");
        assertThat(post("/api/v1/suppliers/hanoi-crafts/feed", "fk_hanoi-crafts_guessed", cheapMug).status())
                .isEqualTo(401);
        Response another = post("/api/v1/suppliers/hanoi-crafts/feed", LYON_KEY, cheapMug);
        assertThat(another.status()).as("lyon-linen's key on hanoi-crafts' feed").isEqualTo(403);
        assertThat(postCsv("/api/v1/suppliers/shenzhen-gadgets/feed", "sku,supplierSku,stock\nMUG-001,SZ-X,1\n").status())
                .as("hanoi-crafts' key on shenzhen-gadgets' feed").isEqualTo(403);
        assertThat(get("/api/v1/suppliers/lyon-linen/feed/pull").status()).isEqualTo(401);
        assertThat(get("/api/v1/suppliers/lyon-linen/feed/pull", HANOI_KEY).status()).isEqualTo(403);
        assertThat(get("/api/v1/suppliers/lyon-linen/feed/pull", LYON_KEY).status())
                .as("its own, never pulled: no feed URL is configured").isEqualTo(404);
        assertThat(post("/api/v1/suppliers/lyon-linen/feed/pull", null, "").status()).isEqualTo(401);

        String feed = "[{\"sku\":\"IT-950\",\"supplierSku\":\"SZ-IT-950\",\"title\":\"IT gadget\",\"cost\":\"2.00\","
                + "\"currency\":\"USD\",\"stock\":7,\"retailPrice\":\"9.00\"}]";
        assertThat(post("/api/v1/suppliers/shenzhen-gadgets/feed", "fk_shenzhen-gadgets_0123456789", feed).status())
                .isEqualTo(200);
        assertThat(post("/api/v1/suppliers/lyon-linen/feed", ADMIN_KEY, feed.replace("SZ-", "LL-")).status())
                .as("the admin writes any feed").isEqualTo(200);
        await().atMost(STARTUP).pollInterval(Duration.ofMillis(200)).until(() -> availableOf("IT-950") == 14);
        assertThat(get("/api/v1/products/MUG-001").body().get("retailPrice").stringValue())
                .as("nothing refused changed the price").isEqualTo("12.50");
    }

    @Test
    void anyoneReadsAProductAsAStorefrontShowsItTheAdminInFullASupplierItsOwnOffer() throws Exception {
        await().atMost(STARTUP).pollInterval(Duration.ofMillis(200)).until(() -> availableOf("MUG-001") > 0);

        JsonNode storefront = get("/api/v1/products/MUG-001").body();
        assertThat(storefront.propertyNames()).containsExactlyInAnyOrder("sku", "title", "description", "imageUrls",
                "retailPrice", "currency", "listed", "available");
        assertThat(get("/api/v1/products?q=MUG-001").body().at("/items/0").propertyNames())
                .doesNotContain("offers", "pricing");

        JsonNode admin = get("/api/v1/products/MUG-001", ADMIN_KEY).body();
        assertThat(admin.get("offers").values()).extracting(o -> o.get("supplierId").stringValue())
                .containsExactlyInAnyOrder("hanoi-crafts", "shenzhen-gadgets");
        assertThat(admin.at("/offers/0/cost").isMissingNode()).isFalse();
        assertThat(admin.at("/pricing/bestLandedCost").isMissingNode()).isFalse();

        JsonNode hanoi = get("/api/v1/products/MUG-001", HANOI_KEY).body();
        assertThat(hanoi.get("offers").values()).extracting(o -> o.get("supplierId").stringValue())
                .containsExactly("hanoi-crafts");
        assertThat(hanoi.has("pricing")).as("the best landed cost tells of the others' costs").isFalse();
        assertThat(get("/api/v1/products/MUG-001", LYON_KEY).body().get("offers").values())
                .as("lyon-linen does not offer the mug").isEmpty();
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

    private Response get(String path, String apiKey) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("X-Api-Key", apiKey).GET().build());
    }

    private Response post(String path, String apiKey, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        return send(request.build());
    }

    /** A CSV feed, sent with hanoi-crafts' own feed key. */
    private Response postCsv(String path, String csv) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "text/csv; charset=utf-8")
                .header("X-Api-Key", HANOI_KEY).POST(HttpRequest.BodyPublishers.ofString(csv)).build());
    }

    private Response send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body().isEmpty() ? JsonMapper.shared().missingNode()
                : JsonMapper.shared().readTree(response.body()));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
