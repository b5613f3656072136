package com.openfulfil.dropship.local.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownReportTest {

    @Test
    void headlinesTheFiguresAgainstTheTargetsWithTheCommandToReproduce() {
        String md = MarkdownReport.render(ReportFixtures.results(true), "20261122-060000.svg");

        assertThat(md).contains("Reproduce: `./dropship bench --duration-s 30`");
        assertThat(md).contains("| completed orders/s, sustained | 150 | ≥ 1,000 | no |");
        assertThat(md).contains("| raw relay, orders-equivalent/s | 1,000 |  |  |");
        assertThat(md).contains("| pipeline / raw relay | 0.15 | ≥ 0.50 | no |");
        assertThat(md).contains("| p99 placed → dispatched at 50 % of max | 325.0 ms | ≤ 150 ms | no |");
        assertThat(md).contains("![latency vs load](20261122-060000.svg)");
        assertThat(md).contains("| cores kept busy by other processes on the machine (average while measuring) | 0.04 |");
    }

    @Test
    void tabulatesTheSearchTheLatencyStepsStagesCpuAndMemory() {
        String md = MarkdownReport.render(ReportFixtures.results(true), null);

        assertThat(md).contains("| 225 | 180 | 6750 | 14.0 s | 30,000 ms | no: completed 80/s < 95% of the offered 100/s |");
        assertThat(md).contains("| 50 % | 75 | 75 | 212.5 | 325.0 | 433.3 | 850.0 | 1300.0 | 1950.0 |");
        assertThat(md).contains("| intake (send → PLACED) | 3.0 / 9.0 | 3.0 / 9.0 | 3.0 / 9.0 |");
        assertThat(md).contains("| process | 25 % | 50 % | 75 % | search 2 (150/s) | raw relay (per 1,000 chains) |");
        assertThat(md).contains("| order-service | 3.20 | 3.20 | 3.20 | 3.20 | 0.00 |");
        assertThat(md).contains("| kafka broker | 520 |");
        assertThat(md).contains("storefront order, 1 line(s), 1 supplier(s) (30 hops): OrderPlaced → OrderStatusChanged");
        assertThat(md).contains("12000 orders placed, 12000 completed exactly once: passed.");
        assertThat(md).doesNotContain("![latency");
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
