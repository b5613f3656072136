package com.openfulfil.dropship.gateway.it;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.catalog.StockAllocated;
import com.openfulfil.dropship.events.supplier.CancellationAccepted;
import com.openfulfil.dropship.events.supplier.CancellationRequested;
import com.openfulfil.dropship.events.supplier.DispatchRequested;
import com.openfulfil.dropship.events.supplier.DispatchRerouted;
import com.openfulfil.dropship.events.model.ParcelItem;
import com.openfulfil.dropship.events.model.ShippedParcel;
import com.openfulfil.dropship.events.supplier.DispatchSent;
import com.openfulfil.dropship.events.supplier.DispatchShipped;
import com.openfulfil.dropship.events.supplier.ParcelsShipped;
import com.openfulfil.dropship.support.streams.DeadLetters;
import com.openfulfil.dropship.events.supplier.SupplierAccepted;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.gateway.Allocations;
import com.openfulfil.dropship.support.kafka.EventPublisher;
import com.openfulfil.dropship.events.Signatures;
import com.openfulfil.dropship.support.testing.DocumentedEndpoints;
import com.openfulfil.dropship.support.testing.EmbeddedBroker;
import com.openfulfil.dropship.support.testing.KafkaIntegrationTest;
import com.openfulfil.dropship.support.testing.RouteLocks;
import com.openfulfil.dropship.support.testing.TopicReader;
import com.openfulfil.dropship.gateway.domain.DispatchPlan;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo configuration on a real broker: allocation in, dispatch out, a signed supplier answer normalised. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class SupplierGatewayIT extends KafkaIntegrationTest {
    private static final String SUPPLIER = "shenzhen-gadgets";
    private static final String SECRET = "ss_demo_shenzhen-gadgets";
    private static final Duration WAIT = Duration.ofSeconds(90);
    /** Ops' demo key; the demo profile holds its SHA-256. */
    static final String ADMIN_KEY = "ok_demo_gateway_0123456789";
    private static final String LYON = "lyon-linen";
    private static final String HANOI = "hanoi-crafts";
    private static final String LYON_SECRET = "ss_demo_lyon-linen";

    @LocalServerPort
    int port;

    @Autowired
    EventPublisher publisher;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anAllocationReachesTheSupplierAndItsSignedAnswerReachesFulfilmentEvents() throws Exception {
        String brokers = EmbeddedBroker.bootstrapServers();
        allocateLamps("it-o-1", 1);

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

    /** What anyone may call without credentials; every other route answers 401 (docs/security.md). */
    private static final RouteLocks PUBLIC = RouteLocks.healthAndMetricsArePublic()
            .allow("GET /v3/api-docs", "the OpenAPI description of the API, for integrators")
            .allow("GET /v3/api-docs/swagger-config", "the API documentation page's settings")
            .allow("GET /swagger-ui.html", "the API documentation page")
            .allow("POST /api/v1/suppliers/{supplierId}/updates", "suppliers' updates, each signed over its body");

    @Autowired
    ApplicationContext context;

    @Test
    void everyRouteButThePublicOnesRefusesACallerWithoutCredentials() {
        assertThat(RouteLocks.mapped(context)).contains("POST /api/v1/admin/orders/{orderId}/reroute",
                "POST /api/v1/admin/suppliers/{supplierId}/parked/retry", "GET /api/v1/suppliers/{supplierId}/scorecard");
        PUBLIC.check(context, port);
    }

    @Test
    void theApiDocsArePublicAndHaveEveryEndpointTheDocsName() {
        DocumentedEndpoints documented = DocumentedEndpoints.of("supplier-gateway", 8083);
        assertThat(documented.endpoints()).contains("POST /api/v1/suppliers/{}/updates", "GET /api/v1/suppliers/{}/settlement",
                "POST /api/v1/admin/orders/{}/reroute");
        documented.checkPublishedAt(port);
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

    @Test
    void aSupplierReadsItsOwnScorecardAndSettlementOpsReadAnySupplierAndNobodyElseDoes() throws Exception {
        String orderId = "it-score-1";
        publisher.publishAndWait(Topics.ORDER_ALLOCATIONS, orderId, Allocations.anAllocation(orderId)
                .line("LINEN-030", 2, LYON, "LY-LINEN-030", "21.00").build());
        String scorecard = "/api/v1/suppliers/" + LYON + "/scorecard";
        Awaitility.await().atMost(WAIT).until(() -> {
            HttpResponse<String> read = get(scorecard, Map.of("X-Admin-Key", ADMIN_KEY));
            return read.statusCode() == 200 && json(read).path("dispatches").asInt() == 1;
        });

        HttpResponse<String> own = get(scorecard, signedBy(LYON, LYON_SECRET, scorecard, Instant.now()));
        assertThat(own.statusCode()).isEqualTo(200);
        JsonNode card = json(own);
        assertThat(card.path("supplierId").asString()).isEqualTo(LYON);
        assertThat(Instant.parse(card.path("asOf").asString())).isBefore(Instant.now().plusSeconds(1));
        assertThat(card.path("shipped").asInt()).isZero();
        assertThat(card.path("slaBreaches").asInt()).isZero();
        JsonNode onTime = card.path("metrics").get(0);
        assertThat(onTime.path("key").asString()).isEqualTo("onTimeShipmentRate");
        assertThat(onTime.has("value") && onTime.get("value").isNull()).as("no shipment yet: value null").isTrue();
        assertThat(onTime.get("met").isNull()).isTrue();
        assertThat(onTime.path("target").asDouble()).isEqualTo(0.95);
        assertThat(onTime.path("comparison").asString()).isEqualTo("AT_LEAST");
        assertThat(card.path("metrics").get(1).get("target").isNull()).as("R3.6 sets no rejection target").isTrue();

        String other = "/api/v1/suppliers/hanoi-crafts/scorecard";
        HttpResponse<String> foreign = get(other, signedBy(LYON, LYON_SECRET, other, Instant.now()));
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(get(scorecard, signedBy(LYON, "not-the-secret", scorecard, Instant.now())).statusCode()).isEqualTo(401);
        assertThat(get(scorecard, signedBy(LYON, LYON_SECRET, other, Instant.now())).statusCode())
                .as("signed for another path").isEqualTo(401);
        assertThat(get(scorecard, signedBy(LYON, LYON_SECRET, scorecard, Instant.now().minusSeconds(600))).statusCode())
                .as("an old signature").isEqualTo(401);
        assertThat(get(scorecard, Map.of()).statusCode()).isEqualTo(401);
        assertThat(get(scorecard, Map.of("X-Admin-Key", "wrong")).statusCode()).isEqualTo(401);

        String shipped = "{\"type\":\"DispatchShipped\",\"eventId\":\"it-ly-ship-1\",\"occurredAt\":\"" + Instant.now()
                + "\",\"orderId\":\"" + orderId + "\",\"dispatchId\":\"" + DispatchPlan.dispatchId(orderId, LYON)
                + "\",\"supplierId\":\"" + LYON + "\",\"carrier\":\"COLISSIMO\",\"trackingNumbers\":[\"6A123\"]}";
        assertThat(post(LYON, shipped, Signatures.sign(LYON_SECRET, bytes(shipped))).statusCode()).isEqualTo(202);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String settlement = "/api/v1/suppliers/" + LYON + "/settlement?from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
        Awaitility.await().atMost(WAIT).until(() ->
                json(get(settlement, signedBy(LYON, LYON_SECRET, settlement, Instant.now()))).path("lines").size() == 1);
        JsonNode owed = json(get(settlement, Map.of("X-Admin-Key", ADMIN_KEY)));
        assertThat(owed.at("/lines/0/orderId").asString()).isEqualTo(orderId);
        // 2 × (21.00 + 1.50 shipping)
        assertThat(owed.at("/totals/0/amount").asString()).isEqualTo("45.00");
        assertThat(owed.at("/totals/0/currency").asString()).isEqualTo("USD");

        HttpResponse<String> csv = get(settlement, withAccept(signedBy(LYON, LYON_SECRET, settlement, Instant.now())));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body()).startsWith("kind,dispatch_id,order_id,").contains("\r\ntotal,,,,,USD,42.00,3.00,,0.00,45.00,1,0.00,,,0\r\n");
        String asCsv = settlement + "&format=csv";
        assertThat(get(asCsv, Map.of("X-Admin-Key", ADMIN_KEY)).body()).isEqualTo(csv.body());
        String foreignSettlement = "/api/v1/suppliers/hanoi-crafts/settlement?from=2026-11-01&to=2026-11-30";
        assertThat(get(foreignSettlement, signedBy(LYON, LYON_SECRET, foreignSettlement, Instant.now())).statusCode())
                .isEqualTo(404);

        String bad = "/api/v1/suppliers/" + LYON + "/settlement?from=2026-13-01&format=xml";
        HttpResponse<String> invalid = get(bad, Map.of("X-Admin-Key", ADMIN_KEY));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(json(invalid).path("errors")).extracting(e -> e.path("field").asString())
                .containsExactly("from", "to", "format");

        Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(get("/actuator/prometheus", Map.of()).body())
                .contains("dropship_supplier_shipped{application=\"supplier-gateway\",supplier=\"lyon-linen\"} 1.0")
                .contains("dropship_supplier_on_time_shipment_rate{application=\"supplier-gateway\",supplier=\"lyon-linen\"} 1.0"));
    }

    @Test
    void anOperatorMovesAStuckPartToItsBackupAndHearsAtOnceWhatCannotBeDone() throws Exception {
        String brokers = EmbeddedBroker.bootstrapServers();
        String orderId = "it-reroute-1";
        publisher.publishAndWait(Topics.ORDER_ALLOCATIONS, orderId, Allocations.anAllocation(orderId)
                .line("MUG-001", 2, HANOI, "HN-MUG-001", "4.20").backup(SUPPLIER, "SZ-MUG-9", "4.60").build());
        String first = DispatchPlan.dispatchId(orderId, HANOI);
        try (TopicReader hanoi = new TopicReader(brokers, Topics.supplierDispatch(HANOI).name())) {
            hanoi.until(WAIT, seen -> seen.stream().anyMatch(r -> r.value() instanceof DispatchRequested d
                    && d.orderId().equals(orderId)));
        }
        String path = "/api/v1/admin/orders/" + orderId + "/reroute";
        String body = "{\"reason\":\"no answer for two days\",\"requestedBy\":\"anna\"}";

        assertThat(postJson(path, body, Map.of()).statusCode()).isEqualTo(401);
        assertThat(postJson(path, body, signedBy(HANOI, "ss_demo_hanoi-crafts", path, Instant.now())).statusCode())
                .as("a supplier's signature is for reading its own figures").isEqualTo(401);
        HttpResponse<String> invalid = postJson(path, "{\"reason\":\" \",\"requestedBy\":\"" + "x".repeat(65) + "\"}",
                Map.of("X-Admin-Key", ADMIN_KEY));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(json(invalid).path("errors")).extracting(e -> e.path("field").asString())
                .containsExactly("reason", "requestedBy");
        assertThat(postJson("/api/v1/admin/orders/no-such-order/reroute", body, Map.of("X-Admin-Key", ADMIN_KEY))
                .statusCode()).isEqualTo(404);

        HttpResponse<String> accepted = postJson(path, body, Map.of("X-Admin-Key", ADMIN_KEY));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(json(accepted).at("/moves/0/dispatchId").asString()).isEqualTo(first);
        assertThat(json(accepted).at("/moves/0/to/0/supplierId").asString()).isEqualTo(SUPPLIER);
        assertThat(json(accepted).at("/moves/0/to/0/lines/0").asInt()).isEqualTo(1);

        try (TopicReader hanoi = new TopicReader(brokers, Topics.supplierDispatch(HANOI).name())) {
            hanoi.until(WAIT, seen -> seen.stream().anyMatch(r -> r.value() instanceof CancellationRequested c
                    && c.dispatchId().equals(first)));
        }
        publisher.publishAndWait(Topics.supplierUpdates(HANOI), orderId,
                new CancellationAccepted("it-rr-cancelled", Instant.now(), orderId, first, HANOI));
        try (TopicReader fulfilment = new TopicReader(brokers, Topics.FULFILMENT_EVENTS.name())) {
            fulfilment.until(WAIT, seen -> seen.stream().anyMatch(r -> r.value() instanceof DispatchRerouted d
                    && d.orderId().equals(orderId)));
            assertThat(fulfilment.valuesOf(DispatchRerouted.class)).filteredOn(d -> d.orderId().equals(orderId))
                    .singleElement().satisfies(d -> {
                        assertThat(d.newSupplierId()).isEqualTo(SUPPLIER);
                        assertThat(d.reason()).isEqualTo("moved by anna: no answer for two days");
                    });
        }
        try (TopicReader shenzhen = new TopicReader(brokers, Topics.supplierDispatch(SUPPLIER).name())) {
            shenzhen.until(WAIT, seen -> seen.stream().anyMatch(r -> r.value() instanceof DispatchRequested d
                    && d.orderId().equals(orderId) && d.items().get(0).supplierSku().equals("SZ-MUG-9")));
        }

        // the part now at the backup has no backup left: refused at once, with the reason
        HttpResponse<String> again = postJson(path, body, Map.of("X-Admin-Key", ADMIN_KEY));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).path("detail").asString()).contains("no backup offer left");
    }

    private HttpResponse<String> postJson(String path, String json, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A shipment is checked against its dispatch: over HTTP the supplier hears at once (422 naming the item),
     * over Kafka the message is parked on the updates topic's dead letters with the reason; a parcel naming
     * its contents within what is left is taken, and passed on with them.
     */
    @Test
    void shippingMoreThanWasDispatchedIsRefusedOverHttpAndParkedWithTheReasonOverKafka() throws Exception {
        String brokers = EmbeddedBroker.bootstrapServers();
        allocateLamps("it-split", 2);
        String dispatchId = DispatchPlan.dispatchId("it-split", SUPPLIER);
        try (TopicReader fulfilment = new TopicReader(brokers, Topics.FULFILMENT_EVENTS.name())) {
            fulfilment.until(WAIT, seen -> seen.stream().anyMatch(r -> r.value() instanceof DispatchSent sent
                    && sent.dispatchId().equals(dispatchId)));
        }

        String tooMany = shipped("it-ship-3", dispatchId, "SF100", "{\"sku\":\"SZ-LAMP-010\",\"quantity\":3}");
        HttpResponse<String> refused = post(SUPPLIER, tooMany, Signatures.sign(SECRET, bytes(tooMany)));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(json(refused).at("/errors/0/field").asString()).isEqualTo("parcels[0].items[0].quantity");
        assertThat(json(refused).at("/errors/0/message").asString())
                .contains("ships 3 of line 1 (LAMP-010) but 2 are left to ship");

        String notDispatched = shipped("it-ship-mug", dispatchId, "SF100", "{\"sku\":\"MUG-001\",\"quantity\":1}");
        HttpResponse<String> unknown = post(SUPPLIER, notDispatched, Signatures.sign(SECRET, bytes(notDispatched)));
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(json(unknown).at("/errors/0/field").asString()).isEqualTo("parcels[0].items[0].sku");

        String noUnits = shipped("it-ship-0", dispatchId, "SF100", "{\"lineNo\":1,\"quantity\":0}");
        HttpResponse<String> bad = post(SUPPLIER, noUnits, Signatures.sign(SECRET, bytes(noUnits)));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).at("/errors/0/field").asString()).isEqualTo("parcels[0].items[0].quantity");

        String one = shipped("it-ship-1", dispatchId, "SF101", "{\"lineNo\":1,\"quantity\":1}");
        assertThat(post(SUPPLIER, one, Signatures.sign(SECRET, bytes(one))).statusCode()).isEqualTo(202);
        try (TopicReader fulfilment = new TopicReader(brokers, Topics.FULFILMENT_EVENTS.name())) {
            fulfilment.until(WAIT, seen -> seen.stream().anyMatch(r -> r.value() instanceof ParcelsShipped));
            assertThat(fulfilment.valuesOf(ParcelsShipped.class)).singleElement()
                    .satisfies(s -> assertThat(s.parcel("SF101").items()).singleElement()
                            .satisfies(i -> assertThat(i.quantity()).isEqualTo(1)));
        }

        // over Kafka nobody answers: two more units are one too many, and the message is parked saying so
        publisher.publishAndWait(Topics.supplierUpdates(SUPPLIER), "it-split", new DispatchShipped("it-kafka-2",
                Instant.now(), "it-split", dispatchId, SUPPLIER, "SF", List.of("SF102"),
                List.of(new ShippedParcel("SF102", List.of(new ParcelItem(1, null, 2))))));
        try (TopicReader dead = new TopicReader(brokers, Topics.dlq(Topics.supplierUpdates(SUPPLIER).name(),
                "supplier-gateway"))) {
            List<ConsumerRecord<String, Event>> parked = dead.until(WAIT, seen -> !seen.isEmpty());
            assertThat(parked).singleElement().satisfies(r -> {
                assertThat(r.value().eventId()).isEqualTo("it-kafka-2");
                assertThat(new String(r.headers().lastHeader(DeadLetters.ERROR).value(), StandardCharsets.UTF_8))
                        .contains("parcels[0].items[0].quantity: ships 2 of line 1 (LAMP-010) but 1 is left to ship");
            });
        }
    }

    /** An order for {@code units} lamps, all at shenzhen-gadgets. */
    private void allocateLamps(String orderId, int units) {
        StockAllocated allocated = Allocations.anAllocation(orderId)
                .line("LAMP-010", units, SUPPLIER, "SZ-LAMP-010", "14.00").build();
        publisher.publishAndWait(Topics.ORDER_ALLOCATIONS, allocated.orderId(), allocated);
    }

    private static String shipped(String eventId, String dispatchId, String trackingNumber, String item) {
        return "{\"type\":\"DispatchShipped\",\"eventId\":\"" + eventId + "\",\"occurredAt\":\"2026-11-02T09:15:00Z\","
                + "\"orderId\":\"it-split\",\"dispatchId\":\"" + dispatchId + "\",\"supplierId\":\"" + SUPPLIER + "\","
                + "\"carrier\":\"SF\",\"parcels\":[{\"trackingNumber\":\"" + trackingNumber + "\",\"items\":[" + item + "]}]}";
    }

    /** A supplier's signature over the request: method, path and query, and when it signed. */
    private static Map<String, String> signedBy(String supplierId, String secret, String pathAndQuery, Instant at) {
        String timestamp = Long.toString(at.getEpochSecond());
        return Map.of("X-Dropship-Supplier", supplierId, "X-Dropship-Timestamp", timestamp, Signatures.HEADER,
                Signatures.sign(secret, bytes("GET\n" + pathAndQuery + "\n" + timestamp)));
    }

    private static Map<String, String> withAccept(Map<String, String> headers) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("Accept", "text/csv");
        return all;
    }

    private HttpResponse<String> get(String pathAndQuery, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery)).GET();
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JsonMapper.shared().readTree(response.body());
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
