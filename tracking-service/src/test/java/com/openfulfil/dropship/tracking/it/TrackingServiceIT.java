package com.openfulfil.dropship.tracking.it;

import com.openfulfil.dropship.events.fixtures.OrderFixtures;
import com.openfulfil.dropship.events.model.Customer;
import com.openfulfil.dropship.events.model.NotificationKind;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.model.ParcelStatus;
import com.openfulfil.dropship.events.notification.NotificationRequested;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.supplier.ParcelsShipped;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.events.model.ClaimOutcome;
import com.openfulfil.dropship.events.model.OrderRemedy;
import com.openfulfil.dropship.events.tracking.CarrierCheckpoint;
import com.openfulfil.dropship.events.tracking.CarrierCheckpoints;
import com.openfulfil.dropship.events.tracking.LostParcelClaimClosed;
import com.openfulfil.dropship.events.tracking.LostParcelClaimFiled;
import com.openfulfil.dropship.events.tracking.ParcelRegistered;
import com.openfulfil.dropship.events.tracking.ParcelStatusChanged;
import com.openfulfil.dropship.support.kafka.EventPublisher;
import com.openfulfil.dropship.support.security.ApiKeys;
import com.openfulfil.dropship.events.Signatures;
import com.openfulfil.dropship.support.testing.DocumentedEndpoints;
import com.openfulfil.dropship.support.testing.EmbeddedBroker;
import com.openfulfil.dropship.support.testing.KafkaIntegrationTest;
import com.openfulfil.dropship.support.testing.RouteLocks;
import com.openfulfil.dropship.support.testing.TopicReader;
import com.openfulfil.dropship.tracking.TrackingServiceApplication;
import com.openfulfil.dropship.tracking.notification.SmtpReceiver;
import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The tracking service on a real broker: a shipment and a signed carrier webhook make a delivered parcel. */
@SpringBootTest(classes = TrackingServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "dropship.tracking.carriers[0].id=SF",
                "dropship.tracking.carriers[0].secret=cs_test_sf"})
class TrackingServiceIT extends KafkaIntegrationTest {
    private static final SmtpReceiver SMTP = SmtpReceiver.start();
    private static final HttpServer VNPOST_API = vnpostApi();
    private static final String SECRET = "cs_test_sf";
    private static final String TRACKING_NUMBER = "SF1234567890";
    private static final String ORDER = "ord-it-1";
    private static final String ADMIN_KEY = "ak_test_admin_0123456789";

    /** What anyone may call without credentials; every other route answers 401 (docs/security.md). */
    private static final RouteLocks PUBLIC = RouteLocks.healthAndMetricsArePublic()
            .allow("GET /v3/api-docs", "the OpenAPI description of the API, for integrators")
            .allow("GET /v3/api-docs/swagger-config", "the API documentation page's settings")
            .allow("GET /swagger-ui.html", "the API documentation page")
            .allow("GET /track/{trackingNumber}", "the customer's tracking page, linked from the shipping notice")
            .allow("GET /api/v1/tracking/{trackingNumber}", "the same parcel as JSON, to anyone holding its number")
            .allow("POST /webhooks/carriers/{carrier}", "carriers' webhooks, signed with the carrier's secret");

    private final HttpClient http = HttpClient.newHttpClient();
    private final EventPublisher publisher;
    private final ApplicationContext context;

    @LocalServerPort
    int port;

    @Autowired
    TrackingServiceIT(EventPublisher publisher, ApplicationContext context) {
        this.publisher = publisher;
        this.context = context;
    }

    @Test
    void everyRouteButThePublicOnesRefusesACallerWithoutCredentials() {
        assertThat(RouteLocks.mapped(context)).contains("GET /api/v1/admin/claims",
                "POST /api/v1/admin/claims/{claimId}/closed");
        PUBLIC.check(context, port);
    }

    @Test
    void theApiDocsArePublicAndHaveEveryEndpointTheDocsName() {
        DocumentedEndpoints documented = DocumentedEndpoints.of("tracking-service", 8084);
        assertThat(documented.endpoints()).contains("GET /api/v1/tracking/{}", "POST /webhooks/carriers/{}",
                "POST /api/v1/admin/claims/{}/filed");
        documented.checkPublishedAt(port);
    }

