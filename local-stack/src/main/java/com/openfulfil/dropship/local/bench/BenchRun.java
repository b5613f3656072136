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
 * One benchmark run, start to finish: the stack, the warm-up, the captured event paths, the
 * search for the maximum, the latency steps, the CPU profile, the raw relay and the exactly-once audit.
 */
final class BenchRun {
    private static final double TARGET_ORDERS_PER_SECOND = 1000;
    private static final double TARGET_RELAY_RATIO = 0.5;
    private static final double TARGET_P99_DISPATCHED_MS = 150;
    private static final double[] LATENCY_SHARES = {0.25, 0.50, 0.75};
    private static final double PROFILE_SHARE = 0.75;
    private static final String PROFILE_DIR = "profile";
    /** Other processes using this much of the machine on average make the figures worth a warning. */
    private static final double BUSY_MACHINE_CORES = 0.1;
    /** Chains in flight in the raw relay: enough for every hop to always have work, few enough not to queue. */
    private static final int RELAY_WINDOW = 500;
    private static final String LAUNCHER = "launcher (load, simulators, watcher)";
    private static final Duration QUIET = Duration.ofMillis(1500);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
    private static final Duration STALL = Duration.ofSeconds(30);

    private final BenchOptions options;
    private final Consumer<String> say;
    private final String runId;
    private final List<Sent> everyOrder = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final OrderBook book = new OrderBook();
    private LoadDriver driver;
    private ResourceMeter meter;
    private int stepIndex;

    BenchRun(BenchOptions options, String runId, Consumer<String> say) {
        this.options = options;
        this.runId = runId;
        this.say = say;
    }

