package com.openfulfil.dropship.local.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time of named processes between two moments, and their peak memory; the CPU the rest
 * of the machine used meanwhile ({@link #OTHERS}), which the bench does not control: a build or a
 * browser on the same cores lowers every figure, and the report says by how much it was there; and how
 * much of the named processes' time their JIT compilers took ({@link #COMPILING}), which a pipeline that
 * has run long enough no longer pays.
 */
final class ResourceMeter {
    /** The busy time of the whole machine minus that of the named processes. */
    static final String OTHERS = "other processes on the machine";
    /** Part of the named processes' time: their JIT compiler threads, together. */
    static final String COMPILING = "of the total: JIT compiler threads";

    private final Map<String, Long> pids;
    private final long ticksPerSecond;

    /** @param pids process name (e.g. "order-service", "kafka", "launcher") to pid, in report order */
    ResourceMeter(Map<String, Long> pids, long ticksPerSecond) {
        this.pids = new LinkedHashMap<>(pids);
        this.ticksPerSecond = ticksPerSecond;
    }

    /** CPU ticks used so far, per process (absent when a process cannot be read), and by all the others. */
    Map<String, Long> snapshot() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        pids.forEach((name, pid) -> ProcStat.read(pid).ifPresent(s -> ticks.put(name, s.cpuTicks())));
        long ours = ticks.values().stream().mapToLong(Long::longValue).sum();
        ProcStat.machineBusyTicks().ifPresent(busy -> ticks.put(OTHERS, busy - ours));
        ticks.put(COMPILING, pids.values().stream().mapToLong(ProcStat::compilerTicks).sum());
        return ticks;
    }

    /** CPU seconds per process between two snapshots. */
    Map<String, Double> cpuSeconds(Map<String, Long> from, Map<String, Long> to) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        to.forEach((name, ticks) -> {
            Long before = from.get(name);
            if (before != null) {
                seconds.put(name, (ticks - before) / (double) ticksPerSecond);
            }
        });
        return seconds;
    }

    /** Peak resident memory (VmHWM) per process, in MiB. */
    Map<String, Double> peakRssMib() {
        Map<String, Double> peaks = new LinkedHashMap<>();
        pids.forEach((name, pid) -> ProcStat.read(pid).ifPresent(s -> peaks.put(name, s.peakRssKb() / 1024.0)));
        return peaks;
    }

    /** CPU seconds per 1,000 orders, per process and in total (the total is the bench's own processes only). */
    static Map<String, Double> perThousand(Map<String, Double> cpuSeconds, long orders) {
        Map<String, Double> per = new LinkedHashMap<>();
        if (orders <= 0) {
            return per;
        }
        cpuSeconds.forEach((name, s) -> {
            if (!name.equals(COMPILING)) {
                per.put(name, s * 1000 / orders);
            }
        });
        per.put("total", cpuSeconds.entrySet().stream()
                .filter(e -> !e.getKey().equals(OTHERS) && !e.getKey().equals(COMPILING))
                .mapToDouble(Map.Entry::getValue).sum() * 1000 / orders);
        // a part of the total, after it: how much of it was the JVMs compiling rather than running the pipeline
        if (cpuSeconds.containsKey(COMPILING)) {
            per.put(COMPILING, Math.max(0, cpuSeconds.get(COMPILING)) * 1000 / orders);
        }
        return per;
    }
}
