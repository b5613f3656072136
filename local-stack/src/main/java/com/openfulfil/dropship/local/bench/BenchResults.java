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
 * @param catalog               what the bench's catalog is (products, suppliers, popularity)
 * @param maxCompletedPerSecond highest completion rate of a sustained search step (0 if none was)
 * @param profile               where each process spent its CPU during a step at 75 % of the maximum; null if not recorded
 * @param growth                cost and latency at the start and once many orders are stored; null if not measured
 * @param relays                the three relays, (a) bytes, (b) codec, (c) transactional, in the order they ran
 *                              (one that could not run is left out, with a note)
 * @param relayRatio            pipeline maximum over relay (c)'s chains per second (0 without relay (c))
 * @param otherProcessesCores   cores that processes outside the bench kept busy on average, from the first
 *                              search step to the end of the last relay (0 on an otherwise idle machine)
 * @param pipelineMessagesPerOrder records the pipeline wrote per completed order: on the event path
 *                              (the registry's topics), in Kafka Streams' topics, in Kafka's own, and in total
 * @param recordsPerOrderByTopic the same for every topic that grew, the most written first
 * @param pipelineCpu           what the pipeline's CPU per record comes to, beside the relays'
 * @param harness               the launcher's (load, simulators, watcher) own cost, reported apart from the pipeline's
 */
record BenchResults(String startedAt, String finishedAt, String reproduce, Map<String, Object> settings,
                    String catalog, Machine machine, Warmup warmup, List<StepResult> search,
                    double maxCompletedPerSecond, double maxOfferedPerSecond, List<StepResult> latency,
                    CpuProfile.Result profile, Growth growth, List<Relay.Result> relays, List<PathSummary> relayPaths,
                    double relayRatio, Map<String, Double> pipelineMessagesPerOrder,
                    Map<String, Double> recordsPerOrderByTopic, PipelineCpu pipelineCpu, Harness harness,
                    Map<String, Double> peakRssMib, double otherProcessesCores, ExactlyOnceCheck.Result exactlyOnce,
                    Targets targets, List<String> notes) {

    static final String ALL_TOPICS = "all topics";

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

    /**
     * Whether cost grows with state: the 50 % step at the start, then orders placed (closed loop,
     * as fast as the pipeline takes them) until {@code ordersStored} were stored in total, then the
     * same step again.
     *
     * @param fillSeconds how long placing the orders in between took
     */
    record Growth(long ordersStored, double fillSeconds, StepResult atStart, StepResult after) {
    }

    /**
     * The pipeline's CPU per record written, to set beside the relays': the services' and the
     * broker's CPU per completed order (the launcher is the harness, left out) over the records
     * written per order on every topic.
     *
     * @param step               the step it was taken from
     * @param cpuSecondsPerOrder services and broker, CPU seconds per completed order
     * @param recordsPerOrder    records written per completed order, all topics
     * @param toCompleted        placed → completed in that step, beside the relays' chain latency
     */
    record PipelineCpu(String step, double cpuSecondsPerOrder, double recordsPerOrder,
                       double cpuSecondsPerThousandRecords, Latency.Percentiles toCompleted) {
    }

    /**
     * The harness's own CPU per completed order (load driver, simulators, watcher: the launcher),
     * at each latency step, and what it leaves the pipeline: at 1,000 orders/s it would take
     * {@code cpuMsPerOrder} cores.
     */
    record Harness(Map<String, Double> cpuMsPerOrder, long recordsRead, long recordsDecoded) {
    }

    /** The performance targets (docs/performance.md, "Before and after") and whether this run met them. */
    record Targets(double minCompletedPerSecond, boolean throughputMet, double minRelayRatio, boolean relayRatioMet,
                   double maxP99DispatchedMsAtHalf, double p99DispatchedMsAtHalf, boolean latencyMet,
                   double maxRecordsPerOrder, double goalRecordsPerOrder, double recordsPerOrder,
                   boolean recordsPerOrderMet) {
    }

    boolean passed() {
        return exactlyOnce != null && exactlyOnce.passed();
    }

    /** Relay (c), the one the headline ratio is taken against; null if it did not run. */
    Relay.Result transactionalRelay() {
        return relays.stream().filter(r -> r.kind().equals(Relay.Kind.TRANSACTIONAL.label())).findFirst().orElse(null);
    }
}
