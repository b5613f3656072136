package com.openfulfil.dropship.events.ops;

import com.openfulfil.dropship.events.Event;

/**
 * Written by ops-console on {@code ops.audit}: what a person did through the console, who and when.
 * Operators act on dead letters ({@link DeadLetterAction}); supplier users answer their dispatches
 * in the supplier portal ({@link PortalUpdateSent}).
 */
public sealed interface OpsMessage extends Event permits DeadLetterAction, PortalUpdateSent {
    /** The login of the person who acted. */
    String actor();
}
