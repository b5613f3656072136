package com.openfulfil.dropship.commission.it;

import com.openfulfil.dropship.commission.CommissionServiceApplication;
import com.openfulfil.dropship.commission.stream.CommissionTopology;
import com.openfulfil.dropship.events.fixtures.OrderFixtures;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.serde.Json;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.kafka.EventPublisher;
import com.openfulfil.dropship.support.testing.ServiceInstances;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.cloud.stream.binder.kafka.streams.InteractiveQueryService;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two commission-service instances share the orders' partitions, so each holds the commissions of
 * some orders only; yet either answers completely: a partner's list and one order's commission, the
 * admin's balances, CSV and payout batch, the partner's payout details.
 */
class TwoInstancesIT {
    private static final String ADMIN = "ak_demo_admin_0123456789";
    private static final Duration WAIT = Duration.ofMinutes(2);
    private static final int ORDERS = 9;

    @RegisterExtension
    static final ServiceInstances instances = ServiceInstances.of(CommissionServiceApplication.class, 2, port -> List.of(
            "--dropship.commission.advertised-address=localhost:" + port,
            "--dropship.commission.payouts.return-window=0s"));

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<Integer> ports = instances.ports();

    @Test
    void eitherInstanceAnswersForAllOfAPartnersCommissionAndPayoutDetails() throws Exception {
        String partnerId = call("POST", ports.get(0), "/api/v1/partners/apply", null,
                "{\"name\":\"Ngô Bảo Châu\",\"email\":\"chau@example.vn\",\"payoutDetails\":\"MB Bank 0909 1234 5678\"}")
                .json().path("partnerId").asString();
        String key = call("POST", ports.get(0), "/api/v1/admin/partners/" + partnerId + "/grant", ADMIN, "")
                .json().path("apiKey").asString();
        List<String> orderIds = IntStream.range(0, ORDERS).mapToObj(i -> "ord-two-" + i).toList();
        try (EventPublisher publisher = new EventPublisher(instances.bootstrapServers(), "two-commissions-it")) {
            for (String orderId : orderIds) {
                publisher.publishAndWait(Topics.ORDERS_LIFECYCLE, orderId, completed(orderId, partnerId));
            }
        }
        InteractiveQueryService queries = instances.instance(0).getBean(InteractiveQueryService.class);
        Set<HostInfo> both = Set.of(new HostInfo("localhost", ports.get(0)), new HostInfo("localhost", ports.get(1)));
        await().atMost(WAIT).until(() -> Set.copyOf(queries.getAllHostsInfo(CommissionTopology.COMMISSIONS_STORE)).equals(both));
        assertThat(orderIds.stream().map(id -> queries.getHostInfo(CommissionTopology.COMMISSIONS_STORE, id,
                Serdes.String().serializer())).collect(Collectors.toSet()))
                .as("the orders' commissions are split between the two").isEqualTo(both);

        for (int port : ports) {
            await().atMost(WAIT).until(() -> call("GET", port, "/api/v1/partners/me/commissions?size=50", key, null),
                    r -> r.status() == 200 && r.json().path("totalItems").asInt() == ORDERS);
            Response mine = call("GET", port, "/api/v1/partners/me/commissions?size=50", key, null);
            assertThat(mine.json().path("items").valueStream().map(i -> i.path("orderId").asString()))
                    .as("instance %s lists every order", port).containsExactlyInAnyOrderElementsOf(orderIds);
            assertThat(mine.json().path("balances").get(0).path("available").asString()).isEqualTo("113.58");
            for (String orderId : orderIds) {
                Response one = call("GET", port, "/api/v1/orders/" + orderId + "/commission", key, null);
                assertThat(one.status()).as("%s asked of instance %s", orderId, port).isEqualTo(200);
                assertThat(one.json().path("amountReceived").asString()).isEqualTo("12.62");
                assertThat(call("GET", port, "/api/v1/orders/" + orderId + "/commission", "pk_partner-lan_0123456789",
                        null).status()).as("another partner, wherever the order is").isEqualTo(404);
            }
            JsonNode balance = call("GET", port, "/api/v1/admin/partner-balances", ADMIN, null).json().valueStream()
                    .filter(b -> b.path("partnerId").asString().equals(partnerId)).findFirst().orElseThrow();
            assertThat(balance.path("orders").asInt()).isEqualTo(ORDERS);
            assertThat(call("GET", port, "/api/v1/admin/partner-balances.csv", ADMIN, null).body())
                    .contains(partnerId + ",Ngô Bảo Châu,USD," + ORDERS + ",0.00,113.58,0.00,0.00\r\n");
        }

        Response replaced = call("PUT", ports.get(0), "/api/v1/partners/me/payout-details", key,
                "{\"payoutDetails\":\"Vietinbank 1010 2020 3030\"}");
        assertThat(replaced.json().path("masked").asString()).isEqualTo("****3030");
        await().atMost(WAIT).until(() -> call("GET", ports.get(1), "/api/v1/partners/me", key, null)
                .json().path("payoutDetails").path("masked").asString().equals("****3030"));

        Response batch = call("POST", ports.get(1), "/api/v1/admin/payouts", ADMIN, "{\"batchId\":\"two-instances-1\"}");
        assertThat(batch.status()).as(batch.body()).isEqualTo(202);
        JsonNode line = batch.json().path("payouts").valueStream()
                .filter(l -> l.path("partnerId").asString().equals(partnerId)).findFirst().orElseThrow();
        assertThat(line.path("amount").asString()).as("one batch pays the orders held by both").isEqualTo("113.58");
        assertThat(line.path("orderIds").valueStream().map(JsonNode::asString)).containsExactlyInAnyOrderElementsOf(orderIds);
        assertThat(line.path("payoutDestination").asString()).isEqualTo("****3030");
        await().atMost(WAIT).until(() -> call("GET", ports.get(0), "/api/v1/partners/me/commissions?size=50", key, null)
                .json().path("items").valueStream().allMatch(i -> i.path("state").asString().equals("PAID")));
    }

    /** gross 2 × 7.50 = 15.00; PIT 1.50; platform 0.05 × 13.50 + 0.20 = 0.88; total 12.62 */
    private static OrderStatusChanged completed(String orderId, String partnerId) {
        return new OrderStatusChanged("evt-" + orderId, Instant.now(), orderId, OrderStatus.DELIVERED,
                OrderStatus.COMPLETED, "COMPLETED", OrderFixtures.anOrder().withOrderId(orderId)
                .withPartner(partnerId, "Ngô Bảo Châu").withCurrency("USD").withLine("MUG-001", 2, "12.50", "20.00")
                .details(), null);
    }

    private Response call(String method, int port, String path, String apiKey, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body());
    }

    private record Response(int status, String body) {
        JsonNode json() {
            return body == null || body.isBlank() ? Json.mapper().nullNode() : Json.mapper().readTree(body);
        }
    }

}
