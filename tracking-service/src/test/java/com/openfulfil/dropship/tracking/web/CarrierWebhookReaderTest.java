package com.openfulfil.dropship.tracking.web;

import com.openfulfil.dropship.events.model.CarrierChannel;
import com.openfulfil.dropship.events.model.ParcelStatus;
import com.openfulfil.dropship.events.tracking.CarrierCheckpoint;
import com.openfulfil.dropship.support.web.ApiProblem;
import com.openfulfil.dropship.support.web.FieldProblem;
import com.openfulfil.dropship.tracking.connector.GenericCarrierAdapter;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CarrierWebhookReaderTest {
    private static final Instant NOW = Instant.parse("2026-11-02T12:00:00Z");
    private static final String EVENT = """
            {"eventId":"sf-991","trackingNumber":"SF1234567890","status":"in_transit",
             "time":"2026-11-02T18:00:00+08:00","location":"Shenzhen, CN","message":"Departed facility"}""";

    private static List<CarrierCheckpoint> read(String body) {
        return CarrierWebhookReader.read("SF", body.getBytes(StandardCharsets.UTF_8), new GenericCarrierAdapter(), NOW,
                CarrierChannel.WEBHOOK);
    }

    private static ApiProblem refused(String body) {
        return catchThrowableOfType(ApiProblem.class, () -> read(body));
    }

    @Test
    void readsOneEventIntoACheckpointKeyedByItsTrackingNumber() {
        assertThat(read(EVENT)).singleElement().satisfies(c -> {
            assertThat(c.eventId()).isEqualTo("sf-991");
            assertThat(c.carrier()).isEqualTo("SF");
            assertThat(c.trackingNumber()).isEqualTo("SF1234567890");
            assertThat(c.status()).isEqualTo(ParcelStatus.IN_TRANSIT);
            assertThat(c.occurredAt()).isEqualTo(NOW);
            assertThat(c.checkpoint().time()).isEqualTo(Instant.parse("2026-11-02T10:00:00Z"));
            assertThat(c.checkpoint().location()).isEqualTo("Shenzhen, CN");
            assertThat(c.checkpoint().message()).isEqualTo("Departed facility");
            assertThat(c.checkpoint().rawStatus()).isEqualTo("in_transit");
            assertThat(c.estimatedDelivery()).isNull();
        });
    }

    @Test
    void readsTheCarriersDeliveryEstimateAndNamesABadOne() {
        String withEstimate = EVENT.replace("\"location\"", "\"estimatedDelivery\":\"2026-11-06T18:00:00+01:00\",\"location\"");
        assertThat(read(withEstimate)).singleElement().extracting(CarrierCheckpoint::estimatedDelivery)
                .isEqualTo(Instant.parse("2026-11-06T17:00:00Z"));
        assertThat(refused(EVENT.replace("\"location\"", "\"estimatedDelivery\":\"soon\",\"location\"")).errors())
                .extracting(FieldProblem::field).containsExactly("estimatedDelivery");
    }

    @Test
    void readsAnArrayOfEvents() {
        String second = EVENT.replace("sf-991", "sf-992").replace("in_transit", "DELIVERED");
        assertThat(read("[" + EVENT + "," + second + "]")).extracting(CarrierCheckpoint::status)
                .containsExactly(ParcelStatus.IN_TRANSIT, ParcelStatus.DELIVERED);
    }

    @Test
    void namesEveryBadField() {
        ApiProblem problem = refused("""
                {"trackingNumber":"SF 123","status":"in_transit","time":"yesterday","location":42}""");
        assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(problem.errors()).extracting(FieldProblem::field)
                .containsExactlyInAnyOrder("eventId", "trackingNumber", "time", "location");
        assertThat(problem.errors()).extracting(FieldProblem::pointer).contains("#/eventId");
    }

    @Test
    void namesTheBadFieldOfAnEventInAnArrayByItsIndex() {
        String bad = EVENT.replace("\"eventId\":\"sf-991\",", "");
        ApiProblem problem = refused("[" + EVENT + "," + bad + "]");
        assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(problem.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("[1].eventId");
            assertThat(e.pointer()).isEqualTo("#/1/eventId");
        });
    }

    @Test
    void anUnknownStatusIsUnprocessableAndNamed() {
        ApiProblem problem = refused(EVENT.replace("in_transit", "teleported"));
        assertThat(problem.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(problem.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("status");
            assertThat(e.message()).contains("teleported");
        });
    }

    @Test
    void aBodyThatIsNotAnEventIsRefused() {
        assertThat(refused("not json").status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused("\"text\"").status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused("[]").status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused("").status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused("[1]").errors()).extracting(FieldProblem::field).containsExactly("[0]");
    }
}
