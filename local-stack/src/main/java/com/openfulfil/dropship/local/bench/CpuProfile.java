package com.openfulfil.dropship.local.bench;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Where the CPU goes: a Java Flight Recorder recording of each process (the services, the
 * broker, and the launcher that runs the load, the simulators and the watcher) over one load step,
 * started and stopped with {@code jcmd}, then read back. Java execution samples are counted by the
 * library they run in (the first frame from the top that is not the JDK's own), along with the time
 * spent in garbage collection and in the JIT compiler. Samples cover Java code only: RocksDB's
 * native code, GC and compiler threads show in the per-process CPU seconds, not here.
 *
 * <p>The first recording a JVM starts makes it throw away and recompile its JIT-compiled code,
 * which on a loaded machine stalls it for a minute; so each process starts with an empty
 * recording ({@link #jvmArgs}; the launcher, already running, with {@link #readyThisProcess}), and the
 * one started for the step only switches events on.
 */
final class CpuProfile {
    static final String RECORDING = "dropship-bench";
    private static final String SETTINGS_RESOURCE = "/bench-profile.jfc";
    private static final String IDLE_SETTINGS_RESOURCE = "/bench-profile-idle.jfc";
    private static final long TIMEOUT_SECONDS = 60;
    private static final int HOT_METHODS = 5;

    /** Components in the order they are looked for; the first prefix that matches a frame's class wins. */
    private static final List<Map.Entry<String, String>> COMPONENTS = List.of(
            Map.entry("org.apache.kafka.streams.", "Kafka Streams"),
            Map.entry("org.apache.kafka.clients.", "Kafka clients"),
            Map.entry("org.apache.kafka.common.", "Kafka clients"),
            Map.entry("org.apache.kafka.", "Kafka broker"),
            Map.entry("kafka.", "Kafka broker"),
            Map.entry("org.rocksdb.", "RocksDB (Java side)"),
            Map.entry("tools.jackson.", "JSON (Jackson)"),
            Map.entry("com.fasterxml.jackson.", "JSON (Jackson)"),
            Map.entry("org.springframework.", "Spring"),
            Map.entry("org.apache.catalina.", "Tomcat (HTTP)"),
            Map.entry("org.apache.coyote.", "Tomcat (HTTP)"),
            Map.entry("org.apache.tomcat.", "Tomcat (HTTP)"),
            Map.entry("io.micrometer.", "metrics (Micrometer)"),
            Map.entry("ch.qos.logback.", "logging"),
            Map.entry("org.slf4j.", "logging"),
            // the launcher's parts, so its profile says which of them costs what
            Map.entry("com.openfulfil.dropship.local.sim.", "simulators"),
            Map.entry("com.openfulfil.dropship.channelsim.", "simulators"),
            Map.entry("com.openfulfil.dropship.local.bench.", "load driver and watcher"),
            Map.entry("com.openfulfil.", "dropship code"),
            Map.entry("com.github.luben.zstd.", "compression"),
            Map.entry("org.xerial.snappy.", "compression"),
            Map.entry("net.jpountz.", "compression"));
    private static final List<String> JDK_PACKAGES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");

    /** What one process spent its CPU on. */
    record ProcessProfile(String process, long samples, Map<String, Double> components, List<String> hotMethods,
                          double gcSeconds, double jitSeconds) {
    }

    /** The recordings of one step. */
    record Result(String step, List<ProcessProfile> processes, List<String> problems) {
    }

    /** The launcher's own empty recording, kept for as long as it runs. */
    private static Recording launcherIdle;

    private final Map<String, Long> pids;
    private final Path dir;
    private final Map<String, Long> recording = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    /** @param pids process name to pid, in report order */
    CpuProfile(Map<String, Long> pids, Path dir) {
        this.pids = new LinkedHashMap<>(pids);
        this.dir = dir;
    }

    /**
     * The JVM options that make a process ready to be recorded later without a stall: an empty
     * recording from the start (no events, nothing written).
     */
    static List<String> jvmArgs(Path dir) {
        Path idle = copyResource(IDLE_SETTINGS_RESOURCE, dir);
        return List.of("-XX:StartFlightRecording=name=dropship-idle,settings=" + idle);
    }

    /**
     * Readies this process (the launcher) as {@link #jvmArgs} readies the others: an empty recording from
     * now on, so that recording it later does not make it recompile its code in the middle of the load.
     */
    static void readyThisProcess() {
        synchronized (CpuProfile.class) {
            if (launcherIdle == null) {
                launcherIdle = new Recording();
                launcherIdle.setName("dropship-idle");
                launcherIdle.setToDisk(false);
                launcherIdle.start();
            }
        }
    }

    /** Starts a recording in every process; one that cannot be started is noted and left out. */
    void start() {
        Path settings = copyResource(SETTINGS_RESOURCE, dir);
        pids.forEach((name, pid) -> {
            Optional<String> failure = jcmd(pid, "JFR.start", "name=" + RECORDING, "settings=" + settings);
            if (failure.isEmpty()) {
                recording.put(name, pid);
            } else {
                problems.add(name + ": could not start a recording (" + failure.get() + ")");
            }
        });
    }

    /** Stops every recording, reads it back and sums it up. */
    Result stop(String step) {
        List<ProcessProfile> processes = new ArrayList<>();
        recording.forEach((name, pid) -> {
            Path file = dir.resolve(fileName(name) + ".jfr");
            Optional<String> failure = jcmd(pid, "JFR.stop", "name=" + RECORDING, "filename=" + file);
            if (failure.isPresent()) {
                problems.add(name + ": could not stop the recording (" + failure.get() + ")");
                return;
            }
            try {
                processes.add(summarise(name, RecordingFile.readAllEvents(file)));
            } catch (IOException e) {
                problems.add(name + ": could not read " + file + " (" + e.getMessage() + ")");
            }
        });
        return new Result(step, processes, List.copyOf(problems));
    }

    /** Execution samples by component and hottest methods, GC and JIT time, from one recording's events. */
    static ProcessProfile summarise(String process, List<RecordedEvent> events) {
        Map<String, Long> byComponent = new HashMap<>();
        Map<String, Long> byMethod = new HashMap<>();
        long samples = 0;
        double gc = 0;
        double jit = 0;
        for (RecordedEvent event : events) {
            switch (event.getEventType().getName()) {
                case "jdk.ExecutionSample" -> {
                    RecordedStackTrace stack = event.getStackTrace();
                    if (stack == null || stack.getFrames().isEmpty()) {
                        continue;
                    }
                    samples++;
                    byComponent.merge(component(classNames(stack.getFrames())), 1L, Long::sum);
                    RecordedFrame top = stack.getFrames().get(0);
                    byMethod.merge(top.getMethod().getType().getName() + "." + top.getMethod().getName(), 1L, Long::sum);
                }
                case "jdk.GarbageCollection" -> gc += event.getDuration().toNanos() / 1e9;
                case "jdk.Compilation" -> jit += event.getDuration().toNanos() / 1e9;
                default -> {
                    // not asked for
                }
            }
        }
        return new ProcessProfile(process, samples, shares(byComponent, samples), hottest(byMethod, samples),
                round(gc), round(jit));
    }

    private static List<String> classNames(List<RecordedFrame> frames) {
        return frames.stream().map(f -> f.getMethod().getType().getName()).toList();
    }

    /**
     * The component a sample is charged to: that of the first frame from the top outside the JDK
     * (a HashMap lookup inside Kafka Streams is Kafka Streams' cost), or "JDK" when the whole stack is.
     */
    static String component(List<String> classNamesTopFirst) {
        for (String className : classNamesTopFirst) {
            if (JDK_PACKAGES.stream().anyMatch(className::startsWith)) {
                continue;
            }
            for (Map.Entry<String, String> entry : COMPONENTS) {
                if (className.startsWith(entry.getKey())) {
                    return entry.getValue();
                }
            }
            return "other: " + packageOf(className);
        }
        return "JDK";
    }

    private static String packageOf(String className) {
        String[] parts = className.split("\\.");
        return parts.length <= 2 ? className : parts[0] + "." + parts[1];
    }

    private static Map<String, Double> shares(Map<String, Long> counts, long total) {
        Map<String, Double> shares = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .forEach(e -> shares.put(e.getKey(), round(100.0 * e.getValue() / total)));
        return shares;
    }

    private static List<String> hottest(Map<String, Long> counts, long total) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(HOT_METHODS)
                .map(e -> String.format(Locale.ROOT, "%s %.1f %%", e.getKey(), 100.0 * e.getValue() / total))
                .toList();
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static String fileName(String process) {
        return process.replaceAll("[^A-Za-z0-9-]+", "-");
    }

    private static Path copyResource(String resource, Path dir) {
        try (InputStream in = CpuProfile.class.getResourceAsStream(resource)) {
            Files.createDirectories(dir);
            Path file = dir.resolve(resource.substring(1));
            Files.write(file, in.readAllBytes());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the recording settings to " + dir, e);
        }
    }

    /** Runs {@code jcmd <pid> <command> <args>}; the reason it failed, if it did. */
    private static Optional<String> jcmd(long pid, String... command) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid)));
        cmd.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.of("jcmd did not answer in " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0 || output.contains("Exception") || output.contains("Could not")) {
                return Optional.of(output.isEmpty() ? "jcmd exit code " + process.exitValue() : lastLine(output));
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    private static String lastLine(String text) {
        String[] lines = text.split("\n");
        return lines[lines.length - 1];
    }
}
