package com.openfulfil.dropship.local.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The run's summary as Markdown tables: what the terminal shows and what docs/performance.md links to. */
final class MarkdownReport {
    private MarkdownReport() {
    }

    static String render(BenchResults r, String chartFile) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark ").append(r.startedAt()).append("\n\n");
        md.append("Reproduce: `").append(r.reproduce()).append("`\n\n");
        md.append(String.format(Locale.ROOT, "Machine: %d cores, %d MiB, %s, Java %s. Broker, five services and the "
                + "launcher (load, simulators, watcher, relays) all on it.%n%n", r.machine().cores(), r.machine().memoryMib(),
                r.machine().os(), r.machine().java()));
        md.append("Catalog: ").append(r.catalog()).append(".\n\n");
        headline(md, r);
        if (chartFile != null) {
            md.append("![latency vs load](").append(chartFile).append(")\n\n");
        }
        search(md, r);
        latency(md, r);
        stages(md, r);
        growth(md, r);
        relays(md, r);
        recordsByTopic(md, r);
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
        Relay.Result c = r.transactionalRelay();
        List<List<String>> rows = new ArrayList<>();
        rows.add(row("completed orders/s, sustained", f0(r.maxCompletedPerSecond()), "≥ " + f0(t.minCompletedPerSecond()),
                yes(t.throughputMet())));
        rows.add(row("relay (c) transactional, orders-equivalent/s", c == null ? "-" : f0(c.chainsPerSecond()), "", ""));
        rows.add(row("pipeline / relay (c)", f2(r.relayRatio()), "≥ " + f2(t.minRelayRatio()) + " of relay (c)",
                yes(t.relayRatioMet())));
        rows.add(row("records written per completed order, all topics", f1(t.recordsPerOrder()),
                "≤ " + f0(t.maxRecordsPerOrder()) + " (goal ≤ " + f0(t.goalRecordsPerOrder()) + ")",
                yes(t.recordsPerOrderMet())));
        rows.add(row("p99 placed → dispatched at 50 % of max", f1(t.p99DispatchedMsAtHalf()) + " ms",
                "≤ " + f0(t.maxP99DispatchedMsAtHalf()) + " ms", yes(t.latencyMet())));
        if (r.growth() != null) {
            rows.add(row(String.format(Locale.ROOT, "p99 placed → dispatched at 50 %% after %,d orders stored",
                    r.growth().ordersStored()), f1(r.growth().after().toDispatched().p99Ms()) + " ms", "", ""));
        }
        if (r.pipelineCpu() != null) {
            rows.add(row("pipeline CPU-s per 1,000 records (services and broker)",
                    f3(r.pipelineCpu().cpuSecondsPerThousandRecords()), "", ""));
        }
        harnessAtLastLatencyStep(r).ifPresent(ms -> rows.add(row("harness (launcher: load, simulators, watcher) CPU-ms "
                + "per order at 75 %", f2(ms), "", "")));
        rows.add(row("exactly once (every order completed once, one dispatch per supplier, one commission per partner order)",
                r.exactlyOnce().passed() ? "passed" : "FAILED", "passed", yes(r.exactlyOnce().passed())));
        rows.add(row("cores kept busy by other processes on the machine (average while measuring)",
                f2(r.otherProcessesCores()), "0 (idle machine)", ""));
        md.append("## Result\n\n");
        table(md, List.of("", "measured", "target", "met"), rows);
    }

    private static java.util.Optional<Double> harnessAtLastLatencyStep(BenchResults r) {
        if (r.harness() == null || r.latency().isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable(r.harness().cpuMsPerOrder().get(r.latency().get(r.latency().size() - 1).label()));
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

    private static void growth(StringBuilder md, BenchResults r) {
        BenchResults.Growth g = r.growth();
        if (g == null) {
            return;
        }
        md.append("## Cost as state grows\n\n");
        md.append(String.format(Locale.ROOT, "The 50 %% step at the start, and again once %,d orders were stored (placed "
                + "closed-loop, as fast as the pipeline took them, in %.0f s): a cost that grows with the state the "
                + "services keep shows up as more CPU per order or a higher p99.%n%n", g.ordersStored(), g.fillSeconds()));
        List<List<String>> rows = new ArrayList<>();
        for (StepResult s : List.of(g.atStart(), g.after())) {
            rows.add(row(s == g.atStart() ? "at start (" + s.label() + ")" : s.label(), f0(s.offeredPerSecond()),
                    f0(s.completedPerSecond()), f2(BenchRun.pipelinePerThousand(s)),
                    f2(s.cpuPerThousand().getOrDefault(BenchRun.LAUNCHER, 0.0)),
                    f1(s.toDispatched().p99Ms()), f1(s.toCompleted().p99Ms())));
        }
        table(md, List.of("", "offered/s", "completed/s", "pipeline CPU-ms per order (services, broker)",
                "harness CPU-ms per order", "p99 placed → dispatched ms", "p99 placed → completed ms"), rows);
    }

    private static void relays(StringBuilder md, BenchResults r) {
        md.append("## The physical limit: three relays\n\n");
        List<Relay.Result> relays = r.relays();
        if (relays.isEmpty()) {
            md.append("Not run.\n\n");
            return;
        }
        Relay.Result first = relays.get(0);
        md.append(String.format(Locale.ROOT, "Plain kafka-clients consume→produce threads (%d), no framework, no state, "
                        + "through the same broker while the services stand idle. Each chain carries one order's captured "
                        + "path (%d-%d hops, %.1f records per chain) along the pipeline's own topic layout (a copy of each "
                        + "of the %d topics the path uses, %d partitions each), producers batching as the pipeline's do. "
                        + "Chains in flight are doubled from %d until two windows in a row fail to improve chains/s by 5 %%; "
                        + "the best window is then measured. CPU is the broker's and the launcher's; the pipeline's is its services' and "
                        + "broker's at its maximum, over every record it writes per order.%n%n",
                first.threads(), first.minHops(), first.maxHops(), first.recordsPerChain(), first.topics(),
                first.partitions(), first.windowSearch().isEmpty() ? 0 : first.windowSearch().get(0).window()));
        relays.forEach(x -> md.append("- ").append(x.kind()).append(": ").append(x.description()).append('\n'));
        md.append('\n');
        List<String> header = new ArrayList<>(List.of(""));
        relays.forEach(x -> header.add(x.kind()));
        header.add("pipeline");
        BenchResults.PipelineCpu p = r.pipelineCpu();
        double recordsPerOrder = r.pipelineMessagesPerOrder().getOrDefault(BenchResults.ALL_TOPICS, 0.0);
        List<List<String>> rows = new ArrayList<>();
        rows.add(relayRow("chains (orders-equivalent)/s", relays, x -> f0(x.chainsPerSecond()),
                f0(r.maxCompletedPerSecond())));
        rows.add(relayRow("records/s", relays, x -> f0(x.recordsPerSecond()),
                f0(r.maxCompletedPerSecond() * recordsPerOrder)));
        rows.add(relayRow("records written per chain / order, all topics (markers, offsets included)", relays,
                x -> f1(x.writtenPerChain()), f1(recordsPerOrder)));
        rows.add(relayRow("CPU-s per 1,000 records", relays, x -> f3(x.cpuSecondsPerThousandRecords()),
                p == null ? "-" : f3(p.cpuSecondsPerThousandRecords())));
        rows.add(relayRow("chain latency p50 / p99 ms (pipeline: placed → completed at its maximum)", relays,
                x -> f1(x.chainLatency().p50Ms()) + " / " + f1(x.chainLatency().p99Ms()),
                p == null ? "-" : f1(p.toCompleted().p50Ms()) + " / " + f1(p.toCompleted().p99Ms())));
        rows.add(relayRow("chains in flight (best window)", relays, x -> Integer.toString(x.window()), "-"));
        rows.add(relayRow("window search (chains in flight: chains/s)", relays, x -> x.windowSearch().stream()
                .map(w -> w.window() + ": " + f0(w.chainsPerSecond())).collect(Collectors.joining(", ")), "-"));
        rows.add(relayRow("pipeline max / relay", relays,
                x -> x.chainsPerSecond() > 0 ? f2(r.maxCompletedPerSecond() / x.chainsPerSecond()) : "-", ""));
        table(md, header, rows);
        if (!r.relayPaths().isEmpty()) {
            md.append("Captured paths:\n\n");
            r.relayPaths().forEach(x -> md.append("- ").append(x.label()).append(" (").append(x.hops()).append(" hops): ")
                    .append(String.join(" → ", x.events())).append('\n'));
            md.append('\n');
        }
    }

    private static List<String> relayRow(String name, List<Relay.Result> relays,
                                         java.util.function.Function<Relay.Result, String> cell, String pipeline) {
        List<String> row = new ArrayList<>(List.of(name));
        relays.forEach(x -> row.add(cell.apply(x)));
        row.add(pipeline);
        return row;
    }

    private static void recordsByTopic(StringBuilder md, BenchResults r) {
        if (r.recordsPerOrderByTopic().isEmpty()) {
            return;
        }
        md.append("## Records written per completed order, by topic\n\n");
        md.append("Every topic's growth (end offsets: records and, under exactly-once, one transaction marker per "
                + "partition and commit) from the first search step to the end of the profile step, over the orders "
                + "completed meanwhile; the supplier topics include the simulated suppliers' answers, "
                + "__consumer_offsets the simulators' commits.\n\n");
        double all = r.pipelineMessagesPerOrder().getOrDefault(BenchResults.ALL_TOPICS, 0.0);
        List<List<String>> rows = new ArrayList<>();
        r.recordsPerOrderByTopic().forEach((topic, n) -> rows.add(row(topic, f2(n),
                all > 0 ? f1(n * 100 / all) + " %" : "-")));
        r.pipelineMessagesPerOrder().forEach((group, n) -> rows.add(row("**" + group + "**", "**" + f2(n) + "**",
                all > 0 ? f1(n * 100 / all) + " %" : "-")));
        table(md, List.of("topic", "records per order", "share"), rows);
    }

    private static void cpu(StringBuilder md, BenchResults r) {
        List<StepResult> steps = new ArrayList<>(r.latency());
        r.search().stream().filter(StepResult::sustained).reduce((a, b) -> b).ifPresent(steps::add);
        if (r.growth() != null) {
            steps.add(r.growth().after());
        }
        if (steps.isEmpty()) {
            return;
        }
        md.append("## CPU seconds per 1,000 completed orders\n\n");
        md.append("From each step's start until its orders drained. The launcher is the harness (load driver, supplier "
                + "and carrier simulators, watcher): its CPU-s per 1,000 orders are its CPU-ms per order. The last row "
                + "is the part of the total the JVMs' JIT compiler threads took (C1 and C2, every process): work a "
                + "pipeline that has run long enough no longer does.\n\n");
        Set<String> processes = new LinkedHashSet<>();
        steps.forEach(s -> processes.addAll(s.cpuPerThousand().keySet()));
        List<String> header = new ArrayList<>(List.of("process"));
        steps.forEach(s -> header.add(s.label()));
        List<List<String>> rows = new ArrayList<>();
        for (String process : processes) {
            List<String> row = new ArrayList<>(List.of(process));
            steps.forEach(s -> row.add(f2(s.cpuPerThousand().getOrDefault(process, 0.0))));
            rows.add(row);
        }
        table(md, header, rows);
        if (r.harness() != null && r.harness().recordsRead() > 0) {
            md.append(String.format(Locale.ROOT, "The watcher read %,d records and decoded %,d of them (%.0f %%); the "
                            + "rest were told apart by their event-type header and key alone.%n%n",
                    r.harness().recordsRead(), r.harness().recordsDecoded(),
                    r.harness().recordsDecoded() * 100.0 / r.harness().recordsRead()));
        }
    }

    /** Components below this share of a process's samples are left out of its row. */
    private static final double SHOWN_SHARE = 3.0;

    private static void profile(StringBuilder md, BenchResults r) {
        CpuProfile.Result profile = r.profile();
        if (profile == null) {
            return;
        }
        md.append("## Where the CPU goes\n\n");
        md.append("Java Flight Recorder in every service, the broker and the launcher (the harness) during ").append(profile.step())
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

    static String f3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
