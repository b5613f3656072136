package com.openfulfil.dropship.events.ops;

import java.time.Instant;

/** An operator sent a dead letter back to its original topic, with its key, value and original headers. */
public record DeadLetterReplayed(String eventId, Instant occurredAt, String actor, String deadLetterTopic,
                                 int deadLetterPartition, long deadLetterOffset, String originalTopic, String key,
                                 String error) implements DeadLetterAction {
}
