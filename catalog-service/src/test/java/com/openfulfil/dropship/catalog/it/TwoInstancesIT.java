package com.openfulfil.dropship.catalog.it;

import com.openfulfil.dropship.catalog.CatalogServiceApplication;
import com.openfulfil.dropship.catalog.stream.CatalogTopology;
import com.openfulfil.dropship.events.serde.Json;
import com.openfulfil.dropship.support.testing.ServiceInstances;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.cloud.stream.binder.kafka.streams.InteractiveQueryService;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two catalog-service instances share the products' partitions, so each holds some products only;
 * yet either answers for any product, and a search asked of either finds every product, page by page.
 */
class TwoInstancesIT {
    private static final Duration WAIT = Duration.ofMinutes(2);
    /** The demo profile's admin key: only the admin sees a product's offers. */
    private static final String ADMIN_KEY = CatalogIT.ADMIN_KEY;

    @RegisterExtension
    static final ServiceInstances instances = ServiceInstances.of(CatalogServiceApplication.class, 2, port -> List.of(
            "--dropship.catalog.advertised-address=localhost:" + port));

    private static List<String> skus;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<Integer> ports = instances.ports();

    @BeforeAll
    static void readTheDemoCatalog() throws IOException {
        try (InputStream demo = TwoInstancesIT.class.getResourceAsStream("/demo-catalog.json")) {
            skus = Json.mapper().readTree(demo).valueStream().map(row -> row.path("sku").asString()).distinct().sorted()
                    .toList();
        }
    }

    @Test
    void eitherInstanceAnswersForAnyProductAndSearchesAllOfThem() {
        for (int port : ports) {
            await().atMost(WAIT).ignoreExceptions()
                    .until(() -> get(port, "/api/v1/products?size=100").path("total").asInt() == skus.size());
        }
        InteractiveQueryService queries = instances.instance(0).getBean(InteractiveQueryService.class);
        Set<HostInfo> both = Set.of(new HostInfo("localhost", ports.get(0)), new HostInfo("localhost", ports.get(1)));
        assertThat(skus.stream().map(sku -> queries.getHostInfo(CatalogTopology.INVENTORY_STORE, sku,
                Serdes.String().serializer())).collect(Collectors.toSet()))
                .as("the products are split between the two").isEqualTo(both);

        for (String sku : skus) {
            JsonNode first = get(ports.get(0), "/api/v1/products/" + sku, ADMIN_KEY);
            assertThat(first.path("sku").asString()).isEqualTo(sku);
            assertThat(first.path("offers").isEmpty()).as(sku + " shows the admin its offers").isFalse();
            assertThat(get(ports.get(1), "/api/v1/products/" + sku, ADMIN_KEY)).as("%s from either instance", sku)
                    .isEqualTo(first);
            JsonNode anonymous = get(ports.get(1), "/api/v1/products/" + sku);
            assertThat(anonymous.path("offers").isMissingNode()).as("%s hides its offers from anyone", sku).isTrue();
            assertThat(get(ports.get(0), "/api/v1/products/" + sku)).isEqualTo(anonymous);
        }

        for (int port : ports) {
            JsonNode all = get(port, "/api/v1/products?size=100");
            assertThat(skusOf(all)).as("instance %s searches everything", port).isEqualTo(skus);
            List<String> paged = new ArrayList<>();
            for (int page = 0; page * 5 < skus.size(); page++) {
                JsonNode onePage = get(port, "/api/v1/products?size=5&page=" + page);
                assertThat(onePage.path("total").asInt()).isEqualTo(skus.size());
                assertThat(onePage.path("page").asInt()).isEqualTo(page);
                paged.addAll(skusOf(onePage));
            }
            assertThat(paged).as("pages of 5 from instance %s", port).isEqualTo(skus);
            JsonNode lamps = get(port, "/api/v1/products?q=LA");
            assertThat(skusOf(lamps)).isEqualTo(skus.stream().filter(s -> s.toLowerCase(Locale.ROOT).contains("la")
                    || titleOf(s).contains("la")).toList());
            assertThat(status(port, "/api/v1/products/NO-SUCH-SKU")).isEqualTo(404);
            assertThat(status(port, "/api/v1/products?size=101")).isEqualTo(400);
        }
    }

    private String titleOf(String sku) {
        return get(ports.get(0), "/api/v1/products/" + sku).path("title").asString().toLowerCase(Locale.ROOT);
    }

    private static List<String> skusOf(JsonNode page) {
        return page.path("items").valueStream().map(item -> item.path("sku").asString()).toList();
    }

    private JsonNode get(int port, String path) {
        return get(port, path, null);
    }

    private JsonNode get(int port, String path, String apiKey) {
        HttpResponse<String> response = send(port, path, apiKey);
        assertThat(response.statusCode()).as("%s on %s: %s", path, port, response.body()).isEqualTo(200);
        return Json.mapper().readTree(response.body());
    }

    private int status(int port, String path) {
        return send(port, path, null).statusCode();
    }

    private HttpResponse<String> send(int port, String path, String apiKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
