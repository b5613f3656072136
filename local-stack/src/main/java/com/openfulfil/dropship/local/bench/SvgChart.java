package com.openfulfil.dropship.local.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The latency-vs-load chart, written by hand as SVG: offered orders per second across, latency
 * (log scale, milliseconds) up, one line per series. Steps the pipeline did not sustain are drawn
 * as hollow points.
 */
final class SvgChart {
    private static final int WIDTH = 760;
    private static final int HEIGHT = 440;
    private static final int LEFT = 70;
    private static final int RIGHT = 190;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;

    /** One point of a series. */
    record Point(double load, double latencyMs, boolean sustained) {
    }

    record Series(String name, String color, boolean dashed, List<Point> points) {
    }

    private SvgChart() {
    }

    /** The four series of a run: p50 and p99 of placed → dispatched and of placed → completed. */
    static List<Series> series(List<StepResult> steps) {
        List<StepResult> sorted = steps.stream().filter(s -> s.toCompleted().count() > 0)
                .sorted(Comparator.comparingDouble(StepResult::offeredPerSecond)).toList();
        return List.of(
                new Series("p50 placed → dispatched", "#1f77b4", false, points(sorted, s -> s.toDispatched().p50Ms())),
                new Series("p99 placed → dispatched", "#1f77b4", true, points(sorted, s -> s.toDispatched().p99Ms())),
                new Series("p50 placed → completed", "#d62728", false, points(sorted, s -> s.toCompleted().p50Ms())),
                new Series("p99 placed → completed", "#d62728", true, points(sorted, s -> s.toCompleted().p99Ms())));
    }

    private static List<Point> points(List<StepResult> steps, ToDoubleFunction<StepResult> value) {
        return steps.stream().map(s -> new Point(s.offeredPerSecond(), value.applyAsDouble(s), s.sustained())).toList();
    }

    static String render(String title, List<Series> series) {
        List<Point> all = series.stream().flatMap(s -> s.points().stream()).toList();
        double maxLoad = niceCeiling(all.stream().mapToDouble(Point::load).max().orElse(1));
        double minMs = Math.pow(10, Math.floor(Math.log10(Math.max(1, all.stream().mapToDouble(Point::latencyMs)
                .filter(v -> v > 0).min().orElse(1)))));
        double maxMs = Math.pow(10, Math.ceil(Math.log10(Math.max(minMs * 10, all.stream()
                .mapToDouble(Point::latencyMs).max().orElse(10)))));
        Axes axes = new Axes(maxLoad, minMs, maxMs);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"24\" font-size=\"15\" font-weight=\"bold\">%s</text>%n",
                LEFT, escape(title)));
        gridAndAxes(svg, axes);
        for (int i = 0; i < series.size(); i++) {
            line(svg, axes, series.get(i));
            legend(svg, series.get(i), i);
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\">hollow: load not sustained</text>%n",
                WIDTH - RIGHT + 16, TOP + 14 + series.size() * 22));
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** Maps loads and latencies to pixels: linear across, log10 up. */
    private record Axes(double maxLoad, double minMs, double maxMs) {
        double x(double load) {
            return LEFT + load / maxLoad * (WIDTH - LEFT - RIGHT);
        }

        double y(double ms) {
            double clamped = Math.max(minMs, Math.min(maxMs, ms));
            double share = (Math.log10(clamped) - Math.log10(minMs)) / (Math.log10(maxMs) - Math.log10(minMs));
            return HEIGHT - BOTTOM - share * (HEIGHT - TOP - BOTTOM);
        }
    }

    private static void gridAndAxes(StringBuilder svg, Axes axes) {
        int bottom = HEIGHT - BOTTOM;
        int right = WIDTH - RIGHT;
        for (double ms = axes.minMs(); ms <= axes.maxMs() * 1.0001; ms *= 10) {
            double y = axes.y(ms);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
                    LEFT, y, right, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s ms</text>%n",
                    LEFT - 6, y + 4, number(ms)));
        }
        for (int i = 0; i <= 5; i++) {
            double load = axes.maxLoad() * i / 5;
            double x = axes.x(load);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>%n",
                    x, TOP, x, bottom));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    x, bottom + 16, number(load)));
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
                LEFT, bottom, right, bottom));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
                LEFT, TOP, LEFT, bottom));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">offered load (orders/s)</text>%n",
                (LEFT + right) / 2, HEIGHT - 12));
    }

    private static void line(StringBuilder svg, Axes axes, Series series) {
        List<String> xy = new ArrayList<>();
        series.points().forEach(p -> xy.add(String.format(Locale.ROOT, "%.1f,%.1f", axes.x(p.load()), axes.y(p.latencyMs()))));
        svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s points=\"%s\"/>%n",
                series.color(), series.dashed() ? " stroke-dasharray=\"6 4\"" : "", String.join(" ", xy)));
        for (Point p : series.points()) {
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" stroke=\"%s\" fill=\"%s\">"
                            + "<title>%s: %s ms at %s orders/s</title></circle>%n", axes.x(p.load()), axes.y(p.latencyMs()),
                    series.color(), p.sustained() ? series.color() : "white", escape(series.name()), number(p.latencyMs()),
                    number(p.load())));
        }
    }

    private static void legend(StringBuilder svg, Series series, int index) {
        int x = WIDTH - RIGHT + 16;
        int y = TOP + 10 + index * 22;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"%s/>%n",
                x, y, x + 24, y, series.color(), series.dashed() ? " stroke-dasharray=\"6 4\"" : ""));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", x + 30, y + 4, escape(series.name())));
    }

    /** The next 1, 2 or 5 times a power of ten at or above {@code value}. */
    static double niceCeiling(double value) {
        double power = Math.pow(10, Math.floor(Math.log10(Math.max(value, 1e-9))));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
