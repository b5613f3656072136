package com.openfulfil.dropship.gateway.it;

import com.openfulfil.dropship.events.Signatures;
import com.openfulfil.dropship.events.supplier.DispatchSent;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.gateway.Allocations;
import com.openfulfil.dropship.gateway.SupplierGatewayApplication;
import com.openfulfil.dropship.gateway.domain.DispatchPlan;
import com.openfulfil.dropship.gateway.stream.DispatchTopology;
import com.openfulfil.dropship.gateway.stream.SupplierBooks;
import com.openfulfil.dropship.support.kafka.EventPublisher;
import com.openfulfil.dropship.support.security.ApiKeys;
import com.openfulfil.dropship.support.testing.ServiceInstances;
import com.openfulfil.dropship.support.testing.TopicReader;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.cloud.stream.binder.kafka.streams.InteractiveQueryService;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two supplier-gateway instances share the suppliers' partitions, so each holds the scorecards and
 * ledgers of some suppliers only; yet either answers for any supplier, to ops and to the supplier
 * itself (its signature checked by the instance that holds its figures).
 */
class TwoInstancesIT {
    private static final String ADMIN = "ak_two_gateways_0123456789";
    private static final Map<String, String> SUPPLIERS = Map.of("shenzhen-gadgets", "LAMP-010",
            "hanoi-crafts", "MUG-001", "lyon-linen", "LINEN-030");
    private static final Duration WAIT = Duration.ofMinutes(2);

    @RegisterExtension
    static final ServiceInstances instances = ServiceInstances.of(SupplierGatewayApplication.class, 2, port -> List.of(
            "--dropship.gateway.advertised-address=localhost:" + port,
            "--dropship.gateway.admin-key-sha256=" + ApiKeys.sha256Hex(ADMIN)));

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Integer> ports = instances.ports();

    @Test
    void eitherInstanceAnswersForAnySuppliersScorecardAndSettlement() throws Exception {
        try (EventPublisher publisher = new EventPublisher(instances.bootstrapServers(), "two-gateways-it")) {
            for (var supplier : SUPPLIERS.entrySet()) {
                String orderId = "two-" + supplier.getKey();
                publisher.publishAndWait(Topics.ORDER_ALLOCATIONS, orderId, Allocations.anAllocation(orderId)
                        .line(supplier.getValue(), 1, supplier.getKey(), "S-" + supplier.getValue(), "10.00").build());
            }
        }
        Set<HostInfo> owners = new HashSet<>();
        InteractiveQueryService queries = instances.instance(0).getBean(InteractiveQueryService.class);
        for (String supplier : SUPPLIERS.keySet()) {
            String scorecard = "/api/v1/suppliers/" + supplier + "/scorecard";
            for (int port : ports) {
                await().atMost(WAIT).until(() -> dispatches(get(port, scorecard, Map.of("X-Admin-Key", ADMIN))) == 1);
                HttpResponse<String> own = get(port, scorecard, signedBy(supplier, scorecard));
                assertThat(own.statusCode()).as("%s asks instance %s", supplier, port).isEqualTo(200);
                assertThat(dispatches(own)).isEqualTo(1);
                String settlement = "/api/v1/suppliers/" + supplier + "/settlement?from=2026-01-01&to=2099-12-31";
                HttpResponse<String> csv = get(port, settlement + "&format=csv", Map.of("X-Admin-Key", ADMIN));
                assertThat(csv.statusCode()).isEqualTo(200);
                assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
            }
            HttpResponse<String> forged = get(ports.get(1), scorecard, Map.of("X-Dropship-Supplier", supplier,
                    "X-Dropship-Timestamp", Long.toString(Instant.now().getEpochSecond()), Signatures.HEADER, "sha256=00"));
            assertThat(forged.statusCode()).as("a bad signature, wherever the figures are").isEqualTo(401);
            owners.add(queries.getHostInfo(SupplierBooks.SCORECARDS, supplier, Serdes.String().serializer()));
        }
        Set<HostInfo> instancesHosts = Set.of(new HostInfo("localhost", ports.get(0)), new HostInfo("localhost", ports.get(1)));
        assertThat(instancesHosts).as("every supplier's figures are held by one of the two").containsAll(owners);
        assertThat(queries.getAllHostsInfo(SupplierBooks.SCORECARDS)).as("both instances hold some partitions")
                .containsExactlyInAnyOrderElementsOf(instancesHosts);
    }

