package com.openfulfil.dropship.local.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateScheduleTest {

    @Test
    void spacesOrdersEvenlyAtTheRateFromTheStart() {
        RateSchedule schedule = new RateSchedule(200, 5);

        assertThat(schedule.dueNanos(0)).isZero();
        assertThat(schedule.dueNanos(1)).isEqualTo(5_000_000);
        assertThat(schedule.dueNanos(4)).isEqualTo(20_000_000);
    }

    @Test
    void countsTheOrdersDueByAMomentIncludingOneDueExactlyThen() {
        RateSchedule schedule = new RateSchedule(1000, 10);

        assertThat(schedule.dueBy(-1)).isZero();
        assertThat(schedule.dueBy(0)).isEqualTo(1);
        assertThat(schedule.dueBy(999_999)).isEqualTo(1);
        assertThat(schedule.dueBy(1_000_000)).isEqualTo(2);
        assertThat(schedule.dueBy(Duration.ofHours(1).toNanos())).isEqualTo(10);
    }

    @Test
    void dueByAgreesWithDueNanosAtAwkwardRates() {
        RateSchedule schedule = new RateSchedule(337.5, 2000);

        for (int i = 0; i < schedule.count(); i++) {
            long due = schedule.dueNanos(i);
            assertThat(schedule.dueBy(due)).as("due by order %d's time", i).isEqualTo(i + 1);
            assertThat(schedule.dueBy(due - 1)).as("just before order %d", i).isEqualTo(i);
        }
    }

    @Test
    void aStepOfADurationHoldsRateTimesDurationOrders() {
        RateSchedule schedule = RateSchedule.of(250, Duration.ofSeconds(30));

        assertThat(schedule.count()).isEqualTo(7500);
        assertThat(schedule.length()).isEqualTo(Duration.ofSeconds(30));
        assertThat(RateSchedule.of(0.5, Duration.ofSeconds(1)).count()).isEqualTo(1);
    }

    @Test
    void refusesANonPositiveRate() {
        assertThatThrownBy(() -> new RateSchedule(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
