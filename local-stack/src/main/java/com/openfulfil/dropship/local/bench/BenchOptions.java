package com.openfulfil.dropship.local.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The command line of {@code ./dropship bench}. By default the services get no tunable at all and
 * run on the settings they ship with (what {@code ./dropship up} runs); a tunable given here is
 * handed to every service as a Spring property, and any other {@code --dropship.*} or
 * {@code --spring.*} argument is passed through as is.
 *
 * @param warmupOpen   orders in the pipeline at once during the (closed-loop) warm-up and the state fill
 * @param startRate    offered orders/s of the first search step
 * @param probes       orders whose event paths are captured for the relays
 * @param stateOrders  orders stored in total before the step that measures cost again as state grows
 * @param profile      whether to record where each process spends its CPU during a step at 75 % of the maximum
 * @param relayThreads consume→produce threads of each relay
 */
record BenchOptions(Path dataDir, Path resultsDir, Duration stepDuration, int warmupOrders, int warmupOpen,
                    double startRate, int maxSearchSteps, int refinements, int probes, int stateOrders, boolean quick,
                    boolean keepData, boolean profile, Tunables tunables, int relayThreads, List<String> passThrough) {

    static final int DEFAULT_RELAY_THREADS = 5;

    static final String USAGE = """
            Usage: ./dropship bench [options]

            Starts the whole stack on free ports in a fresh folder with the settings the services ship
            with (simulators at zero delay, receipt confirmed automatically), loads a catalog of 10,000
            products from 24 suppliers with Zipf popularity, warms up, finds the maximum sustained
            completed orders/s, measures latency at 25/50/75 % of it, records where each process spends
            its CPU (Java Flight Recorder) at 75 %, keeps ordering until --state-orders are stored and
            measures the 50 % step again, runs three kafka-clients relays as the physical limit ((a) bytes,
            (b) the pipeline's codec, (c) transactional), counts the records written per order on every
            topic, checks that every order was completed exactly once, and writes <time>.json, .md and
            .svg into target/bench-results. Exits 1 when an order was lost or doubled.

            Options:
              --quick                   a short run (a few minutes): small warm-up, 5 s steps, 3 search steps
              --duration-s <s>          length of each load step (default 30; quick 5)
              --warmup-orders <n>       orders placed before measuring (default 5000; quick 300)
              --warmup-open <n>         orders in the pipeline at once during the warm-up and the state fill
                                        (default 200; quick 50)
              --start-rate <n>          orders/s of the first search step (default 50)
              --max-steps <n>           search steps at most (default 10; quick 3)
              --state-orders <n>        orders stored in total before cost is measured again (default 100000;
                                        quick 3000; 0 skips it)
              --probes <n>              orders whose event paths the relays replay (default 6; quick 2)
              --relay-threads <n>       consume→produce threads of each relay (default 5, one per service)
              --data-dir <dir>          where runs keep their data (default data/bench; each run a fresh sub-folder)
              --results-dir <dir>       where results go (default target/bench-results in the repository)
              --keep-data               keep the run's data folder (logs, broker data, recordings) afterwards
              --no-profile              skip the Java Flight Recorder step
            Tunables: none is passed unless given, so the services run on the settings they ship with
            (service-support's dropship-defaults.properties; the report's Settings table names each value
            and where it comes from). A run that gives any is reported as departing from them; the relays
            use the same values:
              --partitions <n>          partitions of every pipeline topic
              --stream-threads <n>      Kafka Streams threads per service
              --commit-interval-ms <n>  Kafka Streams commit interval (also the transactional relay's)
              --linger-ms <n>           producer linger (also the relays')
              --batch-size <bytes>      producer batch size (also the relays')
              --max-poll-records <n>    consumer max.poll.records (also the relays')
              --dropship.*=v, --spring.*=v   any other service property, passed through
            """;

    private static final String STREAMS = "spring.cloud.stream.kafka.streams.binder.configuration.";

    /**
     * The settings that shape throughput and latency, each null unless given on the command line
     * (the services then use their own).
     */
    record Tunables(Integer partitions, Integer streamThreads, Integer commitIntervalMs, Integer lingerMs,
                    Integer batchSize, Integer maxPollRecords) {
        static Tunables none() {
            return new Tunables(null, null, null, null, null, null);
        }

        /** Only the tunables given, as the services' command-line properties. */
        List<String> serviceArgs() {
            List<String> args = new ArrayList<>();
            add(args, "dropship.topics.partitions", partitions);
            add(args, "dropship.streams.commit-interval-ms", commitIntervalMs);
            add(args, "dropship.streams.linger-ms", lingerMs);
            add(args, STREAMS + "num.stream.threads", streamThreads);
            add(args, STREAMS + "producer.batch.size", batchSize);
            add(args, STREAMS + "consumer.max.poll.records", maxPollRecords);
            return args;
        }

        boolean anyGiven() {
            return !serviceArgs().isEmpty();
        }

        private static void add(List<String> args, String property, Integer value) {
            if (value != null) {
                args.add("--" + property + "=" + value);
            }
        }
    }

    static BenchOptions parse(List<String> args) {
        boolean quick = args.contains("--quick");
        Path dataDir = Path.of("data", "bench");
        Path resultsDir = null;
        Duration step = Duration.ofSeconds(quick ? 5 : 30);
        int warmupOrders = quick ? 300 : 5000;
        int warmupOpen = quick ? 50 : 200;
        double startRate = 50;
        int maxSteps = quick ? 3 : 10;
        int refinements = quick ? 0 : 2;
        int probes = quick ? 2 : 6;
        int stateOrders = quick ? 3000 : 100_000;
        boolean keepData = false;
        boolean profile = true;
        Integer partitions = null;
        Integer threads = null;
        Integer commit = null;
        Integer linger = null;
        Integer batch = null;
        Integer maxPoll = null;
        int relayThreads = DEFAULT_RELAY_THREADS;
        List<String> passThrough = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--quick" -> {
                    // read above: it changes the defaults the other options override
                }
                case "--keep-data" -> keepData = true;
                case "--no-profile" -> profile = false;
                case "--data-dir" -> dataDir = Path.of(value(args, ++i, arg));
                case "--results-dir" -> resultsDir = Path.of(value(args, ++i, arg));
                case "--duration-s" -> step = Duration.ofSeconds(positive(value(args, ++i, arg), arg));
                case "--warmup-orders" -> warmupOrders = atLeastZero(value(args, ++i, arg), arg);
                case "--warmup-open" -> warmupOpen = positive(value(args, ++i, arg), arg);
                case "--start-rate" -> startRate = positive(value(args, ++i, arg), arg);
                case "--max-steps" -> maxSteps = positive(value(args, ++i, arg), arg);
                case "--state-orders" -> stateOrders = atLeastZero(value(args, ++i, arg), arg);
                case "--probes" -> probes = positive(value(args, ++i, arg), arg);
                case "--partitions" -> partitions = positive(value(args, ++i, arg), arg);
                case "--stream-threads" -> threads = positive(value(args, ++i, arg), arg);
                case "--commit-interval-ms" -> commit = positive(value(args, ++i, arg), arg);
                case "--linger-ms" -> linger = atLeastZero(value(args, ++i, arg), arg);
                case "--batch-size" -> batch = positive(value(args, ++i, arg), arg);
                case "--max-poll-records" -> maxPoll = positive(value(args, ++i, arg), arg);
                case "--relay-threads" -> relayThreads = positive(value(args, ++i, arg), arg);
                default -> {
                    if (!(arg.startsWith("--dropship.") || arg.startsWith("--spring.")) || !arg.contains("=")) {
                        throw new IllegalArgumentException("Unknown option " + arg + " (see ./dropship bench --help)");
                    }
                    passThrough.add(arg);
                }
            }
        }
        Tunables tunables = new Tunables(partitions, threads, commit, linger, batch, maxPoll);
        // the tunables' own property names may be given directly too; they then win, and are recorded
        tunables = overridden(tunables, passThrough);
        return new BenchOptions(dataDir, resultsDir, step, warmupOrders, warmupOpen, startRate, maxSteps, refinements,
                probes, stateOrders, quick, keepData, profile, tunables, relayThreads, List.copyOf(passThrough));
    }

    private static Tunables overridden(Tunables t, List<String> passThrough) {
        Map<String, Integer> given = new LinkedHashMap<>();
        List<String> others = new ArrayList<>();
        for (String arg : passThrough) {
            String name = arg.substring(2, arg.indexOf('='));
            String value = arg.substring(arg.indexOf('=') + 1);
            String known = switch (name) {
                case "dropship.topics.partitions", "dropship.streams.commit-interval-ms", "dropship.streams.linger-ms",
                        STREAMS + "num.stream.threads", STREAMS + "producer.batch.size",
                        STREAMS + "consumer.max.poll.records" -> name;
                default -> null;
            };
            if (known == null) {
                others.add(arg);
            } else {
                given.put(known, atLeastZero(value, "--" + name));
            }
        }
        passThrough.retainAll(others);
        return new Tunables(given.getOrDefault("dropship.topics.partitions", t.partitions()),
                given.getOrDefault(STREAMS + "num.stream.threads", t.streamThreads()),
                given.getOrDefault("dropship.streams.commit-interval-ms", t.commitIntervalMs()),
                given.getOrDefault("dropship.streams.linger-ms", t.lingerMs()),
                given.getOrDefault(STREAMS + "producer.batch.size", t.batchSize()),
                given.getOrDefault(STREAMS + "consumer.max.poll.records", t.maxPollRecords()));
    }

    /** Every argument the services get for their settings: the tunables given, then what was passed through. */
    List<String> serviceArgs() {
        List<String> all = new ArrayList<>(tunables.serviceArgs());
        all.addAll(passThrough);
        return all;
    }

    /** Whether the services run on anything but their shipped settings. */
    boolean departsFromShippedSettings() {
        return !serviceArgs().isEmpty();
    }

    /** The settings the pipeline (and so the relays) actually ran with: what was given, else what the services ship. */
    record Effective(int partitions, int commitIntervalMs, int lingerMs, int batchSize, int maxPollRecords) {
    }

    /** @param partitions the pipeline topics' partition count, as the broker reports it */
    Effective effective(ShippedDefaults shipped, int partitions) {
        return new Effective(partitions, or(tunables.commitIntervalMs(), shipped.commitIntervalMs()),
                or(tunables.lingerMs(), shipped.lingerMs()), or(tunables.batchSize(), ShippedDefaults.BATCH_SIZE),
                or(tunables.maxPollRecords(), ShippedDefaults.STREAMS_MAX_POLL_RECORDS));
    }

    private static int or(Integer given, int otherwise) {
        return given != null ? given : otherwise;
    }

    /**
     * The settings a result is published with: for each tunable, the value passed, or the service
     * default and where it comes from.
     *
     * @param partitions the pipeline topics' partition count, as the broker reports it
     */
    Map<String, Object> recorded(ShippedDefaults shipped, int partitions) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("services' settings", departsFromShippedSettings()
                ? "departs from the shipped defaults (see below): compare with a run of ./dropship bench without tunables"
                : "the services' shipped defaults (no tunable passed)");
        Function<String, String> fromFile = value -> shipped.known()
                ? "service default: " + value + " (" + shipped.source() + ")"
                : "the services' shipped defaults (" + shipped.source() + ")";
        settings.put("partitions", tunables.partitions() != null ? passed(tunables.partitions())
                : "service default: " + partitions + " (the broker's topic metadata)");
        settings.put("stream threads per service", tunables.streamThreads() != null ? passed(tunables.streamThreads())
                : "service default: " + ShippedDefaults.STREAM_THREADS + " (Kafka Streams' default)");
        settings.put("commit interval ms", tunables.commitIntervalMs() != null ? passed(tunables.commitIntervalMs())
                : fromFile.apply(Integer.toString(shipped.commitIntervalMs())));
        settings.put("producer linger ms", tunables.lingerMs() != null ? passed(tunables.lingerMs())
                : fromFile.apply(Integer.toString(shipped.lingerMs())));
        settings.put("producer batch size", tunables.batchSize() != null ? passed(tunables.batchSize())
                : "service default: " + ShippedDefaults.BATCH_SIZE + " (the Kafka producer's default)");
        settings.put("consumer max.poll.records", tunables.maxPollRecords() != null ? passed(tunables.maxPollRecords())
                : "service default: " + ShippedDefaults.STREAMS_MAX_POLL_RECORDS + " (Kafka Streams' default)");
        settings.put("processing guarantee", passThroughValue(ShippedDefaults.GUARANTEE)
                .map(BenchOptions::passed)
                .orElseGet(() -> shipped.processingGuarantee().map(fromFile).orElse(fromFile.apply("?"))));
        settings.put("other service arguments passed", passThrough.isEmpty() ? "none" : String.join(" ", passThrough));
        settings.put("relay threads", relayThreads);
        settings.put("step duration s", stepDuration.toSeconds());
        settings.put("warm-up orders", warmupOrders);
        settings.put("orders in the pipeline at once (warm-up, state fill)", warmupOpen);
        settings.put("search start rate /s", startRate);
        settings.put("orders stored before the growth step", stateOrders);
        settings.put("simulator delay", "0 (carriers batch the parcels of a few ms into one webhook call)");
        settings.put("order mix", "1-3 lines (40/35/25 %), 2 suppliers for 40 % of multi-line orders, 30 % partner, "
                + "products drawn by Zipf popularity");
        settings.put("launcher max heap MiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        settings.put("launcher common pool threads (HTTP answers)", java.util.concurrent.ForkJoinPool.getCommonPoolParallelism());
        return settings;
    }

    private java.util.Optional<String> passThroughValue(String property) {
        return passThrough.stream().filter(a -> a.startsWith("--" + property + "="))
                .map(a -> a.substring(a.indexOf('=') + 1)).reduce((a, b) -> b);
    }

    private static String passed(Object value) {
        return String.format(Locale.ROOT, "%s (passed)", value);
    }

    /** The command that repeats this run: every option that differs from its mode's default (folders left out). */
    String reproduce() {
        BenchOptions d = parse(quick ? List.of("--quick") : List.of());
        List<String> parts = new ArrayList<>(List.of("./dropship bench"));
        if (quick) {
            parts.add("--quick");
        }
        option(parts, "--duration-s", stepDuration.toSeconds(), d.stepDuration.toSeconds());
        option(parts, "--warmup-orders", warmupOrders, d.warmupOrders);
        option(parts, "--warmup-open", warmupOpen, d.warmupOpen);
        option(parts, "--start-rate", Math.round(startRate), Math.round(d.startRate));
        option(parts, "--max-steps", maxSearchSteps, d.maxSearchSteps);
        option(parts, "--state-orders", stateOrders, d.stateOrders);
        option(parts, "--probes", probes, d.probes);
        if (!profile) {
            parts.add("--no-profile");
        }
        Tunables t = tunables;
        given(parts, "--partitions", t.partitions());
        given(parts, "--stream-threads", t.streamThreads());
        given(parts, "--commit-interval-ms", t.commitIntervalMs());
        given(parts, "--linger-ms", t.lingerMs());
        given(parts, "--batch-size", t.batchSize());
        given(parts, "--max-poll-records", t.maxPollRecords());
        option(parts, "--relay-threads", relayThreads, d.relayThreads);
        parts.addAll(passThrough);
        return String.join(" ", parts);
    }

    private static void option(List<String> parts, String name, long value, long byDefault) {
        if (value != byDefault) {
            parts.add(name + " " + value);
        }
    }

    private static void given(List<String> parts, String name, Integer value) {
        if (value != null) {
            parts.add(name + " " + value);
        }
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    private static int positive(String value, String option) {
        int n = atLeastZero(value, option);
        if (n == 0) {
            throw new IllegalArgumentException(option + " takes a positive whole number, not " + value);
        }
        return n;
    }

    private static int atLeastZero(String value, String option) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " takes a whole number >= 0, not " + value);
    }
}
