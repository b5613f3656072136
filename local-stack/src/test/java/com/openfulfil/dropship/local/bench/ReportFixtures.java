package com.openfulfil.dropship.local.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Results of a made-up run, for the rendering tests. */
final class ReportFixtures {
    private ReportFixtures() {
    }

    static StepResult step(String phase, String label, double offered, double p50, double p99, boolean sustained) {
        Map<String, Latency.Percentiles> endToEnd = new LinkedHashMap<>();
        endToEnd.put(StepResult.PLACED_TO_DISPATCHED, new Latency.Percentiles(100, p50 / 4, p99 / 4, p99 / 3, p99 / 2, p50 / 4));
        endToEnd.put(StepResult.PLACED_TO_COMPLETED, new Latency.Percentiles(100, p50, p99, p99 * 1.5, p99 * 2, p50));
        Map<String, Latency.Percentiles> stages = new LinkedHashMap<>();
        stages.put(StepAnalysis.INTAKE, new Latency.Percentiles(100, 3, 9, 12, 15, 4));
        Map<String, Double> cpu = new LinkedHashMap<>();
        cpu.put("order-service", 3.2);
        cpu.put("kafka broker", 1.1);
        cpu.put(BenchRun.LAUNCHER, 0.9);
        cpu.put("total", 5.2);
        return new StepResult(phase, label, offered, 30, (long) (offered * 30), (long) (offered * 30), 0,
                (long) (offered * 30), 0, 0, sustained ? offered : offered * 0.8, sustained ? 1.2 : 14.0, sustained,
                sustained ? List.of() : List.of("completed 80/s < 95% of the offered 100/s"), endToEnd, stages, cpu, cpu);
    }

    static CpuProfile.Result profile() {
        Map<String, Double> components = new LinkedHashMap<>();
        components.put("Kafka Streams", 41.5);
        components.put("JSON (Jackson)", 22.0);
        components.put("Kafka clients", 18.0);
        components.put("JDK", 1.5);
        return new CpuProfile.Result("profile (75 %), offered 112/s for 30 s, completed 110/s",
                List.of(new CpuProfile.ProcessProfile("order-service", 2400, components,
                        List.of("org.rocksdb.RocksDB.get 6.0 %", "tools.jackson.core.json.UTF8StreamJsonParser.nextToken 4.0 %"),
                        1.8, 0.4)), List.of());
    }

    static Relay.Result relay(Relay.Kind kind, double chainsPerSecond) {
        return new Relay.Result(kind.label(), kind.description(), 5, 3, 14, 2, 30, 44, 38.5,
                List.of(new Relay.WindowStep(64, chainsPerSecond * 0.6, 300), new Relay.WindowStep(128, chainsPerSecond, 450),
                        new Relay.WindowStep(256, chainsPerSecond * 1.02, 900)),
                128, 30000, chainsPerSecond, chainsPerSecond * 38.5, new Latency.Percentiles(30000, 120, 400, 600, 900, 150),
                Map.of("kafka broker", 20.0), 0.045, kind == Relay.Kind.TRANSACTIONAL ? 41.2 : 38.5);
    }

    static BenchResults results(boolean passed) {
        List<StepResult> search = List.of(step("search", "search 1 (100/s)", 100, 900, 1500, true),
                step("search", "search 2 (150/s)", 150, 1100, 2500, true),
                step("search", "search 3 (225/s)", 225, 9000, 30000, false));
        List<StepResult> latency = List.of(step("latency", "25 %", 37.5, 800, 1200, true),
                step("latency", "50 %", 75, 850, 1300, true), step("latency", "75 %", 112.5, 950, 1700, true));
        BenchResults.Growth growth = new BenchResults.Growth(100_000, 600, latency.get(1),
                step("growth", "50 % after 100,000 orders", 75, 1000, 1600, true));
        List<Relay.Result> relays = List.of(relay(Relay.Kind.BYTES, 2000), relay(Relay.Kind.CODEC, 1500),
                relay(Relay.Kind.TRANSACTIONAL, 1000));
        ExactlyOnceCheck.Result check = passed
                ? new ExactlyOnceCheck.Result(12000, 12000, Map.of(), List.of())
                : new ExactlyOnceCheck.Result(12000, 11999, Map.of("never completed", 1L), List.of("order #5 (o-5): never completed"));
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("partitions", "service default: 3 (the broker's topic metadata)");
        settings.put("commit interval ms", "service default: 100 (dropship-defaults.properties)");
        Map<String, Double> perOrder = new LinkedHashMap<>();
        perOrder.put("event path", 38.0);
        perOrder.put("changelog and repartition topics", 60.0);
        perOrder.put("consumer offsets and transaction state", 22.0);
        perOrder.put("all topics", 120.0);
        Map<String, Double> perTopic = new LinkedHashMap<>();
        perTopic.put("orders.lifecycle", 12.0);
        perTopic.put("order-service-orders-changelog", 9.5);
        perTopic.put("__transaction_state", 8.25);
        return new BenchResults("2026-11-22T06:00:00Z", "2026-11-22T06:20:00Z", "./dropship bench --duration-s 30",
                settings, "10,000 products from 24 suppliers", new BenchResults.Machine(2, "Linux 6.1", "17.0.12", 24000),
                new BenchResults.Warmup(5000, 250, 40, 5000), search, 150, 150, latency, profile(), growth, relays,
                List.of(new BenchResults.PathSummary("storefront order, 1 line(s), 1 supplier(s)", 30,
                        List.of("OrderPlaced", "OrderStatusChanged"))), 0.15, perOrder, perTopic,
                new BenchResults.PipelineCpu("search 2 (150/s)", 0.0043, 120, 0.036, search.get(1).toCompleted()),
                new BenchResults.Harness(Map.of("75 %", 0.9), 500_000, 200_000),
                Map.of("order-service", 410.0, "kafka broker", 520.0), 0.04, check,
                new BenchResults.Targets(1000, false, 0.5, false, 150, 325, false, 45, 30, 120, false), List.of("a note"));
    }
}
