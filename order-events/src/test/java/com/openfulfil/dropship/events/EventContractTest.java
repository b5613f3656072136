package com.openfulfil.dropship.events;

import com.openfulfil.dropship.events.fixtures.SampleEvents;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.serde.Json;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each event has a JSON sample under {@code src/test/resources/samples/<Type>.json}: the contract
 * as suppliers and other readers see it. A renamed, removed or retyped field fails here.
 * After an intended change, regenerate the samples with {@code -Dsamples.write=true} and review the diff.
 */
class EventContractTest {
    private final EventSerde serde = new EventSerde();

    @Test
    void everyEventTypeHasASample() {
        List<String> sampled = SampleEvents.all().stream().map(e -> e.getClass().getSimpleName()).toList();
        List<String> declared = Json.eventTypes().stream().map(Class::getSimpleName).toList();
        assertThat(sampled).containsExactlyInAnyOrderElementsOf(declared);
    }

    @TestFactory
    Stream<DynamicTest> eachSampleRoundTrips() {
        return SampleEvents.all().stream().map(event -> DynamicTest.dynamicTest(event.getClass().getSimpleName(), () -> {
            String name = event.getClass().getSimpleName();
            byte[] written = serde.serialize("t", event);
            if (Boolean.getBoolean("samples.write")) {
                Path file = Path.of("src/test/resources/samples", name + ".json");
                Files.writeString(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(
                        Json.mapper().readTree(written)) + "\n");
            }
            byte[] sample = sample(name);
            JsonNode sampleTree = Json.mapper().readTree(sample);
            assertThat(sampleTree.get("type").asString()).isEqualTo(name);
            assertThat(sampleTree.get("schemaVersion").asInt()).isEqualTo(event.schemaVersion());
            assertThat(Json.mapper().readTree(written)).isEqualTo(sampleTree);
            Event read = serde.deserialize("t", sample);
            assertThat(read).isInstanceOf(event.getClass()).isEqualTo(event);
        }));
    }

    private static byte[] sample(String name) throws IOException {
        try (InputStream in = EventContractTest.class.getResourceAsStream("/samples/" + name + ".json")) {
            assertThat(in).as("sample for " + name).isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void moneyIsWrittenAsAStringAndReadBackExactly() {
        String json = new String(serde.serialize("t", SampleEvents.all().get(0)), StandardCharsets.UTF_8);
        assertThat(json).contains("\"salePrice\":\"15.00\"").contains("\"retailPrice\":\"12.50\"");
    }

    @Test
    void aCarrierCheckpointWrittenBeforeItsChannelWasRecordedStillReads() {
        String before = """
                {"type":"CarrierCheckpoint","eventId":"sf-1","occurredAt":"2026-11-02T09:15:00Z","carrier":"SF",
                 "trackingNumber":"SF1","status":"IN_TRANSIT","checkpoint":{"time":"2026-11-02T09:15:00Z"},
                 "schemaVersion":1}""";
        Event read = serde.deserialize("t", before.getBytes(StandardCharsets.UTF_8));
        assertThat(read).isInstanceOfSatisfying(com.openfulfil.dropship.events.tracking.CarrierCheckpoint.class,
                c -> assertThat(c.receivedVia()).isNull());
    }

    @Test
    void aRefundWrittenBeforeRefundsNamedLinesStillReadsAsNamingNone() {
        String before = """
                {"type":"RefundRequested","eventId":"evt-37","occurredAt":"2026-11-02T09:15:00Z","orderId":"ord-1",
                 "refundId":"rf_1","amount":"12.50","currency":"USD","paymentReference":"pi_1","by":"admin",
                 "schemaVersion":1}""";
        Event read = serde.deserialize("t", before.getBytes(StandardCharsets.UTF_8));
        assertThat(read).isInstanceOfSatisfying(com.openfulfil.dropship.events.order.RefundRequested.class,
                r -> assertThat(r.lines()).isNull());
    }

    @Test
    void lineUnitsWrittenBeforeReturnsAndRefundsWereCountedReadAsNone() {
        String before = """
                {"type":"OrderStatusChanged","eventId":"evt-2","occurredAt":"2026-11-02T09:15:00Z","orderId":"ord-1",
                 "from":"SHIPPED","to":"PARTIALLY_DELIVERED",
                 "units":[{"lineNo":1,"sku":"MUG-001","ordered":2,"shipped":2,"delivered":1}],"schemaVersion":1}""";
        Event read = serde.deserialize("t", before.getBytes(StandardCharsets.UTF_8));
        assertThat(read).isInstanceOfSatisfying(com.openfulfil.dropship.events.order.OrderStatusChanged.class,
                c -> assertThat(c.units()).containsExactly(
                        new com.openfulfil.dropship.events.model.LineUnits(1, "MUG-001", 2, 2, 1, 0, 0)));
    }
}
