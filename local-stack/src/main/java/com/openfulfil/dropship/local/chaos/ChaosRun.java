package com.openfulfil.dropship.local.chaos;

import com.openfulfil.dropship.local.Waits;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.local.LocalStack;
import com.openfulfil.dropship.local.StackConfig;
import com.openfulfil.dropship.local.demo.DemoOrders;
import com.openfulfil.dropship.local.demo.OrderApi;
import com.openfulfil.dropship.local.demo.OrderWatcher;
import com.openfulfil.dropship.local.process.Repository;
import com.openfulfil.dropship.local.process.Service;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/** One chaos run, from starting the stack to the verdict. */
final class ChaosRun {
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration HEALTHY_AGAIN = Duration.ofSeconds(180);
    private static final Duration COMMISSION_WAIT = Duration.ofSeconds(30);
    /** An unfinished order older than this is backlog: at steady load an order finishes in 3-4 seconds. */
    static final Duration CAUGHT_UP_AGE = Duration.ofSeconds(10);

    /**
     * How long each phase lasts; every wait is bounded, so the run always ends.
     *
     * @param baseline steady load before the first fault
     * @param gap      steady load between a fault's recovery and the next fault, so orders are in flight again
     *                 (the load never stops, so a short run's two seconds are enough: the wait for the backlog
     *                 that follows makes sure each fault strikes a pipeline in its steady state)
     * @param catchUp  how long to wait, before each fault, for the backlog of the warm-up or the previous fault to
     *                 clear, so each fault strikes a pipeline in its steady state and is measured alone
     * @param recovery how long a fault may take to heal
     * @param after    steady load after the last fault: the pipeline must still move
     * @param drain    how long the last orders may take to finish once no new ones are placed
     * @param retryFor how long one order's POST (or confirmation) is retried
     */
    record Phases(Duration baseline, Duration gap, Duration catchUp, Duration recovery, Duration after,
                  Duration drain, Duration retryFor) {
        static Phases of(boolean shortRun, Duration warmUp) {
            Phases phases = shortRun
                    ? new Phases(Duration.ofSeconds(8), Duration.ofSeconds(2), Duration.ofSeconds(60),
                    Duration.ofSeconds(120), Duration.ofSeconds(8), Duration.ofSeconds(90), Duration.ofSeconds(150))
                    : new Phases(Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(120),
                    Duration.ofSeconds(180), Duration.ofSeconds(20), Duration.ofSeconds(180), Duration.ofSeconds(240));
            return warmUp == null ? phases : new Phases(warmUp, phases.gap, phases.catchUp, phases.recovery,
                    phases.after, phases.drain, phases.retryFor);
        }

        /** An upper bound on the orders one run can place. */
        int maxOrders(double rate, int faults) {
            long seconds = baseline.toSeconds() + after.toSeconds()
                    + faults * (catchUp.toSeconds() + recovery.toSeconds() + gap.toSeconds() + HEALTHY_AGAIN.toSeconds());
            return (int) Math.min(50_000, Math.ceil(seconds * rate) + 1);
        }
    }

    private final Repository repository;
    private final ChaosOptions options;
    private final String runId;
    private final Path dataDir;
    private final PrintStream out;
    private final Phases phases;
    private final Instant start = Instant.now();
    private HarnessWatch harness;

    ChaosRun(Repository repository, ChaosOptions options, String runId, Path dataDir, PrintStream out) {
        this.repository = repository;
        this.options = options;
        this.runId = runId;
        this.dataDir = dataDir;
        this.out = out;
        this.phases = Phases.of(options.shortRun(), options.warmUp());
    }

    int execute() {
        say("Chaos run " + runId + (options.shortRun() ? " (short)" : "") + ": data in " + dataDir + "; load "
                + options.ordersPerSecond() + " orders/s; simulator step " + options.simulatorDelay().toMillis()
                + " ms; consumer session timeout " + (options.sessionTimeout() == null ? "the services' own"
                : options.sessionTimeout().toMillis() + " ms") + "; faults " + String.join(", ", options.faults()));
        LocalStack stack = new LocalStack(repository, StackConfig.onFreePorts(dataDir)
                .withSimulatorDelay(options.simulatorDelay()).withServiceArgs(options.serviceArgs())
                .withHttpSuppliers(httpSuppliers()));
        Thread stopOnExit = new Thread(stack::stop, "chaos-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        try {
            stack.start(this::say);
            harness = new HarnessWatch(start, stack::isSupplierSimulatorRunning, stack::restartSupplierSimulator);
            harness.start();
            ChaosReport report = underLoad(stack);
            say(report.passed() ? "Chaos run passed." : "Chaos run FAILED: see the invariants and findings above; logs in "
                    + stack.config().logDir());
            return report.passed() ? 0 : 1;
        } catch (RuntimeException e) {
            say("The chaos run broke off: " + e.getMessage() + "\nLogs in " + stack.config().logDir());
            return 1;
        } finally {
            if (harness != null) {
                harness.close();
            }
            say("Stopping the stack ...");
            stack.stop();
            removeHook(stopOnExit);
            say("Done in " + ChaosReport.seconds(Duration.between(start, Instant.now())) + ".");
        }
    }

