package com.openfulfil.dropship.local.bench;

import com.openfulfil.dropship.local.LocalStack;
import com.openfulfil.dropship.local.StackConfig;
import com.openfulfil.dropship.local.demo.PlannedOrder;
import com.openfulfil.dropship.local.process.Repository;
import com.openfulfil.dropship.local.process.Service;
import com.openfulfil.dropship.local.process.ServiceProcess;
import org.apache.kafka.common.TopicPartition;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * One benchmark run, start to finish: the stack on its shipped settings, the bench catalog, the
 * warm-up, the captured event paths, the search for the maximum, the latency steps, the CPU
 * profile, the growth of state and the step after it, the three relays and the exactly-once audit.
 */
final class BenchRun {
    private static final double TARGET_ORDERS_PER_SECOND = 1000;
    private static final double TARGET_RELAY_RATIO = 0.5;
    private static final double TARGET_P99_DISPATCHED_MS = 150;
    private static final double TARGET_RECORDS_PER_ORDER = 45;
    private static final double GOAL_RECORDS_PER_ORDER = 30;
    private static final double GROWTH_SHARE = 0.50;
    private static final double[] LATENCY_SHARES = {0.25, 0.50, 0.75};
    private static final double PROFILE_SHARE = 0.75;
    private static final String PROFILE_DIR = "profile";
    /** Other processes using this much of the machine on average make the figures worth a warning. */
    private static final double BUSY_MACHINE_CORES = 0.1;
    /** Chains in flight in the first window of a relay's search, and at most (a quarter of it in a quick run). */
    private static final int RELAY_FIRST_WINDOW = 64;
    private static final int RELAY_MAX_WINDOW = 8192;
    static final String LAUNCHER = "launcher (load, simulators, watcher)";
    static final String BROKER = "kafka broker";
    private static final Duration CATALOG_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration QUIET = Duration.ofMillis(1500);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
    private static final Duration STALL = Duration.ofSeconds(30);

    private final BenchOptions options;
    private final Consumer<String> say;
    private final String runId;
    private final List<Sent> everyOrder = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final OrderBook book = new OrderBook();
    private final BenchCatalog catalog;
    private OrderMix mix;
    private LoadDriver driver;
    private BenchWatcher watcher;
    private ResourceMeter meter;
    private int stepIndex;

    BenchRun(BenchOptions options, String runId, Consumer<String> say) {
        this(options, runId, say, BenchCatalog.standard());
    }

    BenchRun(BenchOptions options, String runId, Consumer<String> say, BenchCatalog catalog) {
        this.options = options;
        this.runId = runId;
        this.say = say;
        this.catalog = catalog;
    }

