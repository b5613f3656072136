package com.openfulfil.dropship.ops.domain;

import com.openfulfil.dropship.events.model.OrderStatus;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** How many orders are in each status now, in the order an order moves through them. */
public record Funnel(List<Stage> stages, long total) {

    public record Stage(OrderStatus status, long orders) {
    }

    /** @param counts partial counts per status (one per stream task); summed here */
    public static Funnel of(Iterable<Map.Entry<String, Long>> counts) {
        Map<OrderStatus, Long> sums = new EnumMap<>(OrderStatus.class);
        for (Map.Entry<String, Long> count : counts) {
            sums.merge(OrderStatus.valueOf(count.getKey()), count.getValue(), Long::sum);
        }
        List<Stage> stages = new ArrayList<>();
        long total = 0;
        for (OrderStatus status : OrderStatus.values()) {
            long orders = sums.getOrDefault(status, 0L);
            stages.add(new Stage(status, orders));
            total += orders;
        }
        return new Funnel(stages, total);
    }
}