    /** The demo supplier that takes its dispatches over HTTP in this run: one, when the HTTP fault is asked for. */
    private Set<String> httpSuppliers() {
        return options.faults().contains(Faults.SUPPLIER_HTTP) ? Set.of(Faults.HTTP_SUPPLIER) : Set.of();
    }

    /** Steady load, the faults, more load, every order finished, then the verdict from the topics. */
    private ChaosReport underLoad(LocalStack stack) {
        try (OrderWatcher watcher = new OrderWatcher(stack.bootstrapServers()).start(Duration.ofSeconds(60));
             LoadDriver load = new LoadDriver(new OrderApi(stack.service(Service.ORDER).baseUrl()), watcher,
                     DemoOrders.plan(runId, phases.maxOrders(options.ordersPerSecond(), options.faults().size())),
                     new LoadDriver.Settings(options.ordersPerSecond(), Duration.ofSeconds(90), phases.retryFor()))) {
            load.start();
            say("Steady load started; " + phases.baseline().toSeconds() + " s before the first fault.");
            Waits.pause(phases.baseline());
            List<FaultWindow> windows = injectAll(stack, load);
            Instant afterFrom = Instant.now();
            say("Faults over; steady load for " + phases.after().toSeconds() + " s more, then every order must finish.");
            Waits.pause(phases.after());
            load.stopPlacing();
            drain(load, watcher);
            say("Reading the topics from the beginning ...");
            ChaosReport report = new ChaosReport(start, load.orders(), windows, afterFrom,
                    new TopicAudit(stack.bootstrapServers()).read(), harness.problems(), harness.events(),
                    httpSuppliers());
            String rendered = report.render();
            out.print("\n" + rendered);
            keep(rendered, report.findings());
            return report;
        }
    }

    private List<FaultWindow> injectAll(LocalStack stack, LoadDriver load) {
        List<FaultWindow> windows = new ArrayList<>();
        String broken = null;
        for (String name : options.faults()) {
            Fault fault = Faults.create(name, stack, runId);
            if (fault.notApplicable().isPresent()) {
                say(fault.label() + ": not applicable yet (" + fault.notApplicable().get() + ")");
                windows.add(FaultWindow.notApplicable(fault.label(), fault.notApplicable().get()));
            } else if (broken != null) {
                windows.add(FaultWindow.skipped(fault.label(), "skipped: " + broken + " did not heal"));
            } else {
                awaitCaughtUp(load);
                FaultWindow window = inject(fault, stack, load);
                windows.add(window);
                if (window.problem() != null) {
                    broken = fault.label();
                } else {
                    Waits.pause(phases.gap());
                }
            }
        }
        return windows;
    }

    /**
     * One fault: prepare, strike, then wait until what it broke has settled, the orders it caught
     * have finished and a new order has gone all the way. A fault that heals slower than the
     * recovery window is noted and the run goes on (the orders are judged at the end); one whose
     * processes do not come back at all stops the injection of further faults.
     */
    private FaultWindow inject(Fault fault, LocalStack stack, LoadDriver load) {
        try {
            fault.prepare();
        } catch (RuntimeException e) {
            say(fault.label() + ": could not prepare: " + firstLine(e));
            return FaultWindow.skipped(fault.label(), "could not prepare: " + firstLine(e));
        }
        Instant at = Instant.now();
        Set<String> caught = load.orders().stream().filter(o -> o.inFlightAt(at)).map(o -> o.plan().externalRef())
                .collect(Collectors.toSet());
        say(fault.label() + " (" + caught.size() + " orders in flight)");
        AtomicReference<Instant> settled = new AtomicReference<>();
        Instant recovered = null;
        String note = null;
        String problem = null;
        try {
            fault.strike();
            recovered = Waits.until(() -> settledOnce(fault, settled) && unfinished(load, caught) == 0
                    && newOrderFinished(load, at), phases.recovery(), POLL).orElse(null);
            if (recovered == null) {
                note = "not healed within the " + phases.recovery().toSeconds() + " s wait: " + unfinished(load, caught)
                        + " of " + caught.size() + " caught orders unfinished, a new order finished: "
                        + newOrderFinished(load, at) + ", fault settled: " + (settled.get() != null);
                if (Waits.until(() -> settledOnce(fault, settled), HEALTHY_AGAIN, POLL).isEmpty()) {
                    problem = "did not settle (processes healthy" + (fault.poison().isEmpty() ? "" : ", poison parked")
                            + ") within " + (phases.recovery().plus(HEALTHY_AGAIN)).toSeconds() + " s";
                }
            }
        } catch (RuntimeException e) {
            problem = "the fault could not be injected: " + firstLine(e);
        }
        say(recovered != null ? "  healed in " + ChaosReport.seconds(Duration.between(at, recovered))
                : "  " + (problem != null ? problem : note));
        try {
            fault.restore();
            if (Waits.until(() -> Faults.healthy(stack.services()), HEALTHY_AGAIN, POLL).isEmpty() && problem == null) {
                problem = "services not healthy again within " + HEALTHY_AGAIN.toSeconds() + " s after the restore";
            }
        } catch (RuntimeException e) {
            problem = problem != null ? problem : "could not restore the stack: " + firstLine(e);
        }
        return new FaultWindow(fault.label(), null, at, caught, settled.get(), recovered, note, problem,
                fault.poison(), fault.summary(), fault.resent());
    }

