package com.openfulfil.dropship.ops.web;

import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.ops.deadletters.DeadLetter;
import com.openfulfil.dropship.ops.orders.OrderReader;
import com.openfulfil.dropship.support.streams.DeadLetters;

import java.util.LinkedHashMap;
import java.util.Map;

/** A dead letter as the page and the API show it: text, with the {@code dlq.*} headers read out. */
record DeadLetterView(String topic, int partition, long offset, String key, String error, String originalTopic,
                      String originalPartition, String originalOffset, String group, String failedAt,
                      Map<String, String> headers, String value) {
    /** Whether the key is an order's id (the topic it came from is keyed by order), so the page links the order. */
    public boolean orderKeyed() {
        boolean byOrder = originalTopic != null && (Topics.SUPPLIER_UPDATES.matcher(originalTopic).matches()
                || Topics.byName(originalTopic).map(t -> t.key().equals("orderId")).orElse(false));
        return byOrder && OrderReader.isOrderId(key);
    }

    static DeadLetterView of(DeadLetter letter) {
        Map<String, String> headers = new LinkedHashMap<>();
        letter.headerTexts().forEach(h -> headers.put(h[0], h[1]));
        return new DeadLetterView(letter.id().topic(), letter.id().partition(), letter.id().offset(), letter.keyText(),
                letter.header(DeadLetters.ERROR), letter.header(DeadLetters.TOPIC), letter.header(DeadLetters.PARTITION),
                letter.header(DeadLetters.OFFSET), letter.header(DeadLetters.GROUP), letter.header(DeadLetters.FAILED_AT),
                headers, letter.valueText());
    }
}
