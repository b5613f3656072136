package com.openfulfil.dropship.local.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One child JVM with its output appended to a log file. It can be stopped (SIGTERM, then SIGKILL
 * after a grace period), killed outright (SIGKILL, as a crash would) and started again.
 */
public final class ManagedProcess {
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final int TAIL_LINES = 60;
    /** The line each start writes to the log before the process's own output. */
    private static final String START_MARK = "==== ";

    private final String name;
    private final Supplier<List<String>> command;
    private final Path logFile;
    private volatile Process process;

    /** {@code command} is asked again at each start, so a restart picks up fresh settings. */
    public ManagedProcess(String name, Supplier<List<String>> command, Path logFile) {
        this.name = name;
        this.command = command;
        this.logFile = logFile;
    }

    public synchronized void start() {
        if (isAlive()) {
            throw new IllegalStateException(name + " is already running (pid " + process.pid() + ")");
        }
        process = spawn(command.get(), logFile);
    }

    /** Runs a one-off command (e.g. a storage format) with output to the same log, and waits for it. */
    public void runToCompletion(List<String> oneOff, Duration timeout) {
        Process p = spawn(oneOff, logFile);
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(name + ": " + oneOff.get(oneOff.size() - 1) + " did not finish in "
                        + timeout + "\n" + logTail());
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(name + ": command failed with exit code " + p.exitValue() + "\n" + logTail());
        }
    }

    /**
     * SIGTERM, wait up to {@code grace} for a clean shutdown, then SIGKILL.
     *
     * @return true when it shut down by itself within the grace period (or was not running)
     */
    public boolean stop(Duration grace) {
        Process p = process;
        if (p == null || !p.isAlive()) {
            return true;
        }
        p.destroy();
        try {
            if (p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** SIGKILL: the process gets no chance to clean up, as in a crash. */
    public void kill() {
        Process p = process;
        if (p == null) {
            return;
        }
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isAlive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /**
     * Waits up to {@code pause} and says whether the process has died meanwhile; readiness loops
     * use it as their pause, so a crashed child is noticed at once instead of at the deadline.
     */
    public boolean diedWithin(Duration pause) {
        Process p = process;
        if (p == null) {
            return true;
        }
        try {
            return p.waitFor(pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + name, e);
        }
    }

    /** Completes when the current run of the process ends (at once if it is not running). */
    public CompletableFuture<Void> onExit() {
        Process p = process;
        return p == null ? CompletableFuture.completedFuture(null) : p.onExit().thenApply(x -> null);
    }

    public long pid() {
        Process p = process;
        return p == null ? -1 : p.pid();
    }

    public String name() {
        return name;
    }

    public Path logFile() {
        return logFile;
    }

    /** The last lines of the log, for error messages. */
    public String logTail() {
        return "---- last lines of " + logFile + " ----\n" + String.join("\n", tail(logFile, TAIL_LINES));
    }

    /**
     * Whether the output of the latest start says one of {@code ports} was already in use: Spring Boot's
     * "Port 8081 was already in use", the broker's "failed to bind to 127.0.0.1:9092: Address already in use".
     */
    public boolean saidPortTaken(List<Integer> ports) {
        return saysPortTaken(latestRun(logFile), ports);
    }

    static boolean saysPortTaken(List<String> lines, List<Integer> ports) {
        return lines.stream().filter(line -> line.contains("already in use")).anyMatch(line -> ports.stream()
                .anyMatch(port -> line.matches(".*(?<!\\d)" + port + "(?!\\d).*already in use.*")));
    }

    /** The log's lines since the latest start. */
    static List<String> latestRun(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            int from = all.size();
            while (from > 0 && !all.get(from - 1).startsWith(START_MARK)) {
                from--;
            }
            return new ArrayList<>(all.subList(from, all.size()));
        } catch (IOException e) {
            return List.of();
        }
    }

    static List<String> tail(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return List.of("(no log yet)");
        }
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return new ArrayList<>(all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return List.of("(cannot read the log: " + e.getMessage() + ")");
        }
    }

    private Process spawn(List<String> cmd, Path log) {
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, START_MARK + Instant.now() + " " + name + ": " + summary(cmd) + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(detached(cmd))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    /**
     * In its own session the child does not get the terminal's Ctrl-C, so the launcher can stop
     * services before the broker instead of everything dying at once. setsid execs in place, so
     * the pid we hold is the JVM's own.
     */
    private static List<String> detached(List<String> cmd) {
        if (!Files.isExecutable(SETSID)) {
            return cmd;
        }
        List<String> wrapped = new ArrayList<>(cmd.size() + 1);
        wrapped.add(SETSID.toString());
        wrapped.addAll(cmd);
        return wrapped;
    }

    private static String summary(List<String> cmd) {
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < cmd.size(); i++) {
            boolean classpath = i > 0 && cmd.get(i - 1).equals("-cp");
            shown.add(classpath ? "<classpath>" : cmd.get(i));
        }
        return String.join(" ", shown);
    }
}
