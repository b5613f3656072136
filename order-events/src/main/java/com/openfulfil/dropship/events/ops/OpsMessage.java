package com.openfulfil.dropship.events.ops;

import com.openfulfil.dropship.events.Event;

/**
 * Written by ops-console on {@code ops.audit}: what an operator did to a dead letter, who and when.
 * A dead letter is named by where it sits ({@code deadLetterTopic}, partition, offset); once an
 * action on it is recorded, it is handled and leaves the console's list.
 */
public sealed interface OpsMessage extends Event permits DeadLetterReplayed, DeadLetterDiscarded {
    /** The operator's login. */
    String actor();

    String deadLetterTopic();

    int deadLetterPartition();

    long deadLetterOffset();

    /** The topic the message was read from before it was parked. */
    String originalTopic();

    /** The message's key (the orderId on order topics); null when it had none. */
    String key();
}
