package com.openfulfil.dropship.local.sim;

import com.openfulfil.dropship.events.Signatures;
import com.openfulfil.dropship.events.serde.Json;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The carrier simulator against a real HTTP server standing in for tracking-service's webhook. */
class CarrierSimulatorTest {
    private static final String SECRET = "cs_demo_carriers";
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private HttpServer server;
    private CarrierSimulator carrier;

    record Received(String path, String signature, byte[] body, int answeredWith) {
        JsonNode json() {
            return Json.mapper().readTree(body);
        }
    }

    @BeforeEach
    void startWebhook() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/webhooks/carriers/", this::answer);
        server.start();
        carrier = new CarrierSimulator(new CarrierSimulator.Settings(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()), SECRET,
                Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofMillis(50), 10));
    }

    @AfterEach
    void stop() {
        carrier.close();
        server.stop(0);
    }

    @Test
    void reportsEveryStatusInOrderToTheCarriersWebhookSigned() {
        AtomicBoolean finished = new AtomicBoolean();

        carrier.handOver(new Parcel("SF", "SF000000000042", "Shenzhen, CN", "London, GB"), () -> finished.set(true));

        await().atMost(Duration.ofSeconds(10)).untilTrue(finished);
        assertThat(received).extracting(r -> r.json().path("status").asString())
                .containsExactly("INFO_RECEIVED", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED");
        assertThat(received).allSatisfy(r -> {
            assertThat(r.path()).isEqualTo("/webhooks/carriers/SF");
            assertThat(r.signature()).isEqualTo(Signatures.sign(SECRET, r.body()));
            assertThat(r.json().path("trackingNumber").asString()).isEqualTo("SF000000000042");
            assertThat(Instant.parse(r.json().path("time").asString())).isNotNull();
        });
        assertThat(received).extracting(r -> r.json().path("eventId").asString()).doesNotHaveDuplicates();
    }

    @Test
    void retriesAFailedCallWithTheSameEventId() {
        failuresLeft.set(2);
        AtomicBoolean finished = new AtomicBoolean();

        carrier.handOver(new Parcel("VNPOST", "VN000000000001", "Hanoi, VN", "Lyon, FR"), () -> finished.set(true));

        await().atMost(Duration.ofSeconds(10)).untilTrue(finished);
        List<Received> firstStatus = received.stream()
                .filter(r -> r.json().path("status").asString().equals("INFO_RECEIVED")).toList();
        assertThat(firstStatus).extracting(Received::answeredWith).containsExactly(503, 503, 202);
        assertThat(firstStatus).extracting(r -> r.json().path("eventId").asString()).containsOnly(
                firstStatus.get(0).json().path("eventId").asString());
        assertThat(received).filteredOn(r -> r.answeredWith() == 202).hasSize(4);
    }

    @Test
    void withoutDelayPostsTheWholeJourneyInOneSignedCallInStatusOrder() {
        AtomicBoolean finished = new AtomicBoolean();
        try (CarrierSimulator instant = new CarrierSimulator(new CarrierSimulator.Settings(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()), SECRET,
                Duration.ZERO, Duration.ofMillis(10), Duration.ofMillis(50), 10))) {
            instant.handOver(new Parcel("SF", "SF000000000043", "Shenzhen, CN", "London, GB"), () -> finished.set(true));

            await().atMost(Duration.ofSeconds(10)).untilTrue(finished);
        }
        assertThat(received).hasSize(1);
        Received call = received.get(0);
        assertThat(call.signature()).isEqualTo(Signatures.sign(SECRET, call.body()));
        List<JsonNode> events = call.json().values().stream().toList();
        assertThat(events).extracting(e -> e.path("status").asString())
                .containsExactly("INFO_RECEIVED", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED");
        assertThat(events).extracting(e -> Instant.parse(e.path("time").asString())).isSorted();
        assertThat(events).extracting(e -> e.path("eventId").asString()).doesNotHaveDuplicates();
    }

    @Test
    void withoutDelayTheParcelsOfOneCarrierHandedOverTogetherShareOneCall() {
        AtomicInteger finished = new AtomicInteger();
        try (CarrierSimulator batching = instant(Duration.ofMillis(500))) {
            for (int i = 1; i <= 3; i++) {
                batching.handOver(new Parcel("SF", "SF00000000010" + i, "Shenzhen, CN", "London, GB"),
                        finished::incrementAndGet);
            }
            batching.handOver(new Parcel("DHL", "DH000000000001", "Lodz, PL", "Lyon, FR"), finished::incrementAndGet);

            await().atMost(Duration.ofSeconds(10)).until(() -> finished.get() == 4);
        }
        assertThat(received).extracting(Received::path)
                .containsExactlyInAnyOrder("/webhooks/carriers/SF", "/webhooks/carriers/DHL");
        Received sf = received.stream().filter(r -> r.path().endsWith("/SF")).findFirst().orElseThrow();
        assertThat(sf.signature()).isEqualTo(Signatures.sign(SECRET, sf.body()));
        List<JsonNode> events = sf.json().values().stream().toList();
        assertThat(events).hasSize(12);
        for (int i = 1; i <= 3; i++) {
            String number = "SF00000000010" + i;
            assertThat(events.stream().filter(e -> e.path("trackingNumber").asString().equals(number)))
                    .extracting(e -> e.path("status").asString())
                    .containsExactly("INFO_RECEIVED", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED");
        }
        assertThat(events).extracting(e -> e.path("eventId").asString()).doesNotHaveDuplicates();
    }

    @Test
    void aFullCallGoesAtOnceAndTheRestWaitsForTheWindow() {
        AtomicInteger finished = new AtomicInteger();
        int parcels = CarrierSimulator.MAX_PARCELS_PER_CALL + 1;
        try (CarrierSimulator batching = instant(Duration.ofSeconds(2))) {
            for (int i = 0; i < parcels; i++) {
                batching.handOver(new Parcel("SF", String.format("SF%012d", i), "Shenzhen, CN", "London, GB"),
                        finished::incrementAndGet);
            }

            await().atMost(Duration.ofSeconds(10)).until(() -> finished.get() == parcels);
        }
        assertThat(received).extracting(r -> r.json().size())
                .containsExactly(CarrierSimulator.MAX_PARCELS_PER_CALL * CarrierSimulator.STEPS.size(),
                        CarrierSimulator.STEPS.size());
    }

    @Test
    void aFailedBatchIsSentAgainWholeAndEachParcelFinishesOnce() {
        failuresLeft.set(1);
        AtomicInteger finished = new AtomicInteger();
        try (CarrierSimulator batching = instant(Duration.ofMillis(500))) {
            batching.handOver(new Parcel("SF", "SF000000000201", "Shenzhen, CN", "London, GB"), finished::incrementAndGet);
            batching.handOver(new Parcel("SF", "SF000000000202", "Shenzhen, CN", "London, GB"), finished::incrementAndGet);

            await().atMost(Duration.ofSeconds(10)).until(() -> finished.get() == 2);
        }
        assertThat(finished).hasValue(2);
        assertThat(received).extracting(Received::answeredWith).containsExactly(503, 202);
        assertThat(received.get(1).body()).isEqualTo(received.get(0).body());
    }

    private CarrierSimulator instant(Duration batchWindow) {
        return new CarrierSimulator(new CarrierSimulator.Settings(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()), SECRET,
                Duration.ZERO, Duration.ofMillis(10), Duration.ofMillis(50), 10), null, batchWindow);
    }

    @Test
    void backoffDoublesUpToItsCeiling() {
        Duration first = Duration.ofMillis(250);
        Duration max = Duration.ofSeconds(5);

        assertThat(CarrierSimulator.backoff(first, max, 1)).isEqualTo(Duration.ofMillis(250));
        assertThat(CarrierSimulator.backoff(first, max, 3)).isEqualTo(Duration.ofMillis(1000));
        assertThat(CarrierSimulator.backoff(first, max, 30)).isEqualTo(max);
    }

    private void answer(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        int status = failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 202;
        received.add(new Received(exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst(Signatures.HEADER), body, status));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }
}