    /**
     * Waits, within {@link Phases#catchUp}, until no order older than {@link #CAUGHT_UP_AGE} is unfinished:
     * a fault that strikes while the pipeline still works off the warm-up's or the previous fault's backlog
     * would be measured together with that backlog (a restarting JVM then shares two cores with the
     * catch-up of every other service).
     */
    private void awaitCaughtUp(LoadDriver load) {
        Instant from = Instant.now();
        if (Waits.until(() -> backlog(load.orders(), Instant.now()) == 0, phases.catchUp(), POLL).isEmpty()) {
            say("Backlog not cleared within " + phases.catchUp().toSeconds() + " s ("
                    + backlog(load.orders(), Instant.now()) + " orders older than " + CAUGHT_UP_AGE.toSeconds()
                    + " s unfinished); the next fault strikes anyway.");
        } else if (Duration.between(from, Instant.now()).compareTo(POLL) > 0) {
            say("Backlog cleared in " + ChaosReport.seconds(Duration.between(from, Instant.now())) + ".");
        }
    }

    /** Orders accepted more than {@link #CAUGHT_UP_AGE} before {@code now} that have not finished. */
    static long backlog(List<LoadOrder> orders, Instant now) {
        Instant before = now.minus(CAUGHT_UP_AGE);
        return orders.stream().filter(o -> o.accepted() && o.finishedAt() == null && o.acceptedAt().isBefore(before))
                .count();
    }

    /** Whether the fault has settled; remembers when it first did. */
    private static boolean settledOnce(Fault fault, AtomicReference<Instant> settled) {
        if (settled.get() == null && fault.settled()) {
            settled.set(Instant.now());
        }
        return settled.get() != null;
    }

    private static long unfinished(LoadDriver load, Set<String> refs) {
        return load.orders().stream().filter(o -> refs.contains(o.plan().externalRef()) && o.finishedAt() == null)
                .count();
    }

    /** An order accepted after the fault struck has gone all the way: the pipeline moves again. */
    private static boolean newOrderFinished(LoadDriver load, Instant since) {
        return load.orders().stream().anyMatch(o -> o.accepted() && o.acceptedAt().isAfter(since)
                && o.finishedAt() != null);
    }

    private void drain(LoadDriver load, OrderWatcher watcher) {
        say("Waiting up to " + phases.drain().toSeconds() + " s for every order to finish ...");
        if (Waits.until(load::allSettled, phases.drain(), POLL).isEmpty()) {
            say("  not every order finished in time; the report names them");
        }
        // commission-service answers a completion with its own event, a moment later
        watcher.awaitUntil(() -> load.orders().stream()
                .filter(o -> o.plan().isPartner() && o.accepted() && o.lastSeen() == OrderStatus.COMPLETED)
                .allMatch(o -> !watcher.commissions(o.orderId()).isEmpty()), COMMISSION_WAIT);
    }

    /** The report and every finding in full, next to the logs, for a reproduction. */
    private void keep(String rendered, List<ChaosReport.Finding> findings) {
        Path report = dataDir.resolve("chaos-report.txt");
        Path all = dataDir.resolve("chaos-findings.txt");
        try {
            Files.writeString(report, rendered);
            Files.write(all, findings.stream().map(f -> f.row() + " | " + f.category() + " | " + f.text()).toList());
            say("Report in " + report + (findings.isEmpty() ? "" : ", all " + findings.size() + " findings in " + all));
        } catch (IOException e) {
            say("Could not write " + report + ": " + e.getMessage());
        }
    }

    private void say(String line) {
        out.printf("[+%6.1fs] %s%n", Duration.between(start, Instant.now()).toMillis() / 1000.0, line);
        out.flush();
    }

    private static String firstLine(RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down; the hook runs (stop is idempotent)
        }
    }
}
