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
 * A serde for one type of the contract that writes JSON and reads JSON or the binary format. A
 * message that cannot be read (not valid JSON or binary, an unknown event type, an event without
 * id or order id, an impossible value) fails with a {@link SerializationException}, which the
 * services' error handlers send to the DLQ. {@link #binary} writes the binary format instead, for
 * state stores and the pipeline's own topics.
 */
public class JsonSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {
    private final Class<T> type;
    private final Format format;

    public JsonSerde(Class<T> type) {
        this(type, Format.JSON);
    }

    protected JsonSerde(Class<T> type, Format format) {
        this.type = type;
        this.format = format;
    }

    /** Writes JSON. */
    public static <T> JsonSerde<T> of(Class<T> type) {
        return new JsonSerde<>(type);
    }

    /** Writes the binary format (state stores, internal topics); reads both. */
    public static <T> JsonSerde<T> binary(Class<T> type) {
        return new JsonSerde<>(type, Format.BINARY);
    }

    public Class<T> type() {
        return type;
    }

    /** The format this serde writes to {@code topic}. */
    protected Format formatFor(String topic) {
        return format;
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        try {
            return formatFor(topic) == Format.BINARY ? Binary.write(data, type) : Json.mapper().writeValueAsBytes(data);
        } catch (JacksonException | IllegalArgumentException e) {
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
        if (Binary.isBinary(data)) {
            try {
                value = Binary.read(data, type);
            } catch (RuntimeException e) {
                throw new SerializationException("Not a valid " + type.getSimpleName() + " on " + topic + ": "
                        + e.getMessage(), e);
            }
        } else {
            try {
                value = Json.mapper().readValue(data, type);
            } catch (JacksonException e) {
                throw new SerializationException("Not a valid " + type.getSimpleName() + " on " + topic + ": "
                        + e.getOriginalMessage(), e);
            }
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
