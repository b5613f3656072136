package com.openfulfil.dropship.events.serde;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.EventHeaders;
import com.openfulfil.dropship.events.OrderScoped;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;

import java.util.Map;

/**
 * JSON serde for one type of the contract. A message that is not valid JSON, names an unknown
 * event type, or breaks an event's invariants (no event id, no order id on an order's event)
 * fails with a {@link SerializationException}, which the services' error handlers send to the DLQ.
 */
public class JsonSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {
    private final Class<T> type;

    public JsonSerde(Class<T> type) {
        this.type = type;
    }

    public static <T> JsonSerde<T> of(Class<T> type) {
        return new JsonSerde<>(type);
    }

    public Class<T> type() {
        return type;
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        try {
            return Json.mapper().writeValueAsBytes(data);
        } catch (JacksonException e) {
            throw new SerializationException("Cannot write " + type.getSimpleName() + " for topic " + topic, e);
        }
    }

    /** Writes the value and, for an event, names its type in the headers ({@link EventHeaders#TYPE}). */
    @Override
    public byte[] serialize(String topic, Headers headers, T data) {
        if (data instanceof Event event && headers != null) {
            EventHeaders.setType(headers, event);
        }
        return serialize(topic, data);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        T value;
        try {
            value = Json.mapper().readValue(data, type);
        } catch (JacksonException e) {
            throw new SerializationException("Not a valid " + type.getSimpleName() + " on " + topic + ": "
                    + e.getOriginalMessage(), e);
        }
        if (value instanceof Event event) {
            checkInvariants(topic, event);
        }
        return value;
    }

    private static void checkInvariants(String topic, Event event) {
        String name = event.getClass().getSimpleName();
        if (isBlank(event.eventId())) {
            throw new SerializationException(name + " on " + topic + " has no eventId");
        }
        if (event.occurredAt() == null) {
            throw new SerializationException(name + " on " + topic + " has no occurredAt");
        }
        if (event instanceof OrderScoped scoped && isBlank(scoped.orderId())) {
            throw new SerializationException(name + " on " + topic + " has no orderId");
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // nothing to configure: the mapping is fixed by the contract
    }

    @Override
    public void close() {
        // stateless: nothing to release
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }
}
