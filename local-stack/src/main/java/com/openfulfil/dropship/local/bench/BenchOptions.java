package com.openfulfil.dropship.local.bench;

import com.openfulfil.dropship.events.topics.Topics;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of {@code ./dropship bench}. Tunables are handed to every service as Spring
 * properties; any other {@code --dropship.*} or {@code --spring.*} argument is passed through as is.
 *
 * @param warmupOpen  orders in the pipeline at once during the (closed-loop) warm-up
 * @param startRate   offered orders/s of the first search step
 * @param probes      orders whose event paths are captured for the raw relay
 * @param profile     whether to record where each process spends its CPU during a step at 75 % of the maximum
 */
record BenchOptions(Path dataDir, Path resultsDir, Duration stepDuration, int warmupOrders, int warmupOpen,
                    double startRate, int maxSearchSteps, int refinements, int probes, boolean quick, boolean keepData,
                    boolean profile, Tunables tunables, List<String> passThrough) {

    static final String USAGE = """
            Usage: ./dropship bench [options]

            Starts the whole stack on free ports in a fresh folder (simulators at zero delay, receipt
            confirmed automatically), warms up, finds the maximum sustained completed orders/s, measures
            latency at 25/50/75 %% of it, records where each process spends its CPU (Java Flight Recorder) at
            75 %%, runs the raw kafka-clients relay for comparison, checks that every order was completed
            exactly once, and writes <time>.json, .md and .svg into target/bench-results. Exits 1 when
            an order was lost or doubled.

            Options:
              --quick                   a short run (a few minutes): small warm-up, 5 s steps, 3 search steps
              --duration-s <s>          length of each load step (default 30; quick 5)
              --warmup-orders <n>       orders placed before measuring (default 5000; quick 300)
              --warmup-open <n>         orders in the pipeline at once during the warm-up (default 200; quick 50)
              --start-rate <n>          orders/s of the first search step (default 50)
              --max-steps <n>           search steps at most (default 10; quick 3)
              --probes <n>              orders whose event paths the raw relay replays (default 6; quick 2)
              --data-dir <dir>          where runs keep their data (default data/bench; each run a fresh sub-folder)
              --results-dir <dir>       where results go (default target/bench-results in the repository)
              --keep-data               keep the run's data folder (logs, broker data, recordings) afterwards
              --no-profile              skip the Java Flight Recorder step
            Tunables (given to every service, and to the relay where they apply):
              --partitions <n>          partitions of every pipeline topic (default %d)
              --stream-threads <n>      Kafka Streams threads per service (default 1)
              --commit-interval-ms <n>  Kafka Streams commit interval (default 100)
              --linger-ms <n>           producer linger (default 5)
              --batch-size <bytes>      producer batch size (default 16384)
              --max-poll-records <n>    consumer max.poll.records (default 1000)
              --relay-threads <n>       consume→produce threads of the raw relay (default 5, one per service)
              --dropship.*=v, --spring.*=v   any other service property, passed through
            """.formatted(Topics.PARTITIONS);

    /** The settings that shape throughput and latency, recorded with every result. */
    record Tunables(int partitions, int streamThreads, int commitIntervalMs, int lingerMs, int batchSize,
                    int maxPollRecords, int relayThreads) {
        static Tunables defaults() {
            return new Tunables(Topics.PARTITIONS, 1, 100, 5, 16384, 1000, 5);
        }

        /** The same settings as the services' command-line properties. */
        List<String> serviceArgs() {
            String streams = "--spring.cloud.stream.kafka.streams.binder.configuration.";
            return List.of("--dropship.topics.partitions=" + partitions,
                    "--dropship.streams.commit-interval-ms=" + commitIntervalMs,
                    "--dropship.streams.linger-ms=" + lingerMs,
                    streams + "num.stream.threads=" + streamThreads,
                    streams + "producer.batch.size=" + batchSize,
                    streams + "consumer.max.poll.records=" + maxPollRecords);
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
        boolean keepData = false;
        boolean profile = true;
        Tunables defaults = Tunables.defaults();
        int partitions = defaults.partitions();
        int threads = defaults.streamThreads();
        int commit = defaults.commitIntervalMs();
        int linger = defaults.lingerMs();
        int batch = defaults.batchSize();
        int maxPoll = defaults.maxPollRecords();
        int relayThreads = defaults.relayThreads();
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
        Tunables tunables = new Tunables(partitions, threads, commit, linger, batch, maxPoll, relayThreads);
        // the tunables' own property names may be given directly too; they then win, and are recorded
        tunables = overridden(tunables, passThrough);
        return new BenchOptions(dataDir, resultsDir, step, warmupOrders, warmupOpen, startRate, maxSteps, refinements,
                probes, quick, keepData, profile, tunables, List.copyOf(passThrough));
    }

    private static Tunables overridden(Tunables t, List<String> passThrough) {
        Map<String, Integer> given = new LinkedHashMap<>();
        List<String> others = new ArrayList<>();
        for (String arg : passThrough) {
            String name = arg.substring(2, arg.indexOf('='));
            String value = arg.substring(arg.indexOf('=') + 1);
            String known = switch (name) {
                case "dropship.topics.partitions", "dropship.streams.commit-interval-ms", "dropship.streams.linger-ms",
                        "spring.cloud.stream.kafka.streams.binder.configuration.num.stream.threads",
                        "spring.cloud.stream.kafka.streams.binder.configuration.producer.batch.size",
                        "spring.cloud.stream.kafka.streams.binder.configuration.consumer.max.poll.records" -> name;
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
                given.getOrDefault("spring.cloud.stream.kafka.streams.binder.configuration.num.stream.threads", t.streamThreads()),
                given.getOrDefault("dropship.streams.commit-interval-ms", t.commitIntervalMs()),
                given.getOrDefault("dropship.streams.linger-ms", t.lingerMs()),
                given.getOrDefault("spring.cloud.stream.kafka.streams.binder.configuration.producer.batch.size", t.batchSize()),
                given.getOrDefault("spring.cloud.stream.kafka.streams.binder.configuration.consumer.max.poll.records",
                        t.maxPollRecords()),
                t.relayThreads());
    }

    /** Every argument the services get: the tunables, then what was passed through. */
    List<String> serviceArgs() {
        List<String> all = new ArrayList<>(tunables.serviceArgs());
        all.addAll(passThrough);
        return all;
    }

    /** The settings a result is published with. */
    Map<String, Object> recorded() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("partitions", tunables.partitions());
        settings.put("stream threads per service", tunables.streamThreads());
        settings.put("commit interval ms", tunables.commitIntervalMs());
        settings.put("producer linger ms", tunables.lingerMs());
        settings.put("producer batch size", tunables.batchSize());
        settings.put("consumer max.poll.records", tunables.maxPollRecords());
        settings.put("processing guarantee", "exactly_once_v2 (the services' default)");
        settings.put("raw relay threads", tunables.relayThreads());
        settings.put("step duration s", stepDuration.toSeconds());
        settings.put("warm-up orders", warmupOrders);
        settings.put("warm-up orders in the pipeline at once", warmupOpen);
        settings.put("search start rate /s", startRate);
        settings.put("simulator delay", "0 (a carrier posts a parcel's whole journey in one call)");
        settings.put("order mix", "1-3 lines (40/35/25 %), 2 suppliers for 40 % of multi-line orders, 30 % partner");
        settings.put("service arguments", String.join(" ", serviceArgs()));
        settings.put("launcher max heap MiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        return settings;
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
        option(parts, "--probes", probes, d.probes);
        if (!profile) {
            parts.add("--no-profile");
        }
        Tunables t = tunables;
        Tunables dt = d.tunables;
        option(parts, "--partitions", t.partitions(), dt.partitions());
        option(parts, "--stream-threads", t.streamThreads(), dt.streamThreads());
        option(parts, "--commit-interval-ms", t.commitIntervalMs(), dt.commitIntervalMs());
        option(parts, "--linger-ms", t.lingerMs(), dt.lingerMs());
        option(parts, "--batch-size", t.batchSize(), dt.batchSize());
        option(parts, "--max-poll-records", t.maxPollRecords(), dt.maxPollRecords());
        option(parts, "--relay-threads", t.relayThreads(), dt.relayThreads());
        parts.addAll(passThrough);
        return String.join(" ", parts);
    }

    private static void option(List<String> parts, String name, long value, long byDefault) {
        if (value != byDefault) {
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
