package com.openfulfil.dropship.local.bench;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.OrderScoped;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.serde.Json;
import com.openfulfil.dropship.events.supplier.DispatchRequested;
import org.apache.kafka.common.header.Headers;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The few top-level fields the bench needs from an event. A JSON event is read with a streaming
 * parser that stops as soon as it has them: an order status event carries the whole order after
 * its own fields, and reading thousands of events a second must not cost the machine the
 * benchmark is measuring. An event in any other encoding is decoded with the contract's own
 * serde, so the bench keeps working whatever format the events are written in.
 *
 * @param to               OrderStatusChanged's new status; null for other events
 * @param supplierId       DispatchRequested's supplier; null for other events
 * @param occurredAtMillis epoch milliseconds; 0 when absent
 */
record EventFields(String type, String orderId, String to, String supplierId, long occurredAtMillis) {
    private static final EventSerde SERDE = new EventSerde();
    static final String STATUS_CHANGED = OrderStatusChanged.class.getSimpleName();
    static final String DISPATCH_REQUESTED = DispatchRequested.class.getSimpleName();

    /** Reads an event whose encoding is not known in advance (no headers to go by). */
    static Optional<EventFields> read(byte[] value) {
        return read(null, null, value);
    }

    /**
     * @param topic   where the record was read, for the serde's messages
     * @param headers the record's headers, for a serde that needs them; may be null
     */
    static Optional<EventFields> read(String topic, Headers headers, byte[] value) {
        if (value == null || value.length == 0) {
            return Optional.empty();
        }
        return value[0] == '{' ? json(value) : decoded(topic, headers, value);
    }

    private static Optional<EventFields> json(byte[] json) {
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
                if (complete(type, orderId, to, supplierId, occurredAt)) {
                    break; // the rest (an order's lines, addresses ...) is not needed
                }
            }
            return type == null ? Optional.empty() : Optional.of(new EventFields(type, orderId, to, supplierId, occurredAt));
        } catch (JacksonException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Whether every field the bench reads from this type of event has been found. */
    private static boolean complete(String type, String orderId, String to, String supplierId, long occurredAt) {
        if (type == null || orderId == null || occurredAt == 0) {
            return false;
        }
        if (type.equals(STATUS_CHANGED)) {
            return to != null;
        }
        return !type.equals(DISPATCH_REQUESTED) || supplierId != null;
    }

    private static Optional<EventFields> decoded(String topic, Headers headers, byte[] value) {
        try {
            Event event = headers == null ? SERDE.deserialize(topic, value) : SERDE.deserialize(topic, headers, value);
            return event == null ? Optional.empty() : Optional.of(of(event));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    static EventFields of(Event event) {
        String orderId = event instanceof OrderScoped scoped ? scoped.orderId() : null;
        String to = event instanceof OrderStatusChanged changed && changed.to() != null ? changed.to().name() : null;
        String supplierId = event instanceof DispatchRequested dispatch ? dispatch.supplierId() : null;
        long at = event.occurredAt() == null ? 0 : event.occurredAt().toEpochMilli();
        return new EventFields(event.getClass().getSimpleName(), orderId, to, supplierId, at);
    }
}