    BenchResults run(Path runDir) {
        Instant started = Instant.now();
        List<String> serviceArgs = new ArrayList<>(options.serviceArgs());
        // supplier-gateway must know the catalog's suppliers; the other services ignore these
        serviceArgs.addAll(catalog.gatewayArgs());
        LocalStack stack = new LocalStack(Repository.locate(), StackConfig.onFreePorts(runDir)
                .withSimulatorDelay(Duration.ZERO).withServiceArgs(serviceArgs)
                .withJvmArgs(options.profile() ? CpuProfile.jvmArgs(runDir.resolve(PROFILE_DIR)) : List.of()));
        if (options.profile()) {
            CpuProfile.readyThisProcess();
        }
        // Ctrl-C (or a kill) must not leave the broker and services running on their own
        Thread stopOnExit = new Thread(stack::stop, "bench-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        try {
            stack.start(say);
            String bootstrap = stack.bootstrapServers();
            int partitions = StackPreparation.pipelinePartitions(bootstrap);
            ShippedDefaults shipped = ShippedDefaults.of(Repository.locate());
            StackPreparation.ensureSupplierTopics(stack, catalog.supplierIds(), partitions, say);
            say.accept("Loading the bench catalog: " + catalog.describe() + " ...");
            StackPreparation.loadCatalog(stack.service(Service.CATALOG).baseUrl(), stack.service(Service.ORDER).baseUrl(),
                    catalog, CATALOG_TIMEOUT, say);
            mix = new OrderMix(runId, catalog);
            driver = new LoadDriver(stack.service(Service.ORDER).baseUrl(), book, mix);
            watcher = new BenchWatcher(bootstrap, catalog.supplierIds(), book, driver::onDelivered)
                    .start(Duration.ofSeconds(60));
            meter = new ResourceMeter(pids(stack), ProcStat.clockTicks());

            BenchResults.Warmup warmup = warmUp();
            List<RelayPath> paths = capturePaths(bootstrap);
            Map<String, Long> volumeBefore = TopicVolume.snapshot(bootstrap);
            long completedBefore = completed();
            Map<String, Long> cpuBefore = meter.snapshot();
            long measureStart = System.nanoTime();
            RateSearch search = new RateSearch(options.startRate(), 1.5, options.refinements(), options.maxSearchSteps());
            List<StepResult> searchSteps = search(search);
            double max = search.bestSustained().orElse(0);
            List<StepResult> latencySteps = latencySteps(max);
            CpuProfile.Result profile = profile(max, pids(stack), runDir.resolve(PROFILE_DIR));
            Map<String, Long> volumeAfter = TopicVolume.snapshot(bootstrap);
            long measuredOrders = completed() - completedBefore;
            Map<String, Double> perOrder = TopicVolume.perOrder(volumeBefore, volumeAfter, measuredOrders,
                    catalog.supplierIds());
            Map<String, Double> perTopic = TopicVolume.perTopic(volumeBefore, volumeAfter, measuredOrders);
            BenchResults.Growth growth = growth(max, latencySteps.size() > 1 ? latencySteps.get(1) : null);
            List<Relay.Result> relays = relays(bootstrap, paths, options.effective(shipped, partitions));
            double othersCores = meter.cpuSeconds(cpuBefore, meter.snapshot()).getOrDefault(ResourceMeter.OTHERS, 0.0)
                    / ((System.nanoTime() - measureStart) / 1e9);

            say.accept("Checking that every order went through exactly once ...");
            settle(everyOrder, Duration.ofSeconds(30));
            if (!watcher.awaitCaughtUp(Duration.ofSeconds(60))) {
                notes.add("The watcher had not read every record when the check ran.");
            }
            ExactlyOnceCheck.Result check = ExactlyOnceCheck.check(everyOrder, book.all(), catalog.supplierIds());
            Map<String, Double> peaks = meter.peakRssMib();
            Map<String, Object> settings = options.recorded(shipped, partitions);
            settings.put("supplier-gateway's suppliers", "the bench catalog's " + catalog.suppliers().size()
                    + ", over Kafka (passed as --dropship.gateway.suppliers[i].id/name/transport/country)");
            return results(new Measured(started, warmup, searchSteps, max, latencySteps, profile, growth, relays, paths,
                    perOrder, perTopic, peaks, othersCores, check), settings);
        } finally {
            if (watcher != null) {
                watcher.close();
            }
            if (driver != null) {
                driver.close();
            }
            say.accept("Stopping the stack ...");
            stack.stop();
            removeHook(stopOnExit);
        }
    }

