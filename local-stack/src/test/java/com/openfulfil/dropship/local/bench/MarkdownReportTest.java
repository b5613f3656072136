package com.openfulfil.dropship.local.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownReportTest {

    @Test
    void headlinesTheFiguresAgainstTheTargetsWithTheCommandToReproduce() {
        String md = MarkdownReport.render(ReportFixtures.results(true), "20261122-060000.svg");

        assertThat(md).contains("Reproduce: `./dropship bench --duration-s 30`");
        assertThat(md).contains("Catalog: 10,000 products from 24 suppliers.");
        assertThat(md).contains("| completed orders/s, sustained | 150 | ≥ 1,000 | no |");
        assertThat(md).contains("| relay (c) transactional, orders-equivalent/s | 1,000 |  |  |");
        assertThat(md).contains("| pipeline / relay (c) | 0.15 | ≥ 0.50 of relay (c) | no |");
        assertThat(md).contains("| records written per completed order, all topics | 120.0 | ≤ 45 (goal ≤ 30) | no |");
        assertThat(md).contains("| p99 placed → dispatched at 50 % of max | 325.0 ms | ≤ 150 ms | no |");
        assertThat(md).contains("| p99 placed → dispatched at 50 % after 100,000 orders stored | 400.0 ms |  |  |");
        assertThat(md).contains("| harness (launcher: load, simulators, watcher) CPU-ms per order at 75 % | 0.90 |  |  |");
        assertThat(md).contains("![latency vs load](20261122-060000.svg)");
        assertThat(md).contains("| cores kept busy by other processes on the machine (average while measuring) | 0.04 |");
    }

    @Test
    void tabulatesTheSearchTheLatencyStepsStagesCpuAndMemory() {
        String md = MarkdownReport.render(ReportFixtures.results(true), null);

        assertThat(md).contains("| 225 | 180 | 6750 | 14.0 s | 30,000 ms | no: completed 80/s < 95% of the offered 100/s |");
        assertThat(md).contains("| 50 % | 75 | 75 | 212.5 | 325.0 | 433.3 | 850.0 | 1300.0 | 1950.0 |");
        assertThat(md).contains("| intake (send → PLACED) | 3.0 / 9.0 | 3.0 / 9.0 | 3.0 / 9.0 |");
        assertThat(md).contains("| process | 25 % | 50 % | 75 % | search 2 (150/s) | 50 % after 100,000 orders |");
        assertThat(md).contains("| order-service | 3.20 | 3.20 | 3.20 | 3.20 | 3.20 |");
        assertThat(md).contains("| kafka broker | 520 |");
        assertThat(md).contains("The watcher read 500,000 records and decoded 200,000 of them (40 %)");
        assertThat(md).contains("12000 orders placed, 12000 completed exactly once: passed.");
        assertThat(md).doesNotContain("![latency");
    }

    @Test
    void comparesCostAtTheStartWithCostOnceManyOrdersAreStored() {
        String md = MarkdownReport.render(ReportFixtures.results(true), null);

        assertThat(md).contains("## Cost as state grows", "once 100,000 orders were stored");
        assertThat(md).contains("| at start (50 %) | 75 | 75 | 4.30 | 0.90 | 325.0 | 1300.0 |");
        assertThat(md).contains("| 50 % after 100,000 orders | 75 | 75 | 4.30 | 0.90 | 400.0 | 1600.0 |");
    }

    @Test
    void setsTheThreeRelaysBesideThePipeline() {
        String md = MarkdownReport.render(ReportFixtures.results(true), null);

        assertThat(md).contains("## The physical limit: three relays");
        assertThat(md).contains("| | (a) bytes | (b) codec | (c) transactional | pipeline |".replace("| |", "|  |"));
        assertThat(md).contains("| chains (orders-equivalent)/s | 2,000 | 1,500 | 1,000 | 150 |");
        assertThat(md).contains("| records/s | 77,000 | 57,750 | 38,500 | 18,000 |");
        assertThat(md).contains("| records written per chain / order, all topics (markers, offsets included) | 38.5 | 38.5 "
                + "| 41.2 | 120.0 |");
        assertThat(md).contains("| CPU-s per 1,000 records | 0.045 | 0.045 | 0.045 | 0.036 |");
        assertThat(md).contains("| chain latency p50 / p99 ms (pipeline: placed → completed at its maximum) "
                + "| 120.0 / 400.0 | 120.0 / 400.0 | 120.0 / 400.0 | 1100.0 / 2500.0 |");
        assertThat(md).contains("| window search (chains in flight: chains/s) | 64: 1,200, 128: 2,000, 256: 2,040 |");
        assertThat(md).contains("| pipeline max / relay | 0.08 | 0.10 | 0.15 |  |");
        assertThat(md).contains("storefront order, 1 line(s), 1 supplier(s) (30 hops): OrderPlaced → OrderStatusChanged");
    }

    @Test
    void listsTheRecordsWrittenPerOrderOnEveryTopicWithTheTotals() {
        String md = MarkdownReport.render(ReportFixtures.results(true), null);

        assertThat(md).contains("## Records written per completed order, by topic");
        assertThat(md).contains("| orders.lifecycle | 12.00 | 10.0 % |");
        assertThat(md).contains("| __transaction_state | 8.25 | 6.9 % |");
        assertThat(md).contains("| **all topics** | **120.00** | 100.0 % |");
        assertThat(md.indexOf("| orders.lifecycle |")).isLessThan(md.indexOf("| order-service-orders-changelog |"));
    }

    @Test
    void showsWhereEachProcessSpendsItsCpu() {
        String md = MarkdownReport.render(ReportFixtures.results(true), null);

        assertThat(md).contains("## Where the CPU goes", "profile (75 %), offered 112/s for 30 s, completed 110/s");
        assertThat(md).contains("| order-service | 2400 | 1.8 | 0.4 | Kafka Streams 42 %, JSON (Jackson) 22 %, "
                + "Kafka clients 18 % |");
        assertThat(md).contains("- order-service: org.rocksdb.RocksDB.get 6.0 %, "
                + "tools.jackson.core.json.UTF8StreamJsonParser.nextToken 4.0 %");
    }

    @Test
    void aFailedCheckListsWhatWasLostOrDoubled() {
        String md = MarkdownReport.render(ReportFixtures.results(false), null);

        assertThat(md).contains("completed exactly once: FAILED.");
        assertThat(md).contains("- never completed: 1");
        assertThat(md).contains("- order #5 (o-5): never completed");
    }

    @Test
    void aPipeInACellDoesNotBreakTheTable() {
        StringBuilder md = new StringBuilder();

        MarkdownReport.table(md, List.of("a", "b"), List.of(List.of("x|y", "z")));

        assertThat(md.toString()).isEqualTo("| a | b |\n| --- | --- |\n| x\\|y | z |\n\n");
    }
}
