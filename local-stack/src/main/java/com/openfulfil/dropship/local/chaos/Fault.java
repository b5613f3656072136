package com.openfulfil.dropship.local.chaos;

import java.util.List;
import java.util.Optional;

/**
 * One fault of the suite. The run calls {@link #prepare}, notes the orders in flight, calls
 * {@link #strike} (the fault itself, and for a crash the supervisor's restart), waits until
 * {@link #settled} and the orders caught by the fault have finished, then calls {@link #restore}
 * to put the stack back as it was before the next fault.
 */
interface Fault {

    /** The fault as the table shows it, e.g. "kill -9 order-service". */
    String label();

    /** Why this fault cannot be injected yet, if it cannot (a missing feature, not a failure). */
    default Optional<String> notApplicable() {
        return Optional.empty();
    }

    /** What must be in place before the fault (a second instance, say). */
    default void prepare() {
    }

    void strike();

    /** Whether what the fault broke has healed (processes healthy, poison parked), checked repeatedly. */
    boolean settled();

    /** Puts the stack back into its usual shape; the next fault starts from there. */
    default void restore() {
    }

    /** The poison messages this fault sends, each of which must reach a dead-letter topic. */
    default List<Poison> poison() {
        return List.of();
    }

    /** What the fault saw of its own effect, for the table; null when there is nothing to say. */
    default String summary() {
        return null;
    }

    /** Dispatches the fault got parked that ops sent again once it was over. */
    default int resent() {
        return 0;
    }
}
