package com.openfulfil.dropship.local.bench;

import com.openfulfil.dropship.events.model.OrderStatus;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the orders of one step, as the watcher saw them, into a {@link StepResult}. */
final class StepAnalysis {
    /** The order's journey, stage by stage: a name and the statuses it runs between. */
    record Stage(String name, OrderStatus from, OrderStatus to) {
    }

    static final List<Stage> STAGES = List.of(
            new Stage("allocation (PLACED → CONFIRMED)", OrderStatus.PLACED, OrderStatus.CONFIRMED),
            new Stage("dispatch (CONFIRMED → DISPATCHED)", OrderStatus.CONFIRMED, OrderStatus.DISPATCHED),
            new Stage("supplier accepts (→ ACCEPTED)", OrderStatus.DISPATCHED, OrderStatus.ACCEPTED),
            new Stage("supplier ships (→ SHIPPED)", OrderStatus.ACCEPTED, OrderStatus.SHIPPED),
            new Stage("carrier scan (→ IN_TRANSIT)", OrderStatus.SHIPPED, OrderStatus.IN_TRANSIT),
            new Stage("delivery (→ DELIVERED)", OrderStatus.IN_TRANSIT, OrderStatus.DELIVERED),
            new Stage("receipt confirmed (→ COMPLETED)", OrderStatus.DELIVERED, OrderStatus.COMPLETED));
    static final String INTAKE = "intake (send → PLACED)";
    static final String COMMISSION = "commission (COMPLETED → credited)";

    private StepAnalysis() {
    }

    /**
     * @param startMillis epoch ms at which the step's first order was due
     * @param length      how long the step offered load (its orders were due over this time)
     */
    static StepResult analyse(String phase, String label, double offered, long startMillis, Duration length,
                              List<Sent> orders, SustainRule rule, Map<String, Double> cpuSeconds) {
        long endMillis = startMillis + length.toMillis();
        long quarter = length.toMillis() / 4;
        Map<String, Latency> endToEnd = latencies(StepResult.PLACED_TO_DISPATCHED, StepResult.PLACED_TO_COMPLETED,
                StepResult.API_ANSWER);
        Map<String, Latency> stages = latencies(INTAKE);
        STAGES.forEach(s -> stages.put(s.name(), new Latency()));
        stages.put(COMMISSION, new Latency());
        Latency firstQuarter = new Latency();
        Latency lastQuarter = new Latency();
        long accepted = 0;
        long refused = 0;
        long completed = 0;
        long failed = 0;
        long lastDone = 0;
        long[] doneTimes = new long[orders.size()];
        long[] dueTimes = new long[orders.size()];
        for (Sent sent : orders) {
            Track track = sent.track();
            if (track == null) {
                refused += sent.refusal() != null ? 1 : 0;
                continue;
            }
            accepted++;
            long intended = sent.plan.intendedMicros();
            endToEnd.get(StepResult.API_ANSWER).record(sent.acceptedMicros() - intended);
            since(stages.get(INTAKE), intended, track.first(OrderStatus.PLACED));
            since(endToEnd.get(StepResult.PLACED_TO_DISPATCHED), intended, track.first(OrderStatus.DISPATCHED));
            for (Stage stage : STAGES) {
                between(stages.get(stage.name()), track.first(stage.from()), track.first(stage.to()));
            }
            if (sent.plan.partner()) {
                between(stages.get(COMMISSION), track.first(OrderStatus.COMPLETED), track.commissionMillis());
            }
            if (track.isDone()) {
                completed++;
                long done = track.doneMillis();
                since(endToEnd.get(StepResult.PLACED_TO_COMPLETED), intended, done);
                long due = intended / 1000 - startMillis;
                if (due < quarter) {
                    since(firstQuarter, intended, done);
                } else if (due >= length.toMillis() - quarter) {
                    since(lastQuarter, intended, done);
                }
                doneTimes[(int) completed - 1] = done;
                dueTimes[(int) completed - 1] = intended / 1000;
                lastDone = Math.max(lastDone, done);
            } else if (track.hasFailed()) {
                failed++;
            }
        }
        long unfinished = accepted - completed - failed;
        double completedPerSecond = completionRate(Arrays.copyOf(dueTimes, (int) completed),
                Arrays.copyOf(doneTimes, (int) completed));
        Duration drain = Duration.ofMillis(Math.max(0, lastDone - endMillis));
        SustainRule.StepOutcome outcome = new SustainRule.StepOutcome(offered, completedPerSecond, orders.size(),
                orders.size() - accepted, firstQuarter.percentiles().p50Ms(), lastQuarter.percentiles().p50Ms());
        List<String> shortfalls = rule.shortfalls(outcome);
        return new StepResult(phase, label, offered, length.toMillis() / 1000.0, orders.size(), accepted, refused,
                completed, failed, unfinished, round(completedPerSecond), drain.toMillis() / 1000.0,
                shortfalls.isEmpty(), shortfalls, percentiles(endToEnd), percentiles(stages), cpuSeconds,
                ResourceMeter.perThousand(cpuSeconds, completed));
    }

    /**
     * The rate at which orders came out, over the middle 90 % of them (so the latency jitter of
     * the first and last few does not stretch or shrink a short step): their count over the time
     * their completions spread across, or over the time they were sent across if that was longer.
     * A pipeline that releases a backlog in a burst has not completed orders faster than they came.
     */
    static double completionRate(long[] dueMillis, long[] doneMillis) {
        int n = doneMillis.length;
        if (n < 2) {
            return 0;
        }
        int from = n >= 20 ? n / 20 : 0;
        int to = n >= 20 ? n - 1 - n / 20 : n - 1;
        double seconds = Math.max(span(doneMillis, from, to), span(dueMillis, from, to)) / 1000.0;
        return seconds > 0 ? (to - from) / seconds : 0;
    }

    private static long span(long[] millis, int from, int to) {
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        return sorted[to] - sorted[from];
    }

    private static Map<String, Latency> latencies(String... names) {
        Map<String, Latency> map = new LinkedHashMap<>();
        for (String name : names) {
            map.put(name, new Latency());
        }
        return map;
    }

    private static void since(Latency latency, long intendedMicros, long atMillis) {
        if (atMillis > 0) {
            latency.record(atMillis * 1000 - intendedMicros);
        }
    }

    private static void between(Latency latency, long fromMillis, long toMillis) {
        if (fromMillis > 0 && toMillis > 0) {
            latency.record((toMillis - fromMillis) * 1000);
        }
    }

    private static Map<String, Latency.Percentiles> percentiles(Map<String, Latency> latencies) {
        Map<String, Latency.Percentiles> out = new LinkedHashMap<>();
        latencies.forEach((name, latency) -> out.put(name, latency.percentiles()));
        return out;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