    @Test
    void anOperatorsRerouteSentToTheInstanceWithoutTheOrderIsAnsweredByTheOneWithIt() throws Exception {
        List<String> orders = List.of("two-rr-1", "two-rr-2", "two-rr-3", "two-rr-4");
        try (EventPublisher publisher = new EventPublisher(instances.bootstrapServers(), "two-gateways-it")) {
            for (String orderId : orders) {
                publisher.publishAndWait(Topics.ORDER_ALLOCATIONS, orderId, Allocations.anAllocation(orderId)
                        .line("MUG-001", 1, "hanoi-crafts", "HN-MUG-001", "4.20")
                        .backup("shenzhen-gadgets", "SZ-MUG-9", "4.60").build());
            }
        }
        InteractiveQueryService queries = instances.instance(0).getBean(InteractiveQueryService.class);
        String body = "{\"reason\":\"no answer\",\"requestedBy\":\"anna\"}";
        for (String orderId : orders) {
            HostInfo owner = queries.getHostInfo(DispatchTopology.STORE, orderId, Serdes.String().serializer());
            int elsewhere = ports.stream().filter(p -> p != owner.port()).findFirst().orElseThrow();
            // 404 until the owner has dispatched the order; a 404 changes nothing
            HttpResponse<String> answer = await().atMost(WAIT).until(
                    () -> post(elsewhere, "/api/v1/admin/orders/" + orderId + "/reroute", body),
                    r -> r.statusCode() != 404);
            assertThat(answer.statusCode()).as("%s asked at %s, held at %s: %s", orderId, elsewhere, owner,
                    answer.body()).isEqualTo(202);
            assertThat(JsonMapper.shared().readTree(answer.body()).at("/moves/0/to/0/supplierId").asString())
                    .isEqualTo("shenzhen-gadgets");
        }
    }

    /** A shipment is checked against its dispatch by the instance holding the order, wherever it is posted. */
    @Test
    void aShipmentPostedToTheInstanceWithoutTheOrderIsCheckedByTheOneWithIt() throws Exception {
        String supplier = "shenzhen-gadgets";
        List<String> orders = List.of("two-sh-1", "two-sh-2", "two-sh-3", "two-sh-4");
        try (EventPublisher publisher = new EventPublisher(instances.bootstrapServers(), "two-gateways-it")) {
            for (String orderId : orders) {
                publisher.publishAndWait(Topics.ORDER_ALLOCATIONS, orderId, Allocations.anAllocation(orderId)
                        .line("LAMP-010", 1, supplier, "SZ-LAMP-010", "14.00").build());
            }
        }
        try (TopicReader fulfilment = new TopicReader(instances.bootstrapServers(), Topics.FULFILMENT_EVENTS.name())) {
            fulfilment.until(WAIT, seen -> orders.stream().allMatch(o -> seen.stream()
                    .anyMatch(r -> r.value() instanceof DispatchSent sent && sent.orderId().equals(o))));
        }
        InteractiveQueryService queries = instances.instance(0).getBean(InteractiveQueryService.class);
        for (String orderId : orders) {
            HostInfo owner = queries.getHostInfo(DispatchTopology.STORE, orderId, Serdes.String().serializer());
            int elsewhere = ports.stream().filter(p -> p != owner.port()).findFirst().orElseThrow();
            String tooMany = "{\"type\":\"DispatchShipped\",\"eventId\":\"" + orderId + "-ship\","
                    + "\"occurredAt\":\"2026-11-02T09:15:00Z\",\"orderId\":\"" + orderId + "\",\"dispatchId\":\""
                    + DispatchPlan.dispatchId(orderId, supplier) + "\",\"supplierId\":\"" + supplier + "\",\"carrier\":\"SF\","
                    + "\"parcels\":[{\"trackingNumber\":\"SF-" + orderId + "\",\"items\":[{\"lineNo\":1,\"quantity\":2}]}]}";
            byte[] body = tooMany.getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + elsewhere
                            + "/api/v1/suppliers/" + supplier + "/updates")).header("Content-Type", "application/json")
                    .header(Signatures.HEADER, Signatures.sign("ss_demo_" + supplier, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as("%s posted at %s, held at %s: %s", orderId, elsewhere, owner,
                    answer.body()).isEqualTo(422);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
            assertThat(JsonMapper.shared().readTree(answer.body()).at("/errors/0/field").asString())
                    .isEqualTo("parcels[0].items[0].quantity");
        }
    }

    private HttpResponse<String> post(int port, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").header("X-Admin-Key", ADMIN)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int dispatches(HttpResponse<String> response) {
        return response.statusCode() == 200
                ? JsonMapper.shared().readTree(response.body()).path("dispatches").asInt() : -1;
    }

    private static Map<String, String> signedBy(String supplier, String pathAndQuery) {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        return Map.of("X-Dropship-Supplier", supplier, "X-Dropship-Timestamp", timestamp, Signatures.HEADER,
                Signatures.sign("ss_demo_" + supplier, ("GET\n" + pathAndQuery + "\n" + timestamp)
                        .getBytes(StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> get(int port, String pathAndQuery, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

}
