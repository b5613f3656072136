package com.openfulfil.dropship.gateway.it;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.catalog.StockAllocated;
import com.openfulfil.dropship.events.supplier.DispatchRequested;
import com.openfulfil.dropship.events.supplier.DispatchSent;
import com.openfulfil.dropship.events.supplier.SupplierAccepted;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.gateway.Allocations;
import com.openfulfil.dropship.support.kafka.EventPublisher;
import com.openfulfil.dropship.events.Signatures;
import com.openfulfil.dropship.support.testing.EmbeddedBroker;
import com.openfulfil.dropship.support.testing.KafkaIntegrationTest;
import com.openfulfil.dropship.support.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo configuration on a real broker: allocation in, dispatch out, a signed supplier answer normalised. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class SupplierGatewayIT extends KafkaIntegrationTest {
    private static final String SUPPLIER = "shenzhen-gadgets";
    private static final String SECRET = "ss_demo_shenzhen-gadgets";
    private static final Duration WAIT = Duration.ofSeconds(90);

    @LocalServerPort
    int port;

    @Autowired
    EventPublisher publisher;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anAllocationReachesTheSupplierAndItsSignedAnswerReachesFulfilmentEvents() throws Exception {
        String brokers = EmbeddedBroker.bootstrapServers();
        StockAllocated allocated = Allocations.anAllocation("it-o-1")
                .line("LAMP-010", 1, SUPPLIER, "SZ-LAMP-010", "14.00").build();
        publisher.publishAndWait(Topics.ORDER_ALLOCATIONS, allocated.orderId(), allocated);

        DispatchRequested request;
        try (TopicReader dispatch = new TopicReader(brokers, Topics.supplierDispatch(SUPPLIER).name())) {
            dispatch.until(WAIT, seen -> !seen.isEmpty());
            request = dispatch.valuesOf(DispatchRequested.class).get(0);
        }
        assertThat(request.orderId()).isEqualTo("it-o-1");
        assertThat(request.items()).extracting(i -> i.supplierSku()).containsExactly("SZ-LAMP-010");
        assertThat(request.packing().brandName()).isEqualTo("Acme Home");

        String forged = accepted("it-forged", request.dispatchId(), SUPPLIER);
        HttpResponse<String> refused = post(SUPPLIER, forged, Signatures.sign("not-the-secret", bytes(forged)));
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));

        String answer = accepted("it-accept-1", request.dispatchId(), SUPPLIER);
        HttpResponse<String> response = post(SUPPLIER, answer, Signatures.sign(SECRET, bytes(answer)));
        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode body = JsonMapper.shared().readTree(response.body());
        assertThat(body.path("accepted").asBoolean()).isTrue();
        assertThat(body.path("eventId").asString()).isEqualTo("it-accept-1");

        try (TopicReader fulfilment = new TopicReader(brokers, Topics.FULFILMENT_EVENTS.name())) {
            fulfilment.until(WAIT, seen -> seen.stream().anyMatch(r -> r.value() instanceof SupplierAccepted));
            assertThat(fulfilment.valuesOf(DispatchSent.class)).extracting(DispatchSent::dispatchId)
                    .containsExactly(request.dispatchId());
            assertThat(fulfilment.valuesOf(SupplierAccepted.class)).singleElement()
                    .satisfies(a -> assertThat(a.dispatchId()).isEqualTo(request.dispatchId()));
        }
        // the forged update was posted first on the same key: had it been written, it would come first
        try (TopicReader updates = new TopicReader(brokers, Topics.supplierUpdates(SUPPLIER).name())) {
            List<ConsumerRecord<String, Event>> written = updates.until(WAIT,
                    seen -> seen.stream().anyMatch(r -> r.value().eventId().equals("it-accept-1")));
            assertThat(written).extracting(r -> r.value().eventId()).containsExactly("it-accept-1");
        }
    }

    @Test
    void unknownSuppliersMismatchedBodiesMissingSignaturesAndBadBodiesAreRefused() throws Exception {
        String answer = accepted("it-x", "d-1", SUPPLIER);

        assertThat(post("nobody", answer, Signatures.sign(SECRET, bytes(answer))).statusCode()).isEqualTo(404);
        assertThat(post(SUPPLIER, answer, null).statusCode()).isEqualTo(401);

        String otherSupplier = accepted("it-y", "d-1", "hanoi-crafts");
        HttpResponse<String> mismatch = post(SUPPLIER, otherSupplier, Signatures.sign(SECRET, bytes(otherSupplier)));
        assertThat(mismatch.statusCode()).isEqualTo(422);
        assertThat(JsonMapper.shared().readTree(mismatch.body()).at("/errors/0/field").asString()).isEqualTo("supplierId");

        String noDispatch = answer.replace("\"dispatchId\":\"d-1\",", "");
        HttpResponse<String> invalid = post(SUPPLIER, noDispatch, Signatures.sign(SECRET, bytes(noDispatch)));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(JsonMapper.shared().readTree(invalid.body()).at("/errors/0/field").asString()).isEqualTo("dispatchId");
    }

    private HttpResponse<String> post(String supplierId, String json, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/suppliers/" + supplierId + "/updates"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(json)));
        if (signature != null) {
            request.header(Signatures.HEADER, signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String accepted(String eventId, String dispatchId, String supplierId) {
        return "{\"type\":\"DispatchAccepted\",\"eventId\":\"" + eventId + "\",\"occurredAt\":\"2026-11-02T09:15:00Z\","
                + "\"orderId\":\"it-o-1\",\"dispatchId\":\"" + dispatchId + "\",\"supplierId\":\"" + supplierId + "\"}";
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
