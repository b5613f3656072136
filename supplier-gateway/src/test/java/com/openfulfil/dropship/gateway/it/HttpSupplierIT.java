package com.openfulfil.dropship.gateway.it;

import com.openfulfil.dropship.events.catalog.StockAllocated;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.gateway.Allocations;
import com.openfulfil.dropship.gateway.connector.FakeHttpSupplier;
import com.openfulfil.dropship.gateway.domain.DispatchPlan;
import com.openfulfil.dropship.support.kafka.EventPublisher;
import com.openfulfil.dropship.support.security.ApiKeys;
import com.openfulfil.dropship.support.testing.EmbeddedBroker;
import com.openfulfil.dropship.support.testing.KafkaIntegrationTest;
import com.openfulfil.dropship.support.testing.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static com.openfulfil.dropship.gateway.connector.FakeHttpSupplier.Answer.ERROR;
import static com.openfulfil.dropship.gateway.connector.FakeHttpSupplier.Answer.SLOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An HTTP supplier on a real broker: allocations become POSTs to the supplier's API, which answers
 * each new dispatch with a 500 and then a timeout; a dispatch it never takes is parked, and sent
 * again when ops ask once it is back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HttpSupplierIT extends KafkaIntegrationTest {
    private static final String SUPPLIER = "osaka-parts";
    private static final String SECRET = "ss_it_osaka";
    private static final String ADMIN_KEY = "ops-it-key";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final FakeHttpSupplier FAKE = start();

    @LocalServerPort
    int port;

    @Autowired
    EventPublisher publisher;

    @DynamicPropertySource
    static void httpSupplier(DynamicPropertyRegistry registry) {
        registry.add("dropship.gateway.suppliers[0].id", () -> SUPPLIER);
        registry.add("dropship.gateway.suppliers[0].name", () -> "Osaka Parts");
        registry.add("dropship.gateway.suppliers[0].transport", () -> "http");
        registry.add("dropship.gateway.suppliers[0].secret", () -> SECRET);
        registry.add("dropship.gateway.suppliers[0].http.base-url", () -> FAKE.baseUrl().toString());
        registry.add("dropship.gateway.suppliers[0].http.timeout", () -> "400ms");
        registry.add("dropship.gateway.admin-key-sha256", () -> ApiKeys.sha256Hex(ADMIN_KEY));
        registry.add("resilience4j.retry.configs.supplier.wait-duration", () -> "20ms");
        registry.add("resilience4j.retry.configs.supplier.max-attempts", () -> "3");
        // the breaker has its own test (GuardedSupplierTest): here it must not hold the parked dispatch back
        registry.add("resilience4j.circuitbreaker.configs.supplier.minimum-number-of-calls", () -> "100");
    }

    private static FakeHttpSupplier start() {
        try {
            return new FakeHttpSupplier(SECRET);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() {
        FAKE.close();
    }

    @Test
    void everyDispatchIsTakenOnceThrough500sAndTimeoutsAndAParkedOneIsSentAgainOnRequest() throws Exception {
        FAKE.answerEachNewKey(ERROR, SLOW);
        List<String> orders = IntStream.rangeClosed(1, 4).mapToObj(i -> "http-o-" + i).toList();
        orders.forEach(this::allocate);
        List<String> dispatchIds = orders.stream().map(o -> DispatchPlan.dispatchId(o, SUPPLIER)).toList();

        // the third call of each dispatch is the one answered in time
        await().atMost(WAIT).until(() -> FAKE.calls().size() >= 3 * dispatchIds.size());
        assertThat(FAKE.taken()).containsExactlyInAnyOrderElementsOf(dispatchIds);
        assertThat(FAKE.calls()).as("each dispatch was tried three times under its own key")
                .hasSize(3 * dispatchIds.size()).allMatch(dispatchIds::contains);
        assertThat(FAKE.badSignatures()).isEmpty();

        FAKE.down(true);
        allocate("http-o-parked");
        String parked = DispatchPlan.dispatchId("http-o-parked", SUPPLIER);
        String dlq = Topics.dlq(Topics.supplierDispatch(SUPPLIER).name(), "supplier-gateway");
        try (TopicReader deadLetters = new TopicReader(EmbeddedBroker.bootstrapServers(), dlq)) {
            deadLetters.until(WAIT, seen -> !seen.isEmpty());
        }
        assertThat(FAKE.taken()).doesNotContain(parked);

        FAKE.down(false);
        assertThat(retryParked("wrong-key").statusCode()).isEqualTo(401);
        HttpResponse<String> retried = retryParked(ADMIN_KEY);
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(retried.body()).contains("\"retried\":1");
        await().atMost(WAIT).until(() -> FAKE.taken().contains(parked));
        assertThat(FAKE.taken()).hasSize(dispatchIds.size() + 1);
    }

    private void allocate(String orderId) {
        StockAllocated allocated = Allocations.anAllocation(orderId)
                .line("BOLT-001", 10, SUPPLIER, "OS-BOLT-001", "0.40").build();
        publisher.publishAndWait(Topics.ORDER_ALLOCATIONS, orderId, allocated);
    }

    private HttpResponse<String> retryParked(String key) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/admin/suppliers/" + SUPPLIER + "/parked/retry"))
                .header("X-Admin-Key", key).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
