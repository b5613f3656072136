package com.openfulfil.dropship.events.ops;

import java.time.Instant;

/** An operator decided a dead letter is not to be processed; it stays on its topic, handled. */
public record DeadLetterDiscarded(String eventId, Instant occurredAt, String actor, String deadLetterTopic,
                                  int deadLetterPartition, long deadLetterOffset, String originalTopic, String key,
                                  String error) implements DeadLetterAction {
}
