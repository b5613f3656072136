package com.openfulfil.dropship.local.chaos;

import com.openfulfil.dropship.events.model.OrderStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A fault strikes only once the orders of the warm-up or the previous fault have gone through. */
class ChaosBacklogTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    @Test
    void onlyUnfinishedOrdersOlderThanTheCaughtUpAgeAreBacklog() {
        Instant old = NOW.minus(ChaosRun.CAUGHT_UP_AGE).minusSeconds(1);
        Instant recent = NOW.minus(ChaosRun.CAUGHT_UP_AGE).plusSeconds(1);
        List<LoadOrder> orders = List.of(
                order("old-unfinished", old, null),
                order("old-finished", old, NOW.minusSeconds(2)),
                order("recent-unfinished", recent, null),
                new LoadOrder(null, null, old, null, 3, null, null, "refused", null));

        assertThat(ChaosRun.backlog(orders, NOW)).isEqualTo(1);
        assertThat(ChaosRun.backlog(orders, recent.plus(ChaosRun.CAUGHT_UP_AGE).plusSeconds(1))).isEqualTo(2);
        assertThat(ChaosRun.backlog(orders.subList(1, 4), NOW)).isZero();
    }

    private static LoadOrder order(String id, Instant acceptedAt, Instant finishedAt) {
        return new LoadOrder(null, id, acceptedAt, acceptedAt, 1, finishedAt,
                finishedAt == null ? OrderStatus.DISPATCHED : OrderStatus.COMPLETED, null, null);
    }
}
