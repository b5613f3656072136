package com.openfulfil.dropship.local.bench;

import com.openfulfil.dropship.local.process.Repository;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code ./dropship bench}: runs the benchmark on a fresh stack and writes
 * {@code target/bench-results/<yyyyMMdd-HHmmss>.json}, {@code .md} and {@code .svg} (or into
 * {@code --results-dir}).
 */
public final class BenchCommand {
    static final int PASSED = 0;
    static final int CHECK_FAILED = 1;
    static final int BAD_OPTIONS = 2;
    static final int COULD_NOT_RUN = 3;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    static final String COMMON_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    private BenchCommand() {
    }

    /**
     * Runs the benchmark with the options after {@code bench} and prints its progress and summary.
     *
     * @return 0 when every order went through exactly once, 1 when the check found anything lost or
     *         doubled, 2 for bad options, 3 when the bench could not run
     */
    public static int run(List<String> args, PrintStream out) {
        asyncPoolOfAtLeastTwoThreads();
        if (args.contains("--help") || args.contains("-h")) {
            out.print(BenchOptions.USAGE);
            return PASSED;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.print(BenchOptions.USAGE);
            return BAD_OPTIONS;
        }
        String stamp = LocalDateTime.now().format(STAMP);
        Path runDir = options.dataDir().toAbsolutePath().normalize().resolve(stamp);
        if (System.getProperty("dropship.log-dir") == null) {
            // before any logger exists: the launcher's log goes next to the services' logs
            System.setProperty("dropship.log-dir", runDir.resolve("logs").toString());
        }
        try {
            Path resultsDir = options.resultsDir() != null ? options.resultsDir()
                    : Repository.locate().root().resolve("target").resolve("bench-results");
            out.println("Benchmark " + stamp + ": data in " + runDir + ", results in " + resultsDir);
            BenchResults results = new BenchRun(options, Long.toString(System.currentTimeMillis(), 36),
                    line -> out.println(line)).run(runDir);
            Path summary = ResultsWriter.write(resultsDir, stamp, results);
            out.println();
            out.print(MarkdownReport.render(results, null));
            out.println("Results: " + summary + " (and .json, .svg)");
            if (!results.passed()) {
                out.println("Logs and data kept for a look: " + runDir);
                return CHECK_FAILED;
            }
            if (!options.keepData()) {
                delete(runDir);
            }
            return PASSED;
        } catch (RuntimeException e) {
            out.println("The benchmark could not run: " + e.getMessage());
            e.printStackTrace(out);
            out.println("Logs and data kept for a look: " + runDir);
            return COULD_NOT_RUN;
        }
    }

    /**
     * The JDK's HTTP client hands every answer of {@code sendAsync} to CompletableFuture's default
     * pool, which on a machine of two cores or fewer is no pool at all but a new thread per task:
     * a thread started and torn down for every order placed, every receipt confirmed and every
     * carrier call. A common pool of two threads (set before anything uses it) takes them instead.
     */
    static void asyncPoolOfAtLeastTwoThreads() {
        if (System.getProperty(COMMON_PARALLELISM) == null && Runtime.getRuntime().availableProcessors() <= 2) {
            System.setProperty(COMMON_PARALLELISM, "2");
        }
    }

    /** Removes the run's own folder (it was created fresh for this run, so nothing else is in it). */
    private static void delete(Path runDir) {
        if (!Files.exists(runDir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(runDir)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // a leftover folder under data/bench is harmless; say nothing more
        }
    }
}
