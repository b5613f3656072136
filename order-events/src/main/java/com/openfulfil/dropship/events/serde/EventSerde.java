package com.openfulfil.dropship.events.serde;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.EventHeaders;
import com.openfulfil.dropship.events.topics.Topics;
import org.apache.kafka.common.header.Headers;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads and writes any event of the contract, in the format the registry gives the topic
 * ({@link Topics#format}): binary on the pipeline's own topics, JSON where suppliers and people read.
 *
 * <p>A reader that handles only some event types names them: an event whose {@code event-type}
 * header names another type is read as null without being decoded, and a stream drops it at its
 * first step. Events without the header are decoded as before.
 */
public class EventSerde extends JsonSerde<Event> {
    private final Set<String> handled;

    /** Reads every event type. */
    public EventSerde() {
        this(Set.of());
    }

    /** @param handled the event types read; the others come out as null (empty: every type) */
    protected EventSerde(Set<String> handled) {
        super(Event.class, Format.JSON);
        this.handled = handled;
    }

    /** The simple names of the concrete event types among {@code types} and their sealed families. */
    @SafeVarargs
    protected static Set<String> names(Class<? extends Event>... types) {
        return Arrays.stream(types).flatMap(EventSerde::concrete).map(Class::getSimpleName)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static Stream<Class<?>> concrete(Class<?> type) {
        return type.isSealed() ? Arrays.stream(type.getPermittedSubclasses()).flatMap(EventSerde::concrete)
                : Stream.of(type);
    }

    @Override
    protected Format formatFor(String topic) {
        return Topics.format(topic);
    }

    @Override
    public Event deserialize(String topic, Headers headers, byte[] data) {
        if (!handled.isEmpty() && data != null) {
            String type = EventHeaders.type(headers);
            if (type != null && !handled.contains(type)) {
                return null;
            }
        }
        return deserialize(topic, data);
    }
}
