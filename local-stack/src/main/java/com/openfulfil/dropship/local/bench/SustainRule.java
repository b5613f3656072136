package com.openfulfil.dropship.local.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * When a load step counts as sustained: its orders completed as fast as they were offered, the
 * time they took did not grow from the start of the step to its end (a growing backlog shows as
 * growing latency, whatever the latency of an idle pipeline is on this machine), and the API
 * refused hardly any order. An order that never completes is a correctness failure, not a
 * throughput one: the exactly-once check reports it, and it does not decide the maximum.
 *
 * @param minShare        completions per second over offered per second, at least
 * @param growthShare     the median latency of the step's last quarter may exceed its first
 *                        quarter's by this share of the first quarter's ...
 * @param growthFloorMs   ... or by this many milliseconds, whichever is more
 * @param maxRefusedShare orders the API refused, over orders sent, at most
 */
record SustainRule(double minShare, double growthShare, double growthFloorMs, double maxRefusedShare) {

    static final SustainRule DEFAULT = new SustainRule(0.95, 0.5, 250, 0.001);

    /** Why the step was not sustained; empty when it was. */
    List<String> shortfalls(StepOutcome step) {
        List<String> why = new ArrayList<>();
        if (step.completedPerSecond() < minShare * step.offeredPerSecond()) {
            why.add(String.format("completed %.0f/s < %.0f%% of the offered %.0f/s", step.completedPerSecond(),
                    minShare * 100, step.offeredPerSecond()));
        }
        double allowed = Math.max(growthFloorMs, growthShare * step.firstQuarterP50Ms());
        double growth = step.lastQuarterP50Ms() - step.firstQuarterP50Ms();
        if (growth > allowed) {
            why.add(String.format("latency grew through the step (p50 %.0f ms → %.0f ms): a backlog built up",
                    step.firstQuarterP50Ms(), step.lastQuarterP50Ms()));
        }
        if (step.sent() > 0 && step.refused() > maxRefusedShare * step.sent()) {
            why.add(String.format("the API refused %d of %d orders", step.refused(), step.sent()));
        }
        return why;
    }

    boolean sustained(StepOutcome step) {
        return shortfalls(step).isEmpty();
    }

    /**
     * What one step measured, as the rule needs it.
     *
     * @param completedPerSecond the rate at which the step's orders completed
     * @param refused            orders the API did not accept
     * @param firstQuarterP50Ms  median placed → completed of the orders due in the step's first quarter
     * @param lastQuarterP50Ms   the same for its last quarter
     */
    record StepOutcome(double offeredPerSecond, double completedPerSecond, long sent, long refused,
                       double firstQuarterP50Ms, double lastQuarterP50Ms) {
    }
}