    @Test
    void aShippedParcelAndASignedWebhookMakeADeliveredParcel() throws Exception {
        String forged = event("bad-1", "DELIVERED", "2026-11-02T09:00:00Z");
        assertThat(post("/webhooks/carriers/SF", forged, Signatures.sign("wrong-secret", bytes(forged))).statusCode())
                .isEqualTo(401);
        assertThat(post("/webhooks/carriers/SF", forged, null).statusCode()).isEqualTo(401);
        assertThat(post("/webhooks/carriers/UPS", forged, Signatures.sign(SECRET, bytes(forged))).statusCode())
                .isEqualTo(404);

        publisher.publishAndWait(Topics.FULFILMENT_EVENTS, ORDER, new ParcelsShipped("ship-it-1",
                Instant.parse("2026-11-02T08:00:00Z"), ORDER, "dsp-1", "shenzhen-gadgets", "SF",
                List.of(TRACKING_NUMBER)));
        registered(ORDER, "dsp-1", "shenzhen-gadgets", "SF", TRACKING_NUMBER);
        String body = "[" + event("sf-991", "in_transit", "2026-11-02T10:00:00Z") + ","
                + event("sf-992", "delivered", "2026-11-03T15:00:00Z") + "]";
        HttpResponse<String> accepted = post("/webhooks/carriers/sf", body, Signatures.sign(SECRET, bytes(body)));
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(json(accepted).get("accepted").asInt()).isEqualTo(2);

        try (TopicReader tracking = new TopicReader(EmbeddedBroker.bootstrapServers(), Topics.TRACKING_EVENTS.name())) {
            // other tests' orders share the topic: this parcel's changes are the ones of its tracking number
            List<ConsumerRecord<String, ?>> seen = List.copyOf(tracking.until(Duration.ofSeconds(90),
                    records -> records.stream().anyMatch(r -> r.value() instanceof ParcelStatusChanged c
                            && c.trackingNumber().equals(TRACKING_NUMBER) && c.status() == ParcelStatus.DELIVERED)));
            assertThat(seen).filteredOn(r -> r.value() instanceof ParcelStatusChanged c
                    && c.trackingNumber().equals(TRACKING_NUMBER)).extracting(ConsumerRecord::key).containsOnly(ORDER);
            // the webhook's two reports came together: one move, from where the parcel was to where it ends
            assertThat(tracking.valuesOf(ParcelStatusChanged.class)).filteredOn(c -> c.orderId().equals(ORDER))
                    .extracting(ParcelStatusChanged::previous, ParcelStatusChanged::status)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(ParcelStatus.PENDING, ParcelStatus.DELIVERED));
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> parcel = get("/api/v1/tracking/" + TRACKING_NUMBER);
            assertThat(parcel.statusCode()).isEqualTo(200);
            JsonNode view = json(parcel);
            assertThat(view.get("status").asString()).isEqualTo("DELIVERED");
            assertThat(view.get("orderId").asString()).isEqualTo(ORDER);
            assertThat(view.get("carrier").asString()).isEqualTo("SF");
            assertThat(view.get("checkpoints")).hasSize(2);
            assertThat(view.at("/checkpoints/1/rawStatus").asString()).isEqualTo("delivered");
            assertThat(view.at("/checkpoints/1/receivedVia").asString()).isEqualTo("WEBHOOK");
        });
        assertThat(get("/api/v1/tracking/NOPE-1").statusCode()).isEqualTo(404);
        HttpResponse<String> page = get("/track/" + TRACKING_NUMBER);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("Delivered", "Shenzhen, CN").doesNotContain(ORDER);
        assertThat(get("/track/NOPE-1").statusCode()).isEqualTo(404);

        // the forged webhook came first on the same partition: had it been written, it would be read before these
        try (TopicReader carrierEvents = new TopicReader(EmbeddedBroker.bootstrapServers(), Topics.CARRIER_EVENTS.name())) {
            // the webhook's two reports travel as one record
            carrierEvents.until(Duration.ofSeconds(30), records -> records.stream()
                    .anyMatch(r -> r.value() instanceof CarrierCheckpoints c && c.trackingNumber().equals(TRACKING_NUMBER)));
            assertThat(carrierEvents.valuesOf(CarrierCheckpoints.class))
                    .filteredOn(c -> c.trackingNumber().equals(TRACKING_NUMBER))
                    .flatExtracting(c -> c.checkpoints().stream().map(CarrierCheckpoint::eventId).toList())
                    .containsExactly("sf-991", "sf-992");
        }
    }

    @DynamicPropertySource
    static void outside(DynamicPropertyRegistry registry) {
        registry.add("dropship.tracking.notifications.delivery", () -> "SMTP");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", SMTP::port);
        registry.add("dropship.tracking.polling[0].carrier", () -> "VNPOST");
        registry.add("dropship.tracking.polling[0].url",
                () -> "http://127.0.0.1:" + VNPOST_API.getAddress().getPort() + "/track/{trackingNumber}");
        registry.add("dropship.tracking.polling[0].interval", () -> "1s");
        registry.add("dropship.tracking.admin-key-sha256", () -> ApiKeys.sha256Hex(ADMIN_KEY));
    }

    /** What supplier-gateway writes with each shipment, for tracking to follow the parcel. */
    private void registered(String order, String dispatchId, String supplierId, String carrier, String trackingNumber) {
        publisher.publishAndWait(Topics.TRACKING_REGISTRATIONS, trackingNumber, new ParcelRegistered(
                "reg-" + trackingNumber, Instant.now(), order, dispatchId, supplierId, carrier, trackingNumber));
    }

    @Test
    void opsListFileAndCloseALostParcelsClaimAndEachStepIsAnnounced() throws Exception {
        String order = "ord-it-claim";
        String claimId = "claim-SF-LOST-1";
        publisher.publishAndWait(Topics.FULFILMENT_EVENTS, order, new ParcelsShipped("ship-claim-1",
                Instant.now(), order, "dsp-claim", "shenzhen-gadgets", "SF",
                List.of("SF-LOST-1")));
        registered(order, "dsp-claim", "shenzhen-gadgets", "SF", "SF-LOST-1");
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String failures = "[" + String.join(",", event("sf-x1", "exception", now.minusSeconds(300).toString(),
                        "SF-LOST-1"), event("sf-x2", "failed_attempt", now.minusSeconds(200).toString(), "SF-LOST-1"),
                event("sf-x3", "exception", now.minusSeconds(100).toString(), "SF-LOST-1")) + "]";
        assertThat(post("/webhooks/carriers/SF", failures, Signatures.sign(SECRET, bytes(failures))).statusCode())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(json(admin("GET",
                "/api/v1/admin/claims?state=open", null))).anySatisfy(c -> {
                    assertThat(c.at("/claim/claimId").asString()).isEqualTo(claimId);
                    assertThat(c.get("orderId").asString()).isEqualTo(order);
                    assertThat(c.at("/claim/state").asString()).isEqualTo("OPEN");
                }));

        assertProblem(get("/api/v1/admin/claims"), 401);
        assertProblem(send("GET", "/api/v1/admin/claims", null, "ak_wrong"), 401);
        assertThat(assertProblem(admin("GET", "/api/v1/admin/claims?state=LOST", null), 400))
                .containsExactly("state");
        assertProblem(admin("POST", "/api/v1/admin/claims/claim-NOPE/filed", "{\"carrierReference\":\"X\"}"), 404);
        assertThat(assertProblem(admin("POST", "/api/v1/admin/claims/" + claimId + "/filed", "{}"), 400))
                .containsExactly("carrierReference");

        assertThat(admin("POST", "/api/v1/admin/claims/" + claimId + "/filed",
                "{\"carrierReference\":\"SF-CLM-9\"}").statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode claim = json(get("/api/v1/tracking/SF-LOST-1")).get("claim");
            assertThat(claim.get("state").asString()).isEqualTo("FILED");
            assertThat(claim.has("carrierReference")).as("the public view keeps the carrier's reference to ops")
                    .isFalse();
            assertThat(json(admin("GET", "/api/v1/admin/claims?state=filed", null))).anySatisfy(c ->
                    assertThat(c.at("/claim/carrierReference").asString()).isEqualTo("SF-CLM-9"));
        });

        assertThat(assertProblem(admin("POST", "/api/v1/admin/claims/" + claimId + "/closed",
                "{\"outcome\":\"PAID\"}"), 400)).containsExactly("amount", "currency");
        assertThat(assertProblem(admin("POST", "/api/v1/admin/claims/" + claimId + "/closed",
                "{\"outcome\":\"LOST\",\"amount\":\"-1\",\"currency\":\"usd\",\"remedy\":\"CREDIT\"}"), 400))
                .containsExactlyInAnyOrder("outcome", "amount", "currency", "remedy");
        // the carrier paid, and the customer gets the parcel's units again in the same step
        assertThat(admin("POST", "/api/v1/admin/claims/" + claimId + "/closed",
                "{\"outcome\":\"PAID\",\"amount\":\"45.00\",\"currency\":\"USD\",\"note\":\"declared value\","
                        + "\"remedy\":\"RESHIP\"}")
                .statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode claim = json(get("/api/v1/tracking/SF-LOST-1")).get("claim");
            assertThat(claim.get("state").asString()).isEqualTo("CLOSED");
            assertThat(claim.has("amount") || claim.has("note")).as("what the carrier paid stays with ops").isFalse();
            assertThat(json(admin("GET", "/api/v1/admin/claims?state=closed", null)))
                    .filteredOn(c -> c.at("/claim/claimId").asString().equals(claimId)).singleElement()
                    .satisfies(c -> {
                        assertThat(c.at("/claim/outcome").asString()).isEqualTo("PAID");
                        assertThat(c.at("/claim/amount").asString()).as("money as a string").isEqualTo("45.00");
                        assertThat(c.at("/claim/remedy").asString()).isEqualTo("RESHIP");
                    });
        });
        HttpResponse<String> again = admin("POST", "/api/v1/admin/claims/" + claimId + "/filed",
                "{\"carrierReference\":\"SF-CLM-10\"}");
        assertProblem(again, 409);
        assertThat(json(again).get("state").asString()).isEqualTo("CLOSED");

        try (TopicReader tracking = new TopicReader(EmbeddedBroker.bootstrapServers(), Topics.TRACKING_EVENTS.name())) {
            tracking.until(Duration.ofSeconds(30), records -> records.stream()
                    .anyMatch(r -> r.value() instanceof LostParcelClaimClosed c && c.claimId().equals(claimId)));
            assertThat(tracking.valuesOf(LostParcelClaimFiled.class)).filteredOn(f -> f.claimId().equals(claimId))
                    .singleElement().satisfies(f -> assertThat(f.orderId()).isEqualTo(order));
            assertThat(tracking.valuesOf(LostParcelClaimClosed.class)).filteredOn(c -> c.claimId().equals(claimId))
                    .singleElement().satisfies(c -> {
                        assertThat(c.outcome()).isEqualTo(ClaimOutcome.PAID);
                        assertThat(c.remedy()).as("order-service reships on this").isEqualTo(OrderRemedy.RESHIP);
                    });
        }
    }

    /** Asserts an RFC 9457 answer with this status; returns the fields it names. */
    private static List<String> assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        List<String> fields = new java.util.ArrayList<>();
        json(response).path("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    private HttpResponse<String> admin(String method, String path, String body) throws Exception {
        return send(method, path, body, ADMIN_KEY);
    }

    private HttpResponse<String> send(String method, String path, String body, String apiKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-Api-Key", apiKey).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aParcelOfACarrierWithOnlyAQueryApiIsFollowedByPolling() throws Exception {
        String order = "ord-it-poll";
        publisher.publishAndWait(Topics.FULFILMENT_EVENTS, order, new ParcelsShipped("ship-poll-1",
                Instant.parse("2026-11-02T08:00:00Z"), order, "dsp-poll", "hanoi-crafts", "VNPOST", List.of("VN555")));
        registered(order, "dsp-poll", "hanoi-crafts", "VNPOST", "VN555");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            HttpResponse<String> parcel = get("/api/v1/tracking/VN555");
            assertThat(parcel.statusCode()).isEqualTo(200);
            assertThat(json(parcel).get("status").asString()).isEqualTo("DELIVERED");
            assertThat(json(parcel).at("/checkpoints/0/location").asString()).isEqualTo("Hanoi, VN");
            assertThat(json(parcel).get("checkpoints")).extracting(c -> c.get("receivedVia").asString())
                    .containsOnly("POLLING");
        });
    }

    /** VNPOST's query API: a delivered parcel VN555, nothing on anything else. */
    private static HttpServer vnpostApi() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/track/", exchange -> {
                boolean known = exchange.getRequestURI().getPath().endsWith("/VN555");
                byte[] body = ("[{\"eventId\":\"vn-1\",\"trackingNumber\":\"VN555\",\"status\":\"in_transit\","
                        + "\"time\":\"2026-11-02T10:00:00+07:00\",\"location\":\"Hanoi, VN\"},"
                        + "{\"eventId\":\"vn-2\",\"trackingNumber\":\"VN555\",\"status\":\"delivered\","
                        + "\"time\":\"2026-11-06T15:00:00+01:00\",\"location\":\"Lyon, FR\"}]")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(known ? 200 : 404, known ? body.length : -1);
                if (known) {
                    exchange.getResponseBody().write(body);
                }
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theCustomerGetsEachMessageOnceBySmtpAndABadRequestGoesToTheDeadLetters() throws Exception {
        String order = "ord-it-mail";
        OrderStatusChanged confirmed = new OrderStatusChanged("st-mail-1", Instant.parse("2026-11-02T08:00:00Z"),
                order, OrderStatus.PLACED, OrderStatus.CONFIRMED, "stock reserved", OrderFixtures.anOrder()
                .withOrderId(order).withCustomer(new Customer("王芳", "fang@example.cn", "+8613800000000", "zh-CN"))
                .details());
        publisher.publishAndWait(Topics.ORDERS_LIFECYCLE, order, confirmed);
        publisher.publishAndWait(Topics.FULFILMENT_EVENTS, order, new ParcelsShipped("ship-mail-1",
                Instant.parse("2026-11-02T09:00:00Z"), order, "dsp-mail", "shenzhen-gadgets", "SF", List.of("SF777")));
        registered(order, "dsp-mail", "shenzhen-gadgets", "SF", "SF777");
        await().atMost(Duration.ofSeconds(60)).until(() -> mailsTo("fang@example.cn").size() == 2);

        publisher.publishAndWait(Topics.ORDERS_LIFECYCLE, order, confirmed);
        publisher.publishAndWait(Topics.NOTIFICATIONS_OUTBOUND, order, new NotificationRequested("bad-1",
                Instant.parse("2026-11-02T09:00:00Z"), order, "SHOP-X", "../../etc/x", NotificationKind.ORDER_CONFIRMED, "en",
                "Eve", "eve@example.com", null, null, 3));
        publisher.publishAndWait(Topics.ORDERS_LIFECYCLE, order, new OrderStatusChanged("st-mail-2",
                Instant.parse("2026-11-04T08:00:00Z"), order, OrderStatus.IN_TRANSIT, OrderStatus.DELIVERED,
                "every parcel delivered", confirmed.order()));
        await().atMost(Duration.ofSeconds(60)).until(() -> mailsTo("fang@example.cn").size() >= 3);

        assertThat(mailsTo("fang@example.cn")).as("the replayed confirmation is not sent again").hasSize(3)
                .extracting(SmtpReceiver.Received::text)
                .anySatisfy(text -> assertThat(text).contains("SF777", "http://localhost:8084/track/SF777"));
        assertThat(mailsTo("eve@example.com")).isEmpty();
        try (TopicReader dlq = new TopicReader(EmbeddedBroker.bootstrapServers(),
                Topics.dlq(Topics.NOTIFICATIONS_OUTBOUND.name(), "tracking-service"))) {
            assertThat(dlq.until(Duration.ofSeconds(30), records -> !records.isEmpty()))
                    .extracting(ConsumerRecord::key).containsOnly(order);
        }
    }

    private static List<SmtpReceiver.Received> mailsTo(String address) {
        return SMTP.received().stream().filter(m -> m.recipients().contains(address)).toList();
    }

    @Test
    void aBadFieldIsNamedInProblemDetails() throws Exception {
        String body = event("sf-1", "in_transit", "not a time");
        HttpResponse<String> refused = post("/webhooks/carriers/SF", body, Signatures.sign(SECRET, bytes(body)));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(refused).at("/errors/0/field").asString()).isEqualTo("time");
    }

    private static String event(String eventId, String status, String time) {
        return event(eventId, status, time, TRACKING_NUMBER);
    }

    private static String event(String eventId, String status, String time, String trackingNumber) {
        return """
                {"eventId":"%s","trackingNumber":"%s","status":"%s","time":"%s","location":"Shenzhen, CN",\
                "message":"Carrier update"}""".formatted(eventId, trackingNumber, status, time);
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> post(String path, String body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body)));
        if (signature != null) {
            request.header(Signatures.HEADER, signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JsonMapper.shared().readTree(response.body());
    }
}
