package com.openfulfil.dropship.gateway.domain;

import com.openfulfil.dropship.events.serde.Json;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A dispatch as the gateway's store keeps it, including one written before a reroute's reason was kept. */
class DispatchJsonTest {

    @Test
    void aDispatchBeingMovedKeepsItsReasonThroughTheStore() {
        Dispatch moving = Dispatch.sent("d-1", "hanoi-crafts", List.of(), Instant.parse("2026-11-02T09:00:00Z"))
                .cancellingToReroute("moved by anna: no answer");

        Dispatch read = Json.mapper().readValue(Json.mapper().writeValueAsString(moving), Dispatch.class);

        assertThat(read).isEqualTo(moving);
        assertThat(read.rerouteWhenCancelled()).isTrue();
    }

    @Test
    void aDispatchStoredWithOnlyTheOldFlagStillMovesForItsMissedDeadline() {
        String stored = """
                {"dispatchId":"d-1","supplierId":"hanoi-crafts","items":[],"status":"ACCEPTED",
                 "trackingNumbers":[],"cancellation":"REQUESTED","sentAt":"2026-11-02T09:00:00Z",
                 "rerouteWhenCancelled":true}""";

        Dispatch read = Json.mapper().readValue(stored, Dispatch.class);

        assertThat(read.rerouteWhenCancelled()).isTrue();
        assertThat(read.rerouteReason()).isEqualTo("deadline missed at hanoi-crafts");
        assertThat(Json.mapper().readValue(stored.replace("true", "false"), Dispatch.class).rerouteWhenCancelled())
                .isFalse();
    }
}
