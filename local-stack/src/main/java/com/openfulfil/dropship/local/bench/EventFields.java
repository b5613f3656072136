package com.openfulfil.dropship.local.bench;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.OrderScoped;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.serde.Binary;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.serde.Json;
import com.openfulfil.dropship.events.supplier.DispatchRequested;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The few top-level fields the bench needs from an event, read with a streaming parser that
 * skips everything else (an order status event carries the whole order): reading thousands of
 * events a second must not cost the machine the benchmark is measuring.
 *
 * @param to               OrderStatusChanged's new status; null for other events
 * @param supplierId       DispatchRequested's supplier; null for other events
 * @param occurredAtMillis epoch milliseconds; 0 when absent
 */
record EventFields(String type, String orderId, String to, String supplierId, long occurredAtMillis) {

    private static final EventSerde SERDE = new EventSerde();

    static Optional<EventFields> read(byte[] json) {
        if (json == null) {
            return Optional.empty();
        }
        if (Binary.isBinary(json)) {
            return decoded(json);
        }
        try (JsonParser parser = Json.mapper().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            String type = null;
            String orderId = null;
            String to = null;
            String supplierId = null;
            long occurredAt = 0;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value != JsonToken.VALUE_STRING) {
                    parser.skipChildren();
                    continue;
                }
                switch (name) {
                    case "type" -> type = parser.getString();
                    case "orderId" -> orderId = parser.getString();
                    case "to" -> to = parser.getString();
                    case "supplierId" -> supplierId = parser.getString();
                    case "occurredAt" -> occurredAt = Instant.parse(parser.getString()).toEpochMilli();
                    default -> {
                        // not needed
                    }
                }
            }
            return type == null ? Optional.empty() : Optional.of(new EventFields(type, orderId, to, supplierId, occurredAt));
        } catch (JacksonException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The pipeline's own topics carry the binary format: decoding it whole is cheaper than JSON's streaming parse. */
    private static Optional<EventFields> decoded(byte[] value) {
        Event event;
        try {
            event = SERDE.deserialize("", value);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        String orderId = event instanceof OrderScoped scoped ? scoped.orderId() : null;
        String to = event instanceof OrderStatusChanged changed && changed.to() != null ? changed.to().name() : null;
        String supplierId = event instanceof DispatchRequested dispatch ? dispatch.supplierId() : null;
        return Optional.of(new EventFields(event.getClass().getSimpleName(), orderId, to, supplierId,
                event.occurredAt().toEpochMilli()));
    }
}
