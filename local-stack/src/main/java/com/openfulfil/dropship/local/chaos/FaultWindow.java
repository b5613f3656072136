package com.openfulfil.dropship.local.chaos;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What happened to one fault: when it struck, which orders were in flight then, when what it
 * broke had settled and when the pipeline had healed, and what went wrong with the fault itself.
 *
 * @param notApplicable why the fault was not injected at all (a feature that does not exist yet)
 * @param injectedAt    null when the fault was not injected
 * @param caught        external refs of the orders in flight when it struck
 * @param settledAt     when its processes were healthy again (and its poison parked); null if never
 * @param recoveredAt   when it had healed within the recovery wait; null if it took longer
 * @param note          why the wait ended without healing (the run goes on; the orders are judged at the end)
 * @param problem       a fault that could not be prepared, injected or undone, or why it was skipped
 * @param summary       what the fault itself reports (requests refused, dispatches re-sent); null if nothing
 * @param resent        dispatches parked by the fault that ops sent again
 */
record FaultWindow(String label, String notApplicable, Instant injectedAt, Set<String> caught, Instant settledAt,
                   Instant recoveredAt, String note, String problem, List<Poison> poison, String summary, int resent) {

    FaultWindow {
        caught = Set.copyOf(caught);
        poison = List.copyOf(poison);
    }

    static FaultWindow notApplicable(String label, String reason) {
        return new FaultWindow(label, reason, null, Set.of(), null, null, null, null, List.of(), null, 0);
    }

    static FaultWindow skipped(String label, String why) {
        return new FaultWindow(label, null, null, Set.of(), null, null, null, why, List.of(), null, 0);
    }

    boolean injected() {
        return injectedAt != null;
    }

    int inFlight() {
        return caught.size();
    }
}