    BenchResults run(Path runDir) {
        Instant started = Instant.now();
        LocalStack stack = new LocalStack(Repository.locate(), StackConfig.onFreePorts(runDir)
                .withSimulatorDelay(Duration.ZERO).withServiceArgs(options.serviceArgs())
                .withJvmArgs(options.profile() ? CpuProfile.jvmArgs(runDir.resolve(PROFILE_DIR)) : List.of()));
        // Ctrl-C (or a kill) must not leave the broker and services running on their own
        Thread stopOnExit = new Thread(stack::stop, "bench-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        BenchWatcher watcher = null;
        try {
            stack.start(say);
            StackPreparation.alignSupplierTopics(stack, options.tunables().partitions(), say);
            say.accept("Topping up the stock of the bench products ...");
            StackPreparation.topUpStock(stack.service(Service.CATALOG).baseUrl(), Duration.ofSeconds(60));
            driver = new LoadDriver(stack.service(Service.ORDER).baseUrl(), book, new OrderMix(runId));
            watcher = new BenchWatcher(stack.bootstrapServers(), book, driver::onDelivered).start(Duration.ofSeconds(60));
            meter = new ResourceMeter(pids(stack), ProcStat.clockTicks());

            BenchResults.Warmup warmup = warmUp();
            List<RelayPath> paths = capturePaths(stack.bootstrapServers());
            Map<String, Long> volumeBefore = TopicVolume.snapshot(stack.bootstrapServers());
            long completedBefore = completed();
            Map<String, Long> cpuBefore = meter.snapshot();
            long measureStart = System.nanoTime();
            RateSearch search = new RateSearch(options.startRate(), 1.5, options.refinements(), options.maxSearchSteps());
            List<StepResult> searchSteps = search(search);
            double max = search.bestSustained().orElse(0);
            List<StepResult> latencySteps = latencySteps(max);
            CpuProfile.Result profile = profile(max, pids(stack), runDir.resolve(PROFILE_DIR));
            Map<String, Double> perOrder = TopicVolume.perOrder(volumeBefore,
                    TopicVolume.snapshot(stack.bootstrapServers()), completed() - completedBefore);
            RawRelay.Result relay = relay(stack.bootstrapServers(), paths);
            double othersCores = meter.cpuSeconds(cpuBefore, meter.snapshot()).getOrDefault(ResourceMeter.OTHERS, 0.0)
                    / ((System.nanoTime() - measureStart) / 1e9);

            say.accept("Checking that every order went through exactly once ...");
            settle(everyOrder, Duration.ofSeconds(30));
            if (!watcher.awaitCaughtUp(Duration.ofSeconds(60))) {
                notes.add("The watcher had not read every record when the check ran.");
            }
            ExactlyOnceCheck.Result check = ExactlyOnceCheck.check(everyOrder, book.all());
            Map<String, Double> peaks = meter.peakRssMib();
            return results(started, warmup, searchSteps, max, offeredAtMax(searchSteps), latencySteps, profile, relay,
                    paths, perOrder, peaks, othersCores, check);
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
        pids.put("kafka broker", stack.broker().process().pid());
        pids.put(LAUNCHER, ProcessHandle.current().pid());
        return pids;
    }

    /**
     * Closed loop, so a cold pipeline is not buried under a backlog: a new order goes in whenever
     * fewer than the allowed number are in the pipeline. An order stuck for a minute stops counting.
     */
    private BenchResults.Warmup warmUp() {
        int total = options.warmupOrders();
        say.accept(String.format("Warming up: %d orders, at most %d in the pipeline at once ...", total,
                options.warmupOpen()));
        Instant start = Instant.now();
        List<Sent> sent = new ArrayList<>();
        Instant nextReport = Instant.now().plus(PROGRESS_EVERY);
        while (sent.size() < total) {
            long since = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now().minus(STALL));
            long open = sent.stream().filter(s -> !s.settled() && s.plan.intendedMicros() > since).count();
            int room = (int) Math.min(options.warmupOpen() - open, total - sent.size());
            if (room > 0) {
                List<Sent> batch = driver.sendNow(stepIndex, room);
                everyOrder.addAll(batch);
                sent.addAll(batch);
            } else {
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
            if (Instant.now().isAfter(nextReport)) {
                say.accept("  ... " + sent.size() + " of " + total + " orders sent");
                nextReport = Instant.now().plus(PROGRESS_EVERY);
            }
        }
        stepIndex++;
        settle(sent, Duration.ofMinutes(5));
        long completed = sent.stream().filter(s -> s.track() != null && s.track().isDone()).count();
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        say.accept(String.format("  warm-up done: %d of %d completed in %.0f s", completed, sent.size(), seconds));
        return new BenchResults.Warmup(sent.size(), options.warmupOpen(), seconds, completed);
    }

    /** One order at a time on an idle pipeline, each one's events read back as a path for the raw relay. */
    private List<RelayPath> capturePaths(String bootstrapServers) {
        say.accept("Capturing the event paths of " + options.probes() + " orders for the raw relay ...");
        List<RelayPath> paths = new ArrayList<>();
        OrderMix mix = new OrderMix(runId);
        try (PathCapture capture = new PathCapture(bootstrapServers)) {
            for (int i = 0; i < options.probes(); i++) {
                Map<TopicPartition, Long> before = capture.awaitQuiet(QUIET, Duration.ofSeconds(30));
                List<Sent> probe = send(new RateSchedule(1, 1));
                settle(probe, Duration.ofSeconds(60));
                Map<TopicPartition, Long> after = capture.awaitQuiet(QUIET, Duration.ofSeconds(30));
                Track track = probe.get(0).track();
                if (track == null || !track.isDone()) {
                    notes.add("A probe order for the raw relay did not complete; its path was left out.");
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
     * A step at 75 % of the maximum with a flight recording in every service and the broker (the
     * launcher is the harness, not the pipeline): where each process spends its CPU.
     */
    private CpuProfile.Result profile(double max, Map<String, Long> pids, Path dir) {
        if (!options.profile() || max <= 0) {
            return null;
        }
        say.accept(String.format("Recording where the CPU goes at %.0f %% of the maximum ...", PROFILE_SHARE * 100));
        Map<String, Long> pipeline = new LinkedHashMap<>(pids);
        pipeline.remove(LAUNCHER);
        CpuProfile profile = new CpuProfile(pipeline, dir);
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

    private RawRelay.Result relay(String bootstrapServers, List<RelayPath> paths) {
        if (paths.isEmpty()) {
            notes.add("No event path was captured, so the raw relay did not run.");
            return null;
        }
        BenchOptions.Tunables t = options.tunables();
        Duration warmUp = Duration.ofSeconds(options.quick() ? 3 : 15);
        say.accept(String.format("Raw relay: %d threads, %d paths of %d-%d hops, %d s warm-up + %d s ...", t.relayThreads(),
                paths.size(), RelayPath.minHops(paths), RelayPath.maxHops(paths), warmUp.toSeconds(),
                options.stepDuration().toSeconds()));
        RawRelay.Result result = new RawRelay(bootstrapServers, new RawRelay.Settings(t.relayThreads(), t.partitions(),
                t.lingerMs(), t.batchSize(), RELAY_WINDOW, warmUp, options.stepDuration()), paths)
                .run(meter);
        say.accept(String.format("  raw relay: %.0f chains/s (%.0f records/s), chain p99 %.0f ms",
                result.chainsPerSecond(), result.messagesPerSecond(), result.chainLatency().p99Ms()));
        return result;
    }

    private static double offeredAtMax(List<StepResult> search) {
        return search.stream().filter(StepResult::sustained).mapToDouble(StepResult::offeredPerSecond).max().orElse(0);
    }

    private BenchResults results(Instant started, BenchResults.Warmup warmup, List<StepResult> search, double max,
                                 double offeredAtMax, List<StepResult> latency, CpuProfile.Result profile,
                                 RawRelay.Result relay,
                                 List<RelayPath> paths, Map<String, Double> perOrder, Map<String, Double> peaks,
                                 double othersCores, ExactlyOnceCheck.Result check) {
        double ratio = relay == null || relay.chainsPerSecond() <= 0 ? 0 : max / relay.chainsPerSecond();
        double p99AtHalf = latency.size() > 1 ? latency.get(1).toDispatched().p99Ms() : 0;
        BenchResults.Targets targets = new BenchResults.Targets(TARGET_ORDERS_PER_SECOND, max >= TARGET_ORDERS_PER_SECOND,
                TARGET_RELAY_RATIO, ratio >= TARGET_RELAY_RATIO, TARGET_P99_DISPATCHED_MS, p99AtHalf,
                latency.size() > 1 && p99AtHalf <= TARGET_P99_DISPATCHED_MS);
        if (driver.finishFailures() > 0) {
            notes.add(driver.finishFailures() + " receipt confirmations or completions failed after every retry.");
        }
        notes.add(driver.retries() + " HTTP calls were retried (same Idempotency-Key).");
        if (othersCores >= BUSY_MACHINE_CORES) {
            notes.add(String.format(Locale.ROOT, "Other processes on this machine kept %.2f cores busy on average while "
                    + "the bench measured: every figure is lower than an otherwise idle machine would give.", othersCores));
        }
        List<BenchResults.PathSummary> summaries = paths.stream().map(p -> new BenchResults.PathSummary(p.label(), p.hops(),
                p.events().stream().map(e -> e.getClass().getSimpleName()).toList())).toList();
        return new BenchResults(started.toString(), Instant.now().toString(), options.reproduce(), options.recorded(),
                BenchResults.Machine.current(),
                warmup, search, round(max), offeredAtMax, latency, profile, relay, summaries,
                Math.round(ratio * 100) / 100.0,
                perOrder, peaks, Math.round(othersCores * 100) / 100.0, check, targets, List.copyOf(notes));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
