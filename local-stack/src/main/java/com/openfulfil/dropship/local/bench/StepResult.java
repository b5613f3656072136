package com.openfulfil.dropship.local.bench;

import java.util.List;
import java.util.Map;

/**
 * What one load step measured. Latencies are from each order's intended send time; "completed"
 * means COMPLETED and, for a partner order, its commission credited.
 *
 * @param phase              "search" (finding the maximum) or "latency" (a share of the maximum)
 * @param completedPerSecond the rate at which the step's orders completed (middle 90 % of their completions)
 * @param drainSeconds       from the step's end until its last order completed
 * @param endToEnd           "placed → dispatched", "placed → completed", "API answer"
 * @param stages             per-stage latency, in pipeline order
 * @param cpuSeconds         CPU seconds per process from the step's start until its orders drained
 * @param cpuPerThousand     the same per 1,000 completed orders, and their total
 */
record StepResult(String phase, String label, double offeredPerSecond, double durationSeconds, long sent,
                  long accepted, long refused, long completed, long failed, long unfinished,
                  double completedPerSecond, double drainSeconds, boolean sustained, List<String> shortfalls,
                  Map<String, Latency.Percentiles> endToEnd, Map<String, Latency.Percentiles> stages,
                  Map<String, Double> cpuSeconds, Map<String, Double> cpuPerThousand) {

    static final String PLACED_TO_DISPATCHED = "placed → dispatched";
    static final String PLACED_TO_COMPLETED = "placed → completed";
    static final String API_ANSWER = "API answer (202)";

    Latency.Percentiles toDispatched() {
        return endToEnd.getOrDefault(PLACED_TO_DISPATCHED, Latency.Percentiles.NONE);
    }

    Latency.Percentiles toCompleted() {
        return endToEnd.getOrDefault(PLACED_TO_COMPLETED, Latency.Percentiles.NONE);
    }
}
