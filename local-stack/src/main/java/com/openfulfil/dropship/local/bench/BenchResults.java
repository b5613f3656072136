package com.openfulfil.dropship.local.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything one bench run measured, with the settings it ran with: written as
 * {@code <time>.json} and rendered as the Markdown summary and the chart.
 *
 * @param reproduce             the command that repeats the run
 * @param maxCompletedPerSecond highest completion rate of a sustained search step (0 if none was)
 * @param profile               where each process spent its CPU during a step at 75 % of the maximum; null if not recorded
 * @param otherProcessesCores   cores that processes outside the bench kept busy on average, from the first
 *                              search step to the end of the raw relay (0 on an otherwise idle machine)
 * @param relayRatio            pipeline maximum over the raw relay's chains per second
 * @param pipelineMessagesPerOrder records the pipeline wrote per completed order: on the event path
 *                              (the registry's topics) and in total (changelogs, repartition
 *                              topics, offsets and transaction markers included)
 */
record BenchResults(String startedAt, String finishedAt, String reproduce, Map<String, Object> settings,
                    Machine machine, Warmup warmup, List<StepResult> search, double maxCompletedPerSecond,
                    double maxOfferedPerSecond, List<StepResult> latency, CpuProfile.Result profile,
                    RawRelay.Result relay,
                    List<PathSummary> relayPaths, double relayRatio, Map<String, Double> pipelineMessagesPerOrder,
                    Map<String, Double> peakRssMib, double otherProcessesCores, ExactlyOnceCheck.Result exactlyOnce,
                    Targets targets,
                    List<String> notes) {

    record Machine(int cores, String os, String java, long memoryMib) {
        static Machine current() {
            long memoryKb = 0;
            try {
                memoryKb = ProcStat.kb(Files.readString(Path.of("/proc/meminfo")), "MemTotal");
            } catch (IOException | RuntimeException e) {
                // not Linux: left at 0
            }
            return new Machine(Runtime.getRuntime().availableProcessors(),
                    System.getProperty("os.name") + " " + System.getProperty("os.version"),
                    System.getProperty("java.version"), memoryKb / 1024);
        }
    }

    /** The closed-loop warm-up: orders sent while at most {@code open} were in the pipeline. */
    record Warmup(long orders, int open, double seconds, long completed) {
    }

    /** One captured event path: its hops and the event types in order. */
    record PathSummary(String label, int hops, List<String> events) {
    }

    /** The performance targets (README.md, "Performance") and whether this run met them. */
    record Targets(double minCompletedPerSecond, boolean throughputMet, double minRelayRatio, boolean relayRatioMet,
                   double maxP99DispatchedMsAtHalf, double p99DispatchedMsAtHalf, boolean latencyMet) {
    }

    boolean passed() {
        return exactlyOnce != null && exactlyOnce.passed();
    }
}
