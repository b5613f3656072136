package com.openfulfil.dropship.order.web;

import com.openfulfil.dropship.events.fixtures.OrderFixtures;
import com.openfulfil.dropship.events.model.OrderDetails;
import com.openfulfil.dropship.support.testing.MovableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class InFlightOrdersTest {
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-02T09:00:00Z"));
    private final InFlightOrders inFlight = new InFlightOrders(clock, Duration.ofSeconds(30));
    private final OrderDetails details = OrderFixtures.anOrder().withOrderId("o-1").details();

    @Test
    void aSecondClaimOfTheSameOrderGetsTheFirstOnesEntry() {
        assertThat(inFlight.claim("o-1", details)).isNull();
        assertThat(inFlight.claim("o-1", details)).isNotNull().isSameAs(inFlight.get("o-1"));
    }

    @Test
    void writtenOrdersAreForgottenOnceTheWindowHasPassedOldestFirst() {
        inFlight.claim("o-1", details);
        inFlight.written("o-1");
        clock.advance(Duration.ofSeconds(20));
        inFlight.claim("o-2", details);
        inFlight.written("o-2");

        clock.advance(Duration.ofSeconds(11));
        inFlight.claim("o-3", details);

        assertThat(inFlight.get("o-1")).as("31 s old").isNull();
        assertThat(inFlight.get("o-2")).as("11 s old").isNotNull();
    }

    @Test
    void anOrderStillBeingWrittenIsKeptAndSoIsEverythingAfterIt() {
        inFlight.claim("o-1", details);
        inFlight.claim("o-2", details);
        inFlight.written("o-2");

        clock.advance(Duration.ofMinutes(5));
        inFlight.claim("o-3", details);

        assertThat(inFlight.get("o-1")).isNotNull();
        assertThat(inFlight.get("o-2")).isNotNull();
        inFlight.written("o-1");
        inFlight.claim("o-4", details);
        assertThat(inFlight.get("o-1")).isNull();
        assertThat(inFlight.get("o-2")).isNull();
    }

    @Test
    void aFailedWriteIsForgottenAtOnceSoARetryCanClaimItAgain() {
        inFlight.claim("o-1", details);
        inFlight.failed("o-1", new IllegalStateException("broker away"));

        assertThat(inFlight.claim("o-1", details)).isNull();
    }
}
