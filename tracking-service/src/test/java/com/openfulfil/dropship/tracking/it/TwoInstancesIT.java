package com.openfulfil.dropship.tracking.it;

import com.openfulfil.dropship.events.Signatures;
import com.openfulfil.dropship.events.serde.Json;
import com.openfulfil.dropship.events.supplier.ParcelsShipped;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.events.tracking.ParcelRegistered;
import com.openfulfil.dropship.support.kafka.EventPublisher;
import com.openfulfil.dropship.support.testing.ServiceInstances;
import com.openfulfil.dropship.tracking.TrackingServiceApplication;
import com.openfulfil.dropship.tracking.stream.TrackingTopology;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.cloud.stream.binder.kafka.streams.InteractiveQueryService;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two tracking-service instances share the parcels' partitions, so each holds some parcels only; yet
 * either answers for any parcel (the API and the customer's page), lists every lost-parcel claim to
 * ops, and checks ops' steps on a claim against the parcel wherever it is held.
 */
class TwoInstancesIT {
    /** The demo profile's admin key and carriers' webhook secret. */
    private static final String ADMIN = "ak_demo_admin_0123456789";
    private static final String CARRIER_SECRET = "cs_demo_carriers";
    private static final Duration WAIT = Duration.ofMinutes(2);
    private static final List<String> PARCELS = IntStream.range(0, 8).mapToObj(i -> "SF-TWO-" + i).toList();

    @RegisterExtension
    static final ServiceInstances instances = ServiceInstances.of(TrackingServiceApplication.class, 2, port -> List.of(
            "--dropship.tracking.advertised-address=localhost:" + port,
            "--dropship.tracking.notifications.mailbox-dir=target/two-instances-mailbox-" + port));

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<Integer> ports = instances.ports();

    @Test
    void eitherInstanceAnswersForAnyParcelAndItsClaim() {
        try (EventPublisher publisher = new EventPublisher(instances.bootstrapServers(), "two-trackings-it")) {
            publisher.publishAndWait(Topics.FULFILMENT_EVENTS, "ord-two", new ParcelsShipped("ship-two",
                    Instant.now(), "ord-two", "dsp-two", "shenzhen-gadgets", "SF", PARCELS));
            // supplier-gateway registers each shipped parcel with tracking, keyed by its tracking number
            for (String parcel : PARCELS) {
                publisher.publishAndWait(Topics.TRACKING_REGISTRATIONS, parcel, new ParcelRegistered("reg-" + parcel,
                        Instant.now(), "ord-two", "dsp-two", "shenzhen-gadgets", "SF", parcel));
            }
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (String parcel : PARCELS) {
            // three carrier exceptions and failed attempts make a parcel lost: a claim is opened
            String failures = "[" + String.join(",", checkpoint(parcel, 1, "exception", now.minusSeconds(300)),
                    checkpoint(parcel, 2, "failed_attempt", now.minusSeconds(200)),
                    checkpoint(parcel, 3, "exception", now.minusSeconds(100))) + "]";
            assertThat(send("POST", ports.get(0), "/webhooks/carriers/SF", failures, null,
                    Signatures.sign(CARRIER_SECRET, failures.getBytes(StandardCharsets.UTF_8))).statusCode())
                    .isEqualTo(202);
        }
        InteractiveQueryService queries = instances.instance(0).getBean(InteractiveQueryService.class);
        Set<HostInfo> both = Set.of(new HostInfo("localhost", ports.get(0)), new HostInfo("localhost", ports.get(1)));
        assertThat(PARCELS.stream().map(parcel -> queries.getHostInfo(TrackingTopology.PARCELS, parcel,
                Serdes.String().serializer())).collect(Collectors.toSet()))
                .as("the parcels are split between the two").isEqualTo(both);

        for (int port : ports) {
            await().atMost(WAIT).ignoreExceptions().until(() -> trackingNumbers(claims(port, "open")).equals(Set.copyOf(PARCELS)));
            for (String parcel : PARCELS) {
                JsonNode view = json(send("GET", port, "/api/v1/tracking/" + parcel, null, null, null), 200);
                assertThat(view.path("orderId").asString()).isEqualTo("ord-two");
                assertThat(view.at("/claim/state").asString()).isEqualTo("OPEN");
                HttpResponse<String> page = send("GET", port, "/track/" + parcel, null, null, null);
                assertThat(page.statusCode()).as("%s's page from %s", parcel, port).isEqualTo(200);
                assertThat(page.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
                assertThat(page.body()).contains("Parcel " + parcel, "opened a claim");
            }
            assertThat(send("GET", port, "/api/v1/tracking/SF-NOPE", null, null, null).statusCode()).isEqualTo(404);
            assertThat(send("GET", port, "/api/v1/admin/claims", null, null, null).statusCode())
                    .as("the list needs the admin key, wherever it is asked").isEqualTo(401);
        }

        for (int i = 0; i < PARCELS.size(); i++) {
            int port = ports.get(i % 2);
            String claim = "/api/v1/admin/claims/claim-" + PARCELS.get(i);
            assertThat(send("POST", port, claim + "/filed", "{}", ADMIN, null).statusCode())
                    .as("a bad body is refused wherever the parcel is").isEqualTo(400);
            assertThat(send("POST", port, claim + "/filed", "{\"carrierReference\":\"SF-CLM-" + i + "\"}", null, null)
                    .statusCode()).as("the admin key is checked wherever the parcel is").isEqualTo(401);
            HttpResponse<String> filed = send("POST", port, claim + "/filed",
                    "{\"carrierReference\":\"SF-CLM-" + i + "\"}", ADMIN, null);
            assertThat(filed.statusCode()).as(filed.body()).isEqualTo(202);
            assertThat(filed.headers().firstValue("Location")).contains("/api/v1/tracking/" + PARCELS.get(i));
        }
        assertThat(send("POST", ports.get(0), "/api/v1/admin/claims/claim-SF-NOPE/filed",
                "{\"carrierReference\":\"X\"}", ADMIN, null).statusCode()).isEqualTo(404);

        for (int port : ports) {
            await().atMost(WAIT).until(() -> trackingNumbers(claims(port, "filed")).equals(Set.copyOf(PARCELS)));
            assertThat(claims(port, "open")).isEmpty();
            for (String parcel : PARCELS) {
                HttpResponse<String> again = send("POST", port, "/api/v1/admin/claims/claim-" + parcel + "/filed",
                        "{\"carrierReference\":\"SF-CLM-AGAIN\"}", ADMIN, null);
                assertThat(again.statusCode()).as("%s filed twice, asked of %s", parcel, port).isEqualTo(409);
                assertThat(json(again, 409).path("state").asString()).isEqualTo("FILED");
            }
        }
    }

    private JsonNode claims(int port, String state) {
        return json(send("GET", port, "/api/v1/admin/claims?state=" + state, null, ADMIN, null), 200);
    }

    private static Set<String> trackingNumbers(JsonNode claims) {
        return claims.valueStream().map(c -> c.path("trackingNumber").asString()).collect(Collectors.toSet());
    }

    private static String checkpoint(String parcel, int n, String status, Instant time) {
        return """
                {"eventId":"%s-%d","trackingNumber":"%s","status":"%s","time":"%s","location":"Shenzhen, CN"}"""
                .formatted(parcel, n, parcel, status, time);
    }

    private static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return Json.mapper().readTree(response.body());
    }

    private HttpResponse<String> send(String method, int port, String path, String body, String apiKey,
                                      String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        if (signature != null) {
            request.header(Signatures.HEADER, signature);
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
