package com.openfulfil.dropship.local.chaos;

import com.openfulfil.dropship.events.topics.Topics;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@code ./dropship chaos}.
 *
 * @param dataDir          a fresh folder for this run (broker log, state, logs); null picks one under ./data
 * @param shortRun         the bounded version the test suite runs
 * @param ordersPerSecond  the steady load
 * @param faults           fault names, in order (see {@link Faults#ALL})
 * @param simulatorDelay   how long a simulated supplier or carrier takes per step
 * @param sessionTimeout   the services' consumer session timeout: how long a killed instance's
 *                         partitions wait before the group gives them to someone else; null keeps the services' own
 * @param warmUp           steady load before the first fault; null keeps the run's own (8 s short, 15 s otherwise)
 */
record ChaosOptions(Path dataDir, boolean shortRun, double ordersPerSecond, List<String> faults,
                    Duration simulatorDelay, Duration sessionTimeout, Duration warmUp, boolean help) {

    static final String USAGE = """
            Usage: ./dropship chaos [options]

            Starts the broker and the five services as processes on free ports in a fresh data folder,
            drives a steady load of demo orders, injects faults one after another, waits for each to
            heal, then checks every order: 0 lost, 0 duplicate dispatches per (order, supplier),
            0 duplicate commissions, every poison message in its DLQ, the pipeline still moving.
            Prints a table and exits 0 when every invariant holds, 1 otherwise.

            Options:
              --short                  the bounded version (about 3-4 minutes): faults %s
              --data-dir <dir>         a new or empty folder for this run (default ./data/<run id>, e.g. ./data/chaosmwrh3qar)
              --rate <orders/s>        steady load (default 3)
              --faults <a,b,...>       which faults, in order (default all): %s;
                                       rebalance-<service> also for supplier-gateway, commission-service;
                                       with supplier-http, lyon-linen takes its dispatches over HTTP
              --sim-delay-ms <ms>      simulated supplier and carrier step time (default 500)
              --session-timeout-ms <ms> services' consumer session timeout (default: the services' own, 6 s)
              --warm-up <s>            steady load before the first fault (default 15, --short 8): a fault in a
                                       pipeline that has run a while meets warm JVMs, as in production
            """.formatted(String.join(",", Faults.SHORT), String.join(",", Faults.ALL));

    static ChaosOptions parse(List<String> args) {
        Path dataDir = null;
        boolean shortRun = false;
        double rate = 3;
        List<String> faults = null;
        Duration delay = Duration.ofMillis(500);
        Duration session = null;
        Duration warmUp = null;
        boolean help = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--short" -> shortRun = true;
                case "--data-dir" -> dataDir = Path.of(value(args, ++i, arg));
                case "--rate" -> rate = positive(value(args, ++i, arg), arg);
                case "--faults" -> faults = faults(value(args, ++i, arg));
                case "--sim-delay-ms" -> delay = Duration.ofMillis((long) positive(value(args, ++i, arg), arg));
                case "--session-timeout-ms" -> session = Duration.ofMillis((long) positive(value(args, ++i, arg), arg));
                case "--warm-up" -> warmUp = Duration.ofMillis((long) (positive(value(args, ++i, arg), arg) * 1000));
                case "--help", "-h", "help" -> help = true;
                default -> throw new IllegalArgumentException("Unknown option " + arg);
            }
        }
        if (faults == null) {
            faults = shortRun ? Faults.SHORT : Faults.ALL;
        }
        return new ChaosOptions(dataDir, shortRun, rate, faults, delay, session, warmUp, help);
    }

    /**
     * Arguments every service gets for this run. A run with a rebalance fault gives its topics the
     * registry's partition count, as a deployment of several instances has: two instances of a
     * service share its partitions only when there are several (a fresh local stack has one).
     */
    List<String> serviceArgs() {
        List<String> args = new ArrayList<>();
        if (faults.stream().anyMatch(fault -> fault.startsWith("rebalance-"))) {
            args.add("--dropship.topics.partitions=" + Topics.PARTITIONS);
        }
        if (sessionTimeout != null) {
            String prefix = "--spring.cloud.stream.kafka.streams.binder.configuration.";
            args.add(prefix + "session.timeout.ms=" + sessionTimeout.toMillis());
            args.add(prefix + "heartbeat.interval.ms=" + Math.max(500, sessionTimeout.toMillis() / 4));
        }
        return args;
    }

    private static List<String> faults(String list) {
        List<String> names = new ArrayList<>();
        for (String name : list.split(",")) {
            String n = name.strip();
            if (n.equals("all")) {
                names.addAll(Faults.ALL);
            } else if (!n.isEmpty()) {
                if (!Faults.exists(n)) {
                    throw new IllegalArgumentException("Unknown fault " + n + "; known: " + String.join(", ", Faults.ALL));
                }
                names.add(n);
            }
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("--faults needs at least one fault");
        }
        return List.copyOf(names);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    private static double positive(String value, String option) {
        try {
            double n = Double.parseDouble(value);
            if (n > 0 && Double.isFinite(n)) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " takes a positive number, not " + value);
    }
}
