package com.openfulfil.dropship.tracking.web;

import com.openfulfil.dropship.events.model.CarrierChannel;
import com.openfulfil.dropship.events.model.Checkpoint;
import com.openfulfil.dropship.events.model.ParcelStatus;
import com.openfulfil.dropship.events.serde.Json;
import com.openfulfil.dropship.events.tracking.CarrierCheckpoint;
import com.openfulfil.dropship.support.web.ApiProblem;
import com.openfulfil.dropship.support.web.FieldProblem;
import com.openfulfil.dropship.tracking.connector.CarrierAdapter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the generic carrier event body (one event object or an array of them), as a webhook posts
 * it or a carrier query API answers it, into CarrierCheckpoints that say which of the two it was. Every bad field is named (400); a
 * status the carrier's adapter does not know is named too (422), so the carrier can fix its
 * mapping without asking us.
 */
public final class CarrierWebhookReader {
    static final int MAX_EVENTS = 1_000;
    private static final int MAX_TEXT = 1_000;
    private static final Pattern TRACKING_NUMBER = Pattern.compile("\\S{1,64}");

    private CarrierWebhookReader() {
    }

    public static List<CarrierCheckpoint> read(String carrier, byte[] body, CarrierAdapter adapter, Instant receivedAt,
                                               CarrierChannel via) {
        JsonNode root = parse(body);
        List<JsonNode> items = items(root);
        List<FieldProblem> invalid = new ArrayList<>();
        List<FieldProblem> unknownStatus = new ArrayList<>();
        List<CarrierCheckpoint> checkpoints = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Fields fields = new Fields(items.get(i), root.isArray() ? i : Fields.NO_INDEX, invalid);
            read(carrier, fields, adapter, receivedAt, via, unknownStatus).ifPresent(checkpoints::add);
        }
        if (!invalid.isEmpty()) {
            throw ApiProblem.invalid(invalid);
        }
        if (!unknownStatus.isEmpty()) {
            throw ApiProblem.unprocessable("unknown-status", "Unknown carrier status",
                    "Carrier " + carrier + " reported a status we cannot map", unknownStatus);
        }
        return checkpoints;
    }

    private static Optional<CarrierCheckpoint> read(String carrier, Fields fields, CarrierAdapter adapter,
                                                    Instant receivedAt, CarrierChannel via,
                                                    List<FieldProblem> unknownStatus) {
        if (!fields.isObject()) {
            return Optional.empty();
        }
        String eventId = fields.text("eventId", true, MAX_TEXT);
        String trackingNumber = fields.text("trackingNumber", true, 64);
        if (trackingNumber != null && !TRACKING_NUMBER.matcher(trackingNumber).matches()) {
            fields.problem("trackingNumber", "must not contain spaces");
        }
        String rawStatus = fields.text("status", true, MAX_TEXT);
        Instant time = fields.time("time");
        String location = fields.text("location", false, MAX_TEXT);
        String message = fields.text("message", false, MAX_TEXT);
        Instant estimatedDelivery = fields.optionalTime("estimatedDelivery");
        Optional<ParcelStatus> status = rawStatus == null ? Optional.empty() : adapter.status(rawStatus);
        if (rawStatus != null && status.isEmpty()) {
            unknownStatus.add(fields.problemAt("status", "is not a status we know: " + rawStatus));
        }
        if (!fields.valid() || status.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CarrierCheckpoint(eventId, receivedAt, carrier, trackingNumber, status.get(),
                new Checkpoint(time, location, message, rawStatus), estimatedDelivery, via));
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode node = body.length == 0 ? null : Json.mapper().readTree(body);
            if (node != null && (node.isObject() || node.isArray())) {
                return node;
            }
        } catch (JacksonException e) {
            // reported below, like any other body that is not an event object or array
        }
        throw ApiProblem.invalid(List.of(FieldProblem.of("", "The body must be a JSON event object or an array of them")));
    }

    private static List<JsonNode> items(JsonNode body) {
        if (body.isObject()) {
            return List.of(body);
        }
        if (body.isEmpty() || body.size() > MAX_EVENTS) {
            throw ApiProblem.invalid(List.of(FieldProblem.of("", "The array must hold 1 to " + MAX_EVENTS + " events")));
        }
        List<JsonNode> items = new ArrayList<>();
        body.forEach(items::add);
        return items;
    }
}
