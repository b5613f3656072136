package com.openfulfil.dropship.local.sim;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.Signatures;
import com.openfulfil.dropship.events.fixtures.SampleEvents;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.supplier.CancellationAccepted;
import com.openfulfil.dropship.events.supplier.CancellationRequested;
import com.openfulfil.dropship.events.supplier.DispatchAccepted;
import com.openfulfil.dropship.events.supplier.DispatchMessage;
import com.openfulfil.dropship.events.supplier.DispatchRequested;
import com.openfulfil.dropship.events.supplier.DispatchShipped;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.local.StackConfig;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The HTTP supplier simulator over real HTTP on loopback: supplier-gateway's side is a small
 * server that takes the signed updates, as the gateway's update API does.
 */
class HttpSupplierSimulatorTest {
    private static final String SUPPLIER = "lyon-linen";
    private static final String SECRET = "ss_demo_lyon-linen";

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final EventSerde serde = new EventSerde();
    private final List<Event> updates = new CopyOnWriteArrayList<>();
    private final List<Parcel> handedOver = new CopyOnWriteArrayList<>();
    private HttpServer gateway;
    private HttpSupplierSimulator simulator;
    private int port;

    @BeforeEach
    void startGateway() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        gateway.createContext("/api/v1/suppliers/" + SUPPLIER + "/updates", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            boolean signed = Signatures.verify(SECRET, body, exchange.getRequestHeaders().getFirst(Signatures.HEADER));
            if (signed) {
                updates.add(serde.deserialize(Topics.supplierUpdates(SUPPLIER).name(), body));
            }
            exchange.sendResponseHeaders(signed ? 202 : 401, -1);
            exchange.close();
        });
        gateway.start();
    }

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
        gateway.stop(0);
    }

    private void startSimulator(SupplierSimulator.Settings settings) {
        port = StackConfig.freePort();
        simulator = new HttpSupplierSimulator(port, URI.create("http://127.0.0.1:" + gateway.getAddress().getPort()),
                id -> "ss_demo_" + id, settings, (parcel, onFinished) -> {
                    handedOver.add(parcel);
                    onFinished.run();
                });
        simulator.start();
    }

    @Test
    void takesASignedDispatchReportsAcceptedThenShippedSignedAndTakesARepeatOnce() throws Exception {
        startSimulator(new SupplierSimulator.Settings(Duration.ZERO, Duration.ZERO));
        DispatchRequested dispatch = dispatch("dsp-h-1", "ord-h-1");

        assertThat(post("/dispatches", dispatch, true).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> updates.size() == 2 && handedOver.size() == 1);
        assertThat(post("/dispatches", dispatch, true).statusCode()).as("the same Idempotency-Key again").isEqualTo(202);

        assertThat(updates).extracting(e -> e.getClass().getSimpleName()).containsExactly("DispatchAccepted", "DispatchShipped");
        assertThat(updates.get(0)).isInstanceOfSatisfying(DispatchAccepted.class,
                a -> assertThat(a.dispatchId()).isEqualTo("dsp-h-1"));
        assertThat(updates.get(1)).isInstanceOfSatisfying(DispatchShipped.class,
                s -> assertThat(s.trackingNumbers()).containsExactly(Carriers.trackingNumber("COLISSIMO", "dsp-h-1")));
        assertThat(handedOver).extracting(Parcel::trackingNumber)
                .containsExactly(Carriers.trackingNumber("COLISSIMO", "dsp-h-1"));
        assertThat(simulator.received()).isEqualTo(2);
    }

    /**
     * Told to split every dispatch of two units or more, the supplier ships the first parcel naming what it
     * holds (half of the dispatch's one line) and, once the carrier has delivered it, a second parcel that
     * names nothing, so it holds the rest.
     */
    @Test
    void aSplitDispatchGoesInTwoParcelsTheSecondAfterTheFirstIsDelivered() throws Exception {
        startSimulator(new SupplierSimulator.Settings(Duration.ZERO, Duration.ZERO, 1));
        DispatchRequested dispatch = dispatch("dsp-h-split", "ord-h-split");

        assertThat(post("/dispatches", dispatch, true).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> updates.size() == 3 && handedOver.size() == 2);

        String first = Carriers.trackingNumber("COLISSIMO", "dsp-h-split");
        String second = Carriers.trackingNumber("COLISSIMO", "dsp-h-split/2");
        assertThat(updates).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("DispatchAccepted", "DispatchShipped", "DispatchShipped");
        assertThat(updates.get(1)).isInstanceOfSatisfying(DispatchShipped.class, s -> {
            assertThat(s.trackingNumbers()).containsExactly(first);
            assertThat(s.parcels()).singleElement().satisfies(p -> assertThat(p.items()).singleElement()
                    .satisfies(i -> assertThat(i.quantity()).isEqualTo(dispatch.items().get(0).quantity() / 2)));
        });
        assertThat(updates.get(2)).isInstanceOfSatisfying(DispatchShipped.class, s -> {
            assertThat(s.trackingNumbers()).containsExactly(second);
            assertThat(s.parcels()).as("the rest").isNull();
        });
        assertThat(handedOver).extracting(Parcel::trackingNumber).containsExactly(first, second);
    }

    @Test
    void refusesAnUnsignedDispatch() throws Exception {
        startSimulator(new SupplierSimulator.Settings(Duration.ZERO, Duration.ZERO));

        assertThat(post("/dispatches", dispatch("dsp-h-2", "ord-h-2"), false).statusCode()).isEqualTo(401);
        assertThat(updates).isEmpty();
    }

    @Test
    void inAnOutageAnswers500AndDoesNothingThenWorksAgain() throws Exception {
        startSimulator(new SupplierSimulator.Settings(Duration.ZERO, Duration.ZERO));
        DispatchRequested dispatch = dispatch("dsp-h-3", "ord-h-3");

        simulator.trouble(HttpSupplierSimulator.Trouble.ERRORS);
        assertThat(post("/dispatches", dispatch, true).statusCode()).isEqualTo(500);
        simulator.trouble(HttpSupplierSimulator.Trouble.NONE);
        assertThat(handedOver).isEmpty();
        assertThat(post("/dispatches", dispatch, true).statusCode()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(10)).until(() -> handedOver.size() == 1);
        assertThat(simulator.failed()).isEqualTo(1);
        assertThat(updates).hasSize(2);
    }

    @Test
    void whenItTimesOutTheDispatchIsStillTakenAndTheRetryChangesNothing() throws Exception {
        startSimulator(new SupplierSimulator.Settings(Duration.ZERO, Duration.ZERO));
        DispatchRequested dispatch = dispatch("dsp-h-4", "ord-h-4");

        simulator.trouble(HttpSupplierSimulator.Trouble.TIMEOUTS);
        assertThatThrownBy(() -> post("/dispatches", dispatch, true, Duration.ofMillis(500)))
                .isInstanceOf(HttpTimeoutException.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> handedOver.size() == 1);
        simulator.trouble(HttpSupplierSimulator.Trouble.NONE);
        assertThat(post("/dispatches", dispatch, true).statusCode()).as("the gateway's retry").isEqualTo(202);

        assertThat(simulator.answeredLate()).isEqualTo(1);
        assertThat(updates).extracting(e -> e.getClass().getSimpleName()).containsExactly("DispatchAccepted", "DispatchShipped");
        assertThat(handedOver).hasSize(1);
    }

    @Test
    void cancelsADispatchNotYetShipped() throws Exception {
        startSimulator(new SupplierSimulator.Settings(Duration.ofMillis(10), Duration.ofMinutes(10)));
        DispatchRequested dispatch = dispatch("dsp-h-5", "ord-h-5");
        assertThat(post("/dispatches", dispatch, true).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> updates.size() == 1);

        CancellationRequested cancel = new CancellationRequested("evt-h-c", dispatch.occurredAt(), "ord-h-5", "dsp-h-5",
                SUPPLIER, "the customer cancelled the order");
        assertThat(post("/dispatches/dsp-h-5/cancel", cancel, true).statusCode()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(10)).until(() -> updates.size() == 2);
        assertThat(updates.get(1)).isInstanceOfSatisfying(CancellationAccepted.class, c -> {
            assertThat(c.dispatchId()).isEqualTo("dsp-h-5");
            assertThat(c.supplierId()).isEqualTo(SUPPLIER);
        });
        assertThat(handedOver).isEmpty();
    }

    private HttpResponse<String> post(String path, DispatchMessage message, boolean signed) throws Exception {
        return post(path, message, signed, Duration.ofSeconds(10));
    }

    private HttpResponse<String> post(String path, DispatchMessage message, boolean signed, Duration timeout)
            throws Exception {
        byte[] body = serde.serialize(Topics.supplierDispatch(SUPPLIER).name(), message);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(
                        HttpSupplierSimulator.baseUrl(port, SUPPLIER) + path))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", message.dispatchId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signed) {
            request.header(Signatures.HEADER, Signatures.sign(SECRET, body));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static DispatchRequested dispatch(String dispatchId, String orderId) {
        DispatchRequested sample = SampleEvents.all().stream().filter(DispatchRequested.class::isInstance)
                .map(DispatchRequested.class::cast).findFirst().orElseThrow();
        return new DispatchRequested("evt-" + dispatchId, sample.occurredAt(), orderId, dispatchId, SUPPLIER,
                sample.items(), sample.shipTo(), sample.contact(), sample.priority(), sample.requests(), sample.packing());
    }
}
