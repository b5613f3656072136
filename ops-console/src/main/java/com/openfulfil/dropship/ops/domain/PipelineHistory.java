package com.openfulfil.dropship.ops.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The last hour of the pipeline, for the charts: every {@code step}, what each stage wrote per second,
 * how far each consumer group lags, and how many orders were in each status. Older points fall off.
 * Safe to record from one thread while others read.
 */
public final class PipelineHistory {
    /** One reading: messages per second by writing stage, lag by consumer group, orders by status. */
    public record Point(Instant at, Map<String, Double> written, Map<String, Long> lag, Map<String, Long> funnel) {
        public Point {
            written = Map.copyOf(written);
            lag = Map.copyOf(lag);
            funnel = Map.copyOf(funnel);
        }
    }

    /**
     * The history column by column, as charts take it: the times (epoch seconds) and, per series, a
     * value per time (null where the series had no reading then).
     */
    public record Columns(List<Long> times, Map<String, List<Double>> written, Map<String, List<Long>> lag,
                          Map<String, List<Long>> funnel) {
    }

    private final Duration step;
    private final Duration span;
    private final Deque<Point> points = new ArrayDeque<>();

    public PipelineHistory(Duration step, Duration span) {
        this.step = step;
        this.span = span;
    }

    /** Keeps the reading if a step has passed since the last one kept, and forgets what is older than the span. */
    public synchronized boolean record(Point point) {
        Point last = points.peekLast();
        if (last != null && Duration.between(last.at(), point.at()).compareTo(step) < 0) {
            return false;
        }
        points.addLast(point);
        Instant oldest = point.at().minus(span);
        while (!points.isEmpty() && points.peekFirst().at().isBefore(oldest)) {
            points.removeFirst();
        }
        return true;
    }

    public synchronized Columns columns() {
        List<Point> all = new ArrayList<>(points);
        List<Long> times = all.stream().map(p -> p.at().getEpochSecond()).toList();
        return new Columns(times, column(all, Point::written), column(all, Point::lag), column(all, Point::funnel));
    }

    private static <V> Map<String, List<V>> column(List<Point> all, java.util.function.Function<Point, Map<String, V>> of) {
        TreeSet<String> names = new TreeSet<>();
        all.forEach(p -> names.addAll(of.apply(p).keySet()));
        Map<String, List<V>> columns = new LinkedHashMap<>();
        for (String name : names) {
            List<V> values = new ArrayList<>(all.size());
            all.forEach(p -> values.add(of.apply(p).get(name)));
            columns.put(name, values);
        }
        return columns;
    }
}
