package com.openfulfil.dropship.local.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What Linux says about a process: CPU time used ({@code /proc/<pid>/stat}, user + system, in
 * clock ticks) and memory ({@code /proc/<pid>/status}: VmHWM, the peak resident set, and VmRSS).
 */
final class ProcStat {
    private static final int UTIME = 14;
    private static final int STIME = 15;
    private static final long DEFAULT_TICKS = 100;

    private ProcStat() {
    }

    /** One reading of a process. */
    record Sample(long cpuTicks, long peakRssKb, long rssKb) {
    }

    static Optional<Sample> read(long pid) {
        if (pid <= 0) {
            return Optional.empty();
        }
        try {
            Path proc = Path.of("/proc", Long.toString(pid));
            String stat = Files.readString(proc.resolve("stat"));
            String status = Files.readString(proc.resolve("status"));
            return Optional.of(new Sample(cpuTicks(stat), kb(status, "VmHWM"), kb(status, "VmRSS")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // the process is gone, or this is not Linux
        }
    }

    /**
     * utime + stime of a {@code /proc/<pid>/stat} line. The second field (the command name, in
     * parentheses) may itself hold spaces and parentheses, so fields are counted after the last ')'.
     */
    static long cpuTicks(String stat) {
        String afterName = stat.substring(stat.lastIndexOf(')') + 2);
        String[] fields = afterName.trim().split("\\s+");
        // fields[0] is field 3 (state)
        return Long.parseLong(fields[UTIME - 3]) + Long.parseLong(fields[STIME - 3]);
    }

    /**
     * CPU ticks the JIT compiler threads of a JVM ({@code C1 CompilerThread*}, {@code C2 CompilerThread*}) have used,
     * from {@code /proc/<pid>/task/<tid>/stat}; 0 when they cannot be read. A compiler thread the JVM has ended
     * takes its ticks with it, so between two readings this can fall short of what compiling cost.
     */
    static long compilerTicks(long pid) {
        if (pid <= 0) {
            return 0;
        }
        long ticks = 0;
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    if (isCompiler(stat)) {
                        ticks += cpuTicks(stat);
                    }
                } catch (IOException | RuntimeException e) {
                    // the thread ended between the listing and the read
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return ticks;
    }

    /** Whether a thread's {@code stat} line names a JIT compiler thread (the kernel keeps 15 characters of a name). */
    static boolean isCompiler(String stat) {
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        return name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");
    }

    /** A "Name:   1234 kB" line of {@code /proc/<pid>/status}; 0 when absent. */
    static long kb(String status, String name) {
        for (String line : status.split("\n")) {
            if (line.startsWith(name + ":")) {
                String value = line.substring(name.length() + 1).trim();
                int space = value.indexOf(' ');
                return Long.parseLong(space < 0 ? value : value.substring(0, space));
            }
        }
        return 0;
    }

    /**
     * CPU ticks the whole machine has spent busy since boot, every core together: the first line
     * of {@code /proc/stat} (user, nice, system, irq, softirq, steal; idle and iowait left out).
     */
    static Optional<Long> machineBusyTicks() {
        try {
            return Optional.of(busyTicks(Files.readString(Path.of("/proc/stat"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static long busyTicks(String procStat) {
        String first = procStat.substring(0, procStat.indexOf('\n')).trim();
        String[] f = first.split("\\s+");
        if (!f[0].equals("cpu")) {
            throw new IllegalArgumentException("Not the machine's cpu line: " + first);
        }
        // cpu user nice system idle iowait irq softirq steal ...
        return Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                + Long.parseLong(f[7]) + (f.length > 8 ? Long.parseLong(f[8]) : 0);
    }

    /** Clock ticks per second ({@code getconf CLK_TCK}); 100, the Linux default, if it cannot be asked. */
    static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes()).trim();
            if (getconf.waitFor(5, TimeUnit.SECONDS) && getconf.exitValue() == 0) {
                return Long.parseLong(out);
            }
        } catch (IOException | NumberFormatException e) {
            // fall back below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return DEFAULT_TICKS;
    }
}
