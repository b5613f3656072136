package com.openfulfil.dropship.events;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;

/**
 * Headers every event carries on its topic. The event's type (the record's simple name, as in the
 * JSON {@code type} field) travels in {@value #TYPE}, so a reader can skip the events it does not
 * handle without decoding them.
 */
public final class EventHeaders {
    public static final String TYPE = "event-type";

    private EventHeaders() {
    }

    /** The event type named by the headers, or null when the writer did not name it. */
    public static String type(Headers headers) {
        if (headers == null) {
            return null;
        }
        Header header = headers.lastHeader(TYPE);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Names the event's type in the headers, replacing any type named before. */
    public static void setType(Headers headers, Event event) {
        headers.remove(TYPE);
        headers.add(TYPE, event.getClass().getSimpleName().getBytes(StandardCharsets.UTF_8));
    }
}
