package com.openfulfil.dropship.local.chaos;

import com.openfulfil.dropship.local.DaemonThreads;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * Supervises the parts of the test harness that run in this JVM. When the supplier simulator has
 * stopped reading dispatches (an error it could not get past) it is restarted, as a supplier's own
 * supervisor would, and the report lists each restart. If it cannot be kept running, orders wait
 * for a supplier that is gone, and the report says the harness broke rather than blame the pipeline.
 */
final class HarnessWatch implements AutoCloseable {
    private static final int MAX_RESTARTS = 5;

    private final Instant runStart;
    private final BooleanSupplier supplierRunning;
    private final Runnable restartSupplier;
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final AtomicReference<String> problem = new AtomicReference<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("chaos-harness-watch"));

    HarnessWatch(Instant runStart, BooleanSupplier supplierRunning, Runnable restartSupplier) {
        this.runStart = runStart;
        this.supplierRunning = supplierRunning;
        this.restartSupplier = restartSupplier;
    }

    /** Call once the simulators run. */
    void start() {
        timer.scheduleWithFixedDelay(this::check, 1, 1, TimeUnit.SECONDS);
    }

    private void check() {
        if (supplierRunning.getAsBoolean() || problem.get() != null) {
            return;
        }
        String at = String.format("+%.1fs", Duration.between(runStart, Instant.now()).toMillis() / 1000.0);
        if (events.size() >= MAX_RESTARTS) {
            problem.set("the supplier simulator stopped again at " + at + " after " + MAX_RESTARTS + " restarts; "
                    + "orders waiting for a supplier after that are stuck because of the harness (see launcher.log)");
            return;
        }
        try {
            restartSupplier.run();
            events.add("supplier simulator stopped (see \"Supplier simulator stopped\" in launcher.log) and was "
                    + "restarted at " + at);
        } catch (RuntimeException e) {
            problem.set("the supplier simulator stopped at " + at + " and could not be restarted: " + e.getMessage());
        }
    }

    /** What kept the harness from doing its part; each one fails the run. */
    List<String> problems() {
        String p = problem.get();
        return p == null ? List.of() : List.of(p);
    }

    /** Restarts the harness made, for the report. */
    List<String> events() {
        return List.copyOf(events);
    }

    /** Stops watching, before the stack (and with it the simulator) is stopped on purpose. */
    @Override
    public void close() {
        timer.shutdownNow();
    }
}
