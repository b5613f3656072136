package com.openfulfil.dropship.local.sim;

import com.openfulfil.dropship.events.serde.Json;
import com.openfulfil.dropship.local.StackConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The carrier simulator for a carrier with only a query API, asked over real HTTP as tracking-service asks it. */
class CarrierQueryApiTest {
    private static final String KEY = "ck_test";
    private static final Parcel PARCEL = new Parcel("VNPOST", "VN000000000007", "Hanoi, VN", "London, GB");
    private final HttpClient http = HttpClient.newHttpClient();
    private final CarrierQueryApi api = new CarrierQueryApi(StackConfig.freePort(), Set.of("VNPOST"), KEY);
    private CarrierSimulator carrier;

    @AfterEach
    void stop() {
        carrier.close();
        api.close();
    }

    private void start(Duration stepDelay) {
        api.start();
        // nothing listens on the webhook address: a webhook call would fail the parcel
        carrier = new CarrierSimulator(new CarrierSimulator.Settings(URI.create("http://127.0.0.1:9"), "secret",
                stepDelay, Duration.ofMillis(10), Duration.ofMillis(50), 1), api);
    }

    @Test
    void aParcelsCheckpointsSoFarAreAnsweredToTheKeyHolderStepByStep() throws Exception {
        start(Duration.ofMillis(50));
        assertThat(query(PARCEL.trackingNumber(), KEY).statusCode()).as("nothing yet").isEqualTo(404);

        AtomicBoolean finished = new AtomicBoolean();
        carrier.handOver(PARCEL, () -> finished.set(true));

        await().atMost(Duration.ofSeconds(10)).until(() -> query(PARCEL.trackingNumber(), KEY).statusCode() == 200);
        await().atMost(Duration.ofSeconds(10)).until(finished::get);
        JsonNode answer = Json.mapper().readTree(query(PARCEL.trackingNumber(), KEY).body());
        assertThat(answer).extracting(e -> e.get("status").asString())
                .containsExactly("INFO_RECEIVED", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED");
        assertThat(answer).extracting(e -> e.get("trackingNumber").asString()).containsOnly(PARCEL.trackingNumber());
        assertThat(answer.get(0).get("location").asString()).isEqualTo("Hanoi, VN");
        assertThat(answer.get(3).get("location").asString()).isEqualTo("London, GB");

        carrier.handOver(PARCEL, () -> { });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Json.mapper().readTree(
                query(PARCEL.trackingNumber(), KEY).body())).as("a parcel handed over again keeps its events once")
                .hasSize(4));
    }

    @Test
    void withoutTheKeyOrForAnotherCarrierNothingIsAnswered() throws Exception {
        start(Duration.ZERO);
        carrier.handOver(PARCEL, () -> { });

        assertThat(query(PARCEL.trackingNumber(), KEY).statusCode()).isEqualTo(200);
        assertThat(query(PARCEL.trackingNumber(), "wrong").statusCode()).isEqualTo(401);
        assertThat(query(PARCEL.trackingNumber(), null).statusCode()).isEqualTo(401);
        HttpResponse<String> otherCarrier = http.send(HttpRequest.newBuilder(URI.create(CarrierQueryApi.url(api.port(),
                "SF").replace("{trackingNumber}", PARCEL.trackingNumber()))).header("Authorization", "Bearer " + KEY)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(otherCarrier.statusCode()).isEqualTo(404);
        assertThat(List.of(api.serves("VNPOST"), api.serves("SF"))).containsExactly(true, false);
    }

    private HttpResponse<String> query(String trackingNumber, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(CarrierQueryApi.url(api.port(), "VNPOST")
                .replace("{trackingNumber}", trackingNumber)));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
