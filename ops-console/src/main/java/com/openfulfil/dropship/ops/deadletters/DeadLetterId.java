package com.openfulfil.dropship.ops.deadletters;

import com.openfulfil.dropship.events.ops.DeadLetterAction;

/** Where a dead letter sits: its dead-letter topic, partition and offset. */
public record DeadLetterId(String topic, int partition, long offset) {

    public static DeadLetterId of(DeadLetterAction action) {
        return new DeadLetterId(action.deadLetterTopic(), action.deadLetterPartition(), action.deadLetterOffset());
    }

    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset;
    }
}
