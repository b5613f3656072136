package com.openfulfil.dropship.local.bench;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SvgChartTest {

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<StepResult> steps() {
        BenchResults results = ReportFixtures.results(true);
        List<StepResult> steps = new ArrayList<>(results.search());
        steps.addAll(results.latency());
        return steps;
    }

    @Test
    void drawsOneLineOfAPointPerStepForEachOfTheFourSeriesInLoadOrder() throws Exception {
        List<SvgChart.Series> series = SvgChart.series(steps());

        Document svg = parse(SvgChart.render("Latency vs load", series));

        assertThat(series).extracting(SvgChart.Series::name).containsExactly("p50 placed → dispatched",
                "p99 placed → dispatched", "p50 placed → completed", "p99 placed → completed");
        assertThat(series.get(3).points()).extracting(SvgChart.Point::load)
                .containsExactly(37.5, 75.0, 100.0, 112.5, 150.0, 225.0);
        assertThat(svg.getElementsByTagName("polyline").getLength()).isEqualTo(4);
        assertThat(svg.getElementsByTagName("circle").getLength()).isEqualTo(24);
    }

    @Test
    void higherLatencyIsDrawnHigherOnTheLogScaleAndUnsustainedLoadHollow() {
        SvgChart.Series line = new SvgChart.Series("p99", "#000000", false, List.of(
                new SvgChart.Point(100, 10, true), new SvgChart.Point(200, 1000, false)));

        String svg = SvgChart.render("t", List.of(line));

        assertThat(svg).contains("points=\"320.0,390.0 570.0,40.0\"");
        assertThat(svg).contains("fill=\"#000000\"><title>p99: 10 ms at 100 orders/s</title>");
        assertThat(svg).contains("fill=\"white\"><title>p99: 1000 ms at 200 orders/s</title>");
        assertThat(svg).contains(">10 ms</text>").contains(">100 ms</text>").contains(">1000 ms</text>");
    }

    @Test
    void escapesTextAndRoundsTheLoadAxisUpToANiceNumber() throws Exception {
        parse(SvgChart.render("a < b & c", List.of()));

        assertThat(SvgChart.niceCeiling(1139)).isEqualTo(2000);
        assertThat(SvgChart.niceCeiling(450)).isEqualTo(500);
        assertThat(SvgChart.niceCeiling(100)).isEqualTo(100);
    }
}