    /** What a run measured, on its way into {@link BenchResults}. */
    private record Measured(Instant started, BenchResults.Warmup warmup, List<StepResult> search, double max,
                            List<StepResult> latency, CpuProfile.Result profile, BenchResults.Growth growth,
                            List<Relay.Result> relays, List<RelayPath> paths, Map<String, Double> perOrder,
                            Map<String, Double> perTopic, Map<String, Double> peaks, double othersCores,
                            ExactlyOnceCheck.Result check) {
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook is running or has run
        }
    }

    private static Map<String, Long> pids(LocalStack stack) {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (ServiceProcess service : stack.services()) {
            pids.put(service.service().module(), service.process().pid());
        }
        pids.put(BROKER, stack.broker().process().pid());
        pids.put(LAUNCHER, ProcessHandle.current().pid());
        return pids;
    }

    /** Closed loop, so a cold pipeline is not buried under a backlog (see {@link #closedLoop}). */
    private BenchResults.Warmup warmUp() {
        int total = options.warmupOrders();
        say.accept(String.format("Warming up: %d orders, at most %d in the pipeline at once ...", total,
                options.warmupOpen()));
        Instant start = Instant.now();
        List<Sent> sent = closedLoop(total, options.warmupOpen());
        settle(sent, Duration.ofMinutes(5));
        long completed = sent.stream().filter(s -> s.track() != null && s.track().isDone()).count();
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        say.accept(String.format("  warm-up done: %d of %d completed in %.0f s", completed, sent.size(), seconds));
        return new BenchResults.Warmup(sent.size(), options.warmupOpen(), seconds, completed);
    }

    /**
     * Places {@code total} orders, a new one whenever fewer than {@code open} are in the pipeline,
     * so the pipeline runs as fast as it can without a backlog building up. An order stuck for
     * {@link #STALL} stops counting. Only the orders still open are looked at, so this stays cheap
     * however many orders have been placed.
     */
    private List<Sent> closedLoop(int total, int open) {
        List<Sent> sent = new ArrayList<>(total);
        List<Sent> inPipeline = new ArrayList<>(open);
        Instant nextReport = Instant.now().plus(PROGRESS_EVERY);
        while (sent.size() < total) {
            long since = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now().minus(STALL));
            inPipeline.removeIf(s -> s.settled() || s.plan.intendedMicros() <= since);
            int room = Math.min(open - inPipeline.size(), total - sent.size());
            if (room > 0) {
                List<Sent> batch = driver.sendNow(stepIndex, room);
                everyOrder.addAll(batch);
                sent.addAll(batch);
                inPipeline.addAll(batch);
            } else {
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
            if (Instant.now().isAfter(nextReport)) {
                say.accept("  ... " + sent.size() + " of " + total + " orders sent");
                nextReport = Instant.now().plus(PROGRESS_EVERY);
            }
        }
        stepIndex++;
        return sent;
    }

    /**
     * Keeps placing orders (closed loop) until {@code --state-orders} are stored in total, then
     * measures the 50 % step again: a cost that grows with the state the services keep shows up
     * as more CPU per order or a higher p99 than at the start.
     */
    private BenchResults.Growth growth(double max, StepResult atStart) {
        if (options.stateOrders() == 0) {
            return null;
        }
        if (max <= 0 || atStart == null) {
            notes.add("No 50 % step was measured, so cost was not measured again as state grew.");
            return null;
        }
        int toPlace = Math.max(0, options.stateOrders() - everyOrder.size());
        say.accept(String.format("Storing orders until %,d are stored (%,d more, at most %d in the pipeline at once) ...",
                options.stateOrders(), toPlace, options.warmupOpen()));
        Instant start = Instant.now();
        List<Sent> filled = closedLoop(toPlace, options.warmupOpen());
        settle(filled, Duration.ofMinutes(5));
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        long stored = everyOrder.size();
        say.accept(String.format("  %,d orders stored (%.0f s); the 50 %% step again ...", stored, seconds));
        StepResult after = step("growth", String.format(Locale.ROOT, "50 %% after %,d orders", stored),
                Math.max(1, GROWTH_SHARE * max));
        return new BenchResults.Growth(stored, seconds, atStart, after);
    }

    /** One order at a time on an idle pipeline, each one's records read back as a path for the relays. */
    private List<RelayPath> capturePaths(String bootstrapServers) {
        say.accept("Capturing the event paths of " + options.probes() + " orders for the relays ...");
        List<RelayPath> paths = new ArrayList<>();
        try (PathCapture capture = new PathCapture(bootstrapServers, catalog.supplierIds())) {
            for (int i = 0; i < options.probes(); i++) {
                Map<TopicPartition, Long> before = capture.awaitQuiet(QUIET, Duration.ofSeconds(30));
                List<Sent> probe = send(new RateSchedule(1, 1));
                settle(probe, Duration.ofSeconds(60));
                Map<TopicPartition, Long> after = capture.awaitQuiet(QUIET, Duration.ofSeconds(30));
                Track track = probe.get(0).track();
                if (track == null || !track.isDone()) {
                    notes.add("A probe order for the relays did not complete; its path was left out.");
                    continue;
                }
                PlannedOrder order = mix.order(probe.get(0).plan.seq());
                Set<String> skus = order.lines().stream().map(l -> l.product().sku()).collect(Collectors.toSet());
                RelayPath path = capture.read(label(order), track.orderId, skus, before, after);
                say.accept("  " + path.label() + ": " + path.messages() + " events");
                paths.add(path);
            }
        }
        return paths;
    }

    private static String label(PlannedOrder order) {
        return (order.isPartner() ? "partner" : "storefront") + " order, " + order.lines().size() + " line(s), "
                + order.suppliers().size() + " supplier(s)";
    }

    private List<StepResult> search(RateSearch search) {
        say.accept("Searching for the maximum sustained rate ...");
        List<StepResult> steps = new ArrayList<>();
        OptionalDouble next;
        while ((next = search.next()).isPresent()) {
            double rate = next.getAsDouble();
            StepResult step = step("search", String.format("search %d (%.0f/s)", steps.size() + 1, rate), rate);
            search.record(rate, step.sustained(), step.completedPerSecond());
            steps.add(step);
        }
        return steps;
    }

    private List<StepResult> latencySteps(double max) {
        List<StepResult> steps = new ArrayList<>();
        if (max <= 0) {
            notes.add("No search step was sustained, so latency was not measured at a share of the maximum.");
            return steps;
        }
        for (double share : LATENCY_SHARES) {
            say.accept(String.format("Latency at %.0f %% of the maximum ...", share * 100));
            steps.add(step("latency", String.format("%.0f %%", share * 100), Math.max(1, share * max)));
        }
        return steps;
    }

    /**
     * A step at 75 % of the maximum with a flight recording in every service, the broker and the
     * launcher (the harness: load, simulators, watcher, shown apart from the pipeline): where each
     * process spends its CPU.
     */
    private CpuProfile.Result profile(double max, Map<String, Long> pids, Path dir) {
        if (!options.profile() || max <= 0) {
            return null;
        }
        say.accept(String.format("Recording where the CPU goes at %.0f %% of the maximum ...", PROFILE_SHARE * 100));
        CpuProfile profile = new CpuProfile(pids, dir);
        profile.start();
        StepResult step = step("profile", String.format("profile (%.0f %%)", PROFILE_SHARE * 100),
                Math.max(1, PROFILE_SHARE * max));
        CpuProfile.Result result = profile.stop(String.format(Locale.ROOT, "%s, offered %.0f/s for %d s, completed %.0f/s",
                step.label(), step.offeredPerSecond(), options.stepDuration().toSeconds(), step.completedPerSecond()));
        result.problems().forEach(p -> notes.add("Profile: " + p));
        return result;
    }

    private StepResult step(String phase, String label, double rate) {
        Map<String, Long> cpuBefore = meter.snapshot();
        RateSchedule schedule = RateSchedule.of(rate, options.stepDuration());
        List<Sent> sent = send(schedule);
        settle(sent, drainTimeout());
        Map<String, Double> cpu = meter.cpuSeconds(cpuBefore, meter.snapshot());
        long startMillis = sent.get(0).plan.intendedMicros() / 1000;
        StepResult result = StepAnalysis.analyse(phase, label, rate, startMillis, schedule.length(), sent,
                SustainRule.DEFAULT, cpu);
        say.accept(String.format("  %s: offered %.0f/s, completed %.0f/s, drained in %.1f s, p99 placed → dispatched "
                        + "%.0f ms, → completed %.0f ms: %s", label, rate, result.completedPerSecond(), result.drainSeconds(),
                result.toDispatched().p99Ms(), result.toCompleted().p99Ms(),
                result.sustained() ? "sustained" : "not sustained (" + String.join("; ", result.shortfalls()) + ")"));
        return result;
    }

    /** Long enough for an overloaded step's backlog to clear, so the next step starts on an idle pipeline. */
    private Duration drainTimeout() {
        Duration fourTimes = options.stepDuration().multipliedBy(4);
        return fourTimes.compareTo(Duration.ofSeconds(120)) > 0 ? fourTimes : Duration.ofSeconds(120);
    }

    private List<Sent> send(RateSchedule schedule) {
        List<Sent> sent = driver.run(stepIndex++, schedule);
        everyOrder.addAll(sent);
        return sent;
    }

    /**
     * Waits until every order has completed, failed or been refused; or until none has for
     * {@link #STALL} (the rest are stuck, which the exactly-once check reports); or the timeout.
     */
    private void settle(List<Sent> sent, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Instant nextReport = Instant.now().plus(PROGRESS_EVERY);
        long lastOpen = Long.MAX_VALUE;
        Instant lastProgress = Instant.now();
        while (true) {
            long open = sent.stream().filter(s -> !s.settled()).count();
            if (open == 0) {
                return;
            }
            if (open < lastOpen) {
                lastOpen = open;
                lastProgress = Instant.now();
            }
            if (Instant.now().isAfter(deadline) || Instant.now().isAfter(lastProgress.plus(STALL))) {
                say.accept("  " + open + " of " + sent.size() + " orders still open (no progress for "
                        + Duration.between(lastProgress, Instant.now()).toSeconds() + " s); going on");
                return;
            }
            if (Instant.now().isAfter(nextReport)) {
                say.accept("  ... " + (sent.size() - open) + " of " + sent.size() + " orders done");
                nextReport = Instant.now().plus(PROGRESS_EVERY);
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }

    private long completed() {
        return everyOrder.stream().filter(s -> s.track() != null && s.track().isDone()).count();
    }

    /**
     * The three relays, one after another while the services stand idle, with the pipeline's
     * partitions, producer batching, max.poll.records and commit interval.
     */
    private List<Relay.Result> relays(String bootstrapServers, List<RelayPath> paths, BenchOptions.Effective e) {
        if (paths.isEmpty()) {
            notes.add("No event path was captured, so the relays did not run.");
            return List.of();
        }
        boolean quick = options.quick();
        Relay.Settings settings = new Relay.Settings(options.relayThreads(), e.partitions(), e.lingerMs(), e.batchSize(),
                e.maxPollRecords(), e.commitIntervalMs(), RELAY_FIRST_WINDOW, quick ? RELAY_MAX_WINDOW / 4 : RELAY_MAX_WINDOW,
                Duration.ofSeconds(quick ? 3 : 10), Duration.ofSeconds(quick ? 2 : 5), Duration.ofSeconds(quick ? 10 : 30),
                options.stepDuration(), Set.of(BROKER, LAUNCHER));
        List<Relay.Result> results = new ArrayList<>();
        for (Relay.Kind kind : Relay.Kind.values()) {
            say.accept(String.format("Relay %s: %d threads, %d paths of %d-%d hops on %d topics of %d partitions, "
                            + "window searched from %d ...", kind.label(), settings.threads(), paths.size(),
                    RelayPath.minHops(paths), RelayPath.maxHops(paths), RelayPath.topics(paths).size(), e.partitions(),
                    RELAY_FIRST_WINDOW));
            try (Relay relay = new Relay(bootstrapServers, kind, settings, paths)) {
                Relay.Result result = relay.run(meter);
                say.accept(String.format(Locale.ROOT, "  relay %s: %.0f chains/s (%.0f records/s) at a window of %d, "
                                + "%.2f CPU-s per 1,000 records, chain p99 %.0f ms", kind.label(), result.chainsPerSecond(),
                        result.recordsPerSecond(), result.window(), result.cpuSecondsPerThousandRecords(),
                        result.chainLatency().p99Ms()));
                results.add(result);
            } catch (RuntimeException ex) {
                say.accept("  relay " + kind.label() + " could not run: " + ex.getMessage());
                notes.add("Relay " + kind.label() + " could not run: " + ex.getMessage());
            }
        }
        return results;
    }

    private static double offeredAtMax(List<StepResult> search) {
        return search.stream().filter(StepResult::sustained).mapToDouble(StepResult::offeredPerSecond).max().orElse(0);
    }

    private BenchResults results(Measured m, Map<String, Object> settings) {
        Relay.Result transactional = m.relays().stream()
                .filter(r -> r.kind().equals(Relay.Kind.TRANSACTIONAL.label())).findFirst().orElse(null);
        double max = m.max();
        double ratio = transactional == null || transactional.chainsPerSecond() <= 0 ? 0
                : max / transactional.chainsPerSecond();
        double p99AtHalf = m.latency().size() > 1 ? m.latency().get(1).toDispatched().p99Ms() : 0;
        double recordsPerOrder = m.perOrder().getOrDefault(BenchResults.ALL_TOPICS, 0.0);
        BenchResults.Targets targets = new BenchResults.Targets(TARGET_ORDERS_PER_SECOND, max >= TARGET_ORDERS_PER_SECOND,
                TARGET_RELAY_RATIO, ratio >= TARGET_RELAY_RATIO, TARGET_P99_DISPATCHED_MS, p99AtHalf,
                m.latency().size() > 1 && p99AtHalf <= TARGET_P99_DISPATCHED_MS, TARGET_RECORDS_PER_ORDER,
                GOAL_RECORDS_PER_ORDER, round(recordsPerOrder), recordsPerOrder > 0 && recordsPerOrder <= TARGET_RECORDS_PER_ORDER);
        if (options.departsFromShippedSettings()) {
            notes.add("This run departs from the services' shipped settings (" + String.join(" ", options.serviceArgs())
                    + "): publish it beside a run at the shipped settings (the same command without them).");
        }
        if (driver.finishFailures() > 0) {
            notes.add(driver.finishFailures() + " receipt confirmations or completions failed after every retry.");
        }
        notes.add(driver.retries() + " HTTP calls were retried (same Idempotency-Key).");
        if (m.othersCores() >= BUSY_MACHINE_CORES) {
            notes.add(String.format(Locale.ROOT, "Other processes on this machine kept %.2f cores busy on average while "
                    + "the bench measured: every figure is lower than an otherwise idle machine would give.", m.othersCores()));
        }
        List<BenchResults.PathSummary> summaries = m.paths().stream().map(p -> new BenchResults.PathSummary(p.label(),
                p.hops(), p.events().stream().map(e -> e.getClass().getSimpleName()).toList())).toList();
        return new BenchResults(m.started().toString(), Instant.now().toString(), options.reproduce(), settings,
                catalog.describe(), BenchResults.Machine.current(), m.warmup(), m.search(), round(max),
                offeredAtMax(m.search()), m.latency(), m.profile(), m.growth(), m.relays(), summaries,
                Math.round(ratio * 100) / 100.0, m.perOrder(), m.perTopic(),
                pipelineCpu(m.search(), m.latency(), recordsPerOrder), harness(m.search(), m.latency(), m.growth()),
                m.peaks(), Math.round(m.othersCores() * 100) / 100.0, m.check(), targets, List.copyOf(notes));
    }

    /**
     * The pipeline's CPU per record at its maximum (the fastest sustained search step, or else the
     * 75 % step): the services and the broker, not the launcher.
     */
    private static BenchResults.PipelineCpu pipelineCpu(List<StepResult> search, List<StepResult> latency,
                                                        double recordsPerOrder) {
        StepResult step = search.stream().filter(StepResult::sustained)
                .max(Comparator.comparingDouble(StepResult::completedPerSecond))
                .orElse(latency.isEmpty() ? null : latency.get(latency.size() - 1));
        if (step == null || step.cpuPerThousand().isEmpty() || recordsPerOrder <= 0) {
            return null;
        }
        double perThousandOrders = pipelinePerThousand(step);
        return new BenchResults.PipelineCpu(step.label(), perThousandOrders / 1000, round(recordsPerOrder),
                Math.round(perThousandOrders / recordsPerOrder * 1000) / 1000.0, step.toCompleted());
    }

    /** Services and broker, CPU seconds per 1,000 completed orders of a step: its total without the launcher. */
    static double pipelinePerThousand(StepResult step) {
        return step.cpuPerThousand().getOrDefault("total", 0.0) - step.cpuPerThousand().getOrDefault(LAUNCHER, 0.0);
    }

    private BenchResults.Harness harness(List<StepResult> search, List<StepResult> latency, BenchResults.Growth growth) {
        Map<String, Double> perOrder = new LinkedHashMap<>();
        search.stream().filter(StepResult::sustained).max(Comparator.comparingDouble(StepResult::completedPerSecond))
                .ifPresent(s -> perOrder.put(s.label(), s.cpuPerThousand().getOrDefault(LAUNCHER, 0.0)));
        latency.forEach(s -> perOrder.put(s.label(), s.cpuPerThousand().getOrDefault(LAUNCHER, 0.0)));
        if (growth != null) {
            perOrder.put(growth.after().label(), growth.after().cpuPerThousand().getOrDefault(LAUNCHER, 0.0));
        }
        return new BenchResults.Harness(perOrder, watcher.recordsRead(), watcher.decoded());
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
