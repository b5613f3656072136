package com.openfulfil.dropship.local.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The run's summary as Markdown tables: what the terminal shows and what the README links to. */
final class MarkdownReport {
    private MarkdownReport() {
    }

    static String render(BenchResults r, String chartFile) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark ").append(r.startedAt()).append("\n\n");
        md.append("Reproduce: `").append(r.reproduce()).append("`\n\n");
        md.append(String.format(Locale.ROOT, "Machine: %d cores, %d MiB, %s, Java %s. Broker, five services and the "
                + "launcher (load, simulators, watcher, relay) all on it.%n%n", r.machine().cores(), r.machine().memoryMib(),
                r.machine().os(), r.machine().java()));
        headline(md, r);
        if (chartFile != null) {
            md.append("![latency vs load](").append(chartFile).append(")\n\n");
        }
        search(md, r);
        latency(md, r);
        stages(md, r);
        relay(md, r);
        cpu(md, r);
        profile(md, r);
        memory(md, r);
        exactlyOnce(md, r);
        settings(md, r);
        if (!r.notes().isEmpty()) {
            md.append("## Notes\n\n");
            r.notes().forEach(n -> md.append("- ").append(n).append('\n'));
            md.append('\n');
        }
        return md.toString();
    }

    private static void headline(StringBuilder md, BenchResults r) {
        BenchResults.Targets t = r.targets();
        md.append("## Result\n\n");
        table(md, List.of("", "measured", "target", "met"), List.of(
                row("completed orders/s, sustained", f0(r.maxCompletedPerSecond()), "≥ " + f0(t.minCompletedPerSecond()),
                        yes(t.throughputMet())),
                row("raw relay, orders-equivalent/s", r.relay() == null ? "-" : f0(r.relay().chainsPerSecond()), "", ""),
                row("pipeline / raw relay", f2(r.relayRatio()), "≥ " + f2(t.minRelayRatio()), yes(t.relayRatioMet())),
                row("p99 placed → dispatched at 50 % of max", f1(t.p99DispatchedMsAtHalf()) + " ms",
                        "≤ " + f0(t.maxP99DispatchedMsAtHalf()) + " ms", yes(t.latencyMet())),
                row("exactly once (every order completed once, one dispatch per supplier, one commission per partner order)",
                        r.exactlyOnce().passed() ? "passed" : "FAILED", "passed", yes(r.exactlyOnce().passed())),
                row("cores kept busy by other processes on the machine (average while measuring)",
                        f2(r.otherProcessesCores()), "0 (idle machine)", "")));
    }

    private static void search(StringBuilder md, BenchResults r) {
        md.append("## Maximum throughput search\n\n");
        md.append("Open-loop constant-rate steps; a step is sustained when its orders complete as fast as they are "
                + "offered and their latency does not grow from the first quarter of the step to the last.\n\n");
        List<List<String>> rows = new ArrayList<>();
        for (StepResult s : r.search()) {
            rows.add(row(f0(s.offeredPerSecond()), f0(s.completedPerSecond()), Long.toString(s.sent()),
                    f1(s.drainSeconds()) + " s", f0(s.toCompleted().p99Ms()) + " ms",
                    s.sustained() ? "yes" : "no: " + String.join("; ", s.shortfalls())));
        }
        table(md, List.of("offered/s", "completed/s", "orders", "drain", "p99 placed → completed", "sustained"), rows);
    }

    private static void latency(StringBuilder md, BenchResults r) {
        md.append("## Latency at a share of the maximum\n\n");
        md.append("From each order's intended send time (HdrHistogram); completed = COMPLETED and, for partner "
                + "orders, the commission credited.\n\n");
        List<List<String>> rows = new ArrayList<>();
        for (StepResult s : r.latency()) {
            Latency.Percentiles d = s.toDispatched();
            Latency.Percentiles c = s.toCompleted();
            rows.add(row(s.label(), f0(s.offeredPerSecond()), f0(s.completedPerSecond()),
                    f1(d.p50Ms()), f1(d.p99Ms()), f1(d.p999Ms()), f1(c.p50Ms()), f1(c.p99Ms()), f1(c.p999Ms())));
        }
        table(md, List.of("load", "offered/s", "completed/s", "dispatched p50 ms", "p99", "p99.9",
                "completed p50 ms", "p99", "p99.9"), rows);
    }

    private static void stages(StringBuilder md, BenchResults r) {
        if (r.latency().isEmpty()) {
            return;
        }
        md.append("## Per-stage latency (p50 / p99 ms)\n\n");
        List<String> header = new ArrayList<>(List.of("stage"));
        r.latency().forEach(s -> header.add(s.label()));
        Set<String> names = new LinkedHashSet<>();
        names.add(StepResult.API_ANSWER);
        r.latency().forEach(s -> names.addAll(s.stages().keySet()));
        List<List<String>> rows = new ArrayList<>();
        for (String name : names) {
            List<String> row = new ArrayList<>(List.of(name));
            for (StepResult s : r.latency()) {
                Latency.Percentiles p = s.stages().getOrDefault(name, s.endToEnd().get(name));
                row.add(p == null || p.count() == 0 ? "-" : f1(p.p50Ms()) + " / " + f1(p.p99Ms()));
            }
            rows.add(row);
        }
        table(md, header, rows);
    }

    private static void relay(StringBuilder md, BenchResults r) {
        RawRelay.Result relay = r.relay();
        md.append("## Raw relay (the physical limit)\n\n");
        if (relay == null) {
            md.append("Not run.\n\n");
            return;
        }
        md.append(String.format(Locale.ROOT, "Plain kafka-clients consume→produce threads (%d), no framework, no state, "
                        + "no transactions, through the same broker, while the services stand idle: each chain carries "
                        + "one order's captured event path (%d-%d hops, %.1f records per chain), every hop parsing its "
                        + "event and serialising the next.%n%n",
                relay.threads(), relay.minHops(), relay.maxHops(), relay.messagesPerChain()));
        table(md, List.of("", "value"), List.of(
                row("chains (orders-equivalent)/s", f0(relay.chainsPerSecond())),
                row("records/s", f0(relay.messagesPerSecond())),
                row("chain latency p50 / p99 ms", f1(relay.chainLatency().p50Ms()) + " / " + f1(relay.chainLatency().p99Ms())),
                row("pipeline max / relay", f2(r.relayRatio())),
                row("pipeline records per order: event path / all topics",
                        f1(r.pipelineMessagesPerOrder().getOrDefault("event path", 0.0)) + " / "
                                + f1(r.pipelineMessagesPerOrder().getOrDefault("all topics", 0.0)))));
        if (!r.relayPaths().isEmpty()) {
            md.append("Captured paths:\n\n");
            r.relayPaths().forEach(p -> md.append("- ").append(p.label()).append(" (").append(p.hops()).append(" hops): ")
                    .append(String.join(" → ", p.events())).append('\n'));
            md.append('\n');
        }
    }

    private static void cpu(StringBuilder md, BenchResults r) {
        List<StepResult> steps = new ArrayList<>(r.latency());
        r.search().stream().filter(StepResult::sustained).reduce((a, b) -> b).ifPresent(steps::add);
        if (steps.isEmpty()) {
            return;
        }
        md.append("## CPU seconds per 1,000 completed orders\n\n");
        Set<String> processes = new LinkedHashSet<>();
        steps.forEach(s -> processes.addAll(s.cpuPerThousand().keySet()));
        List<String> header = new ArrayList<>(List.of("process"));
        steps.forEach(s -> header.add(s.label()));
        RawRelay.Result relay = r.relay();
        if (relay != null) {
            header.add("raw relay (per 1,000 chains)");
        }
        List<List<String>> rows = new ArrayList<>();
        for (String process : processes) {
            List<String> row = new ArrayList<>(List.of(process));
            steps.forEach(s -> row.add(f2(s.cpuPerThousand().getOrDefault(process, 0.0))));
            if (relay != null) {
                row.add(f2(relay.cpuPerThousand().getOrDefault(process, 0.0)));
            }
            rows.add(row);
        }
        table(md, header, rows);
    }

    /** Components below this share of a process's samples are left out of its row. */
    private static final double SHOWN_SHARE = 3.0;

    private static void profile(StringBuilder md, BenchResults r) {
        CpuProfile.Result profile = r.profile();
        if (profile == null) {
            return;
        }
        md.append("## Where the CPU goes\n\n");
        md.append("Java Flight Recorder in every service and the broker during ").append(profile.step())
                .append(": Java execution samples (every 10 ms) by the library they ran in (the first frame from the "
                        + "top outside the JDK), and the time in garbage collection and in the JIT compiler. Native "
                        + "code (RocksDB, the network stack) is not in the samples; the CPU seconds above count it.\n\n");
        List<List<String>> rows = new ArrayList<>();
        for (CpuProfile.ProcessProfile p : profile.processes()) {
            String components = p.components().entrySet().stream().filter(e -> e.getValue() >= SHOWN_SHARE)
                    .map(e -> e.getKey() + " " + f0(e.getValue()) + " %").collect(Collectors.joining(", "));
            rows.add(row(p.process(), Long.toString(p.samples()), f1(p.gcSeconds()), f1(p.jitSeconds()), components));
        }
        table(md, List.of("process", "samples", "GC s", "JIT s", "Java samples by library (≥ 3 %)"), rows);
        md.append("Hottest methods (share of the process's samples):\n\n");
        profile.processes().forEach(p -> md.append("- ").append(p.process()).append(": ")
                .append(String.join(", ", p.hotMethods())).append('\n'));
        md.append('\n');
    }

    private static void memory(StringBuilder md, BenchResults r) {
        md.append("## Peak memory (VmHWM)\n\n");
        table(md, List.of("process", "MiB"), r.peakRssMib().entrySet().stream()
                .map(e -> row(e.getKey(), f0(e.getValue()))).toList());
    }

    private static void exactlyOnce(StringBuilder md, BenchResults r) {
        ExactlyOnceCheck.Result check = r.exactlyOnce();
        md.append("## Exactly-once check\n\n");
        md.append(String.format(Locale.ROOT, "%d orders placed, %d completed exactly once: %s.%n%n", check.orders(),
                check.completedOnce(), check.passed() ? "passed" : "FAILED"));
        if (!check.passed()) {
            check.problemCounts().forEach((kind, n) -> md.append("- ").append(kind).append(": ").append(n).append('\n'));
            md.append("\nExamples:\n\n");
            check.examples().forEach(e -> md.append("- ").append(e).append('\n'));
            md.append('\n');
        }
    }

    private static void settings(StringBuilder md, BenchResults r) {
        md.append("## Settings\n\n");
        table(md, List.of("setting", "value"), r.settings().entrySet().stream()
                .map(e -> row(e.getKey(), String.valueOf(e.getValue()))).toList());
    }

    static void table(StringBuilder md, List<String> header, List<List<String>> rows) {
        md.append("| ").append(String.join(" | ", header)).append(" |\n");
        md.append("|").append(header.stream().map(h -> " --- ").collect(Collectors.joining("|"))).append("|\n");
        rows.forEach(row -> md.append("| ").append(row.stream().map(MarkdownReport::cell)
                .collect(Collectors.joining(" | "))).append(" |\n"));
        md.append('\n');
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static List<String> row(String... cells) {
        return List.of(cells);
    }

    private static String yes(boolean met) {
        return met ? "yes" : "no";
    }

    static String f0(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
