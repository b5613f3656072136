package com.openfulfil.dropship.events.ops;

/**
 * What an operator did to a dead letter ({@code ops.audit}, keyed by the dead-letter topic). A dead
 * letter is named by where it sits ({@code deadLetterTopic}, partition, offset); once an action on it
 * is recorded, it is handled and leaves the console's list.
 */
public sealed interface DeadLetterAction extends OpsMessage permits DeadLetterReplayed, DeadLetterDiscarded {
    String deadLetterTopic();

    int deadLetterPartition();

    long deadLetterOffset();

    /** The topic the message was read from before it was parked. */
    String originalTopic();

    /** The message's key (the orderId on order topics); null when it had none. */
    String key();
}
