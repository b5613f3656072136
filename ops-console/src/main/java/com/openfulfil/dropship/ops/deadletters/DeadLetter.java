package com.openfulfil.dropship.ops.deadletters;

import org.apache.kafka.common.header.Header;

import java.util.List;

/**
 * A message a service parked on its dead-letter topic, as it sits there: where it is, the original
 * key (the orderId on order topics), value and headers, and the {@code dlq.*} headers saying why.
 */
public record DeadLetter(DeadLetterId id, byte[] key, byte[] value, List<Header> headers) {

    public DeadLetter {
        headers = List.copyOf(headers);
    }

    public String keyText() {
        return Text.of(key);
    }

    public String valueText() {
        return Text.of(value);
    }

    public String header(String name) {
        String found = null;
        for (Header header : headers) {
            if (header.key().equals(name)) {
                found = Text.of(header.value());
            }
        }
        return found == null ? "" : found;
    }

    /** Every header as text, the {@code dlq.*} ones included, in the order they were written. */
    public List<String[]> headerTexts() {
        return headers.stream().map(h -> new String[] {h.key(), Text.of(h.value())}).toList();
    }
}
