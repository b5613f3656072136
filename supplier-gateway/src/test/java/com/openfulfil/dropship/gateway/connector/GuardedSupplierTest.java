package com.openfulfil.dropship.gateway.connector;

import com.openfulfil.dropship.events.supplier.DispatchRequested;
import com.openfulfil.dropship.gateway.Allocations;
import com.openfulfil.dropship.gateway.config.GatewayProperties;
import com.openfulfil.dropship.gateway.domain.OrderDispatches;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.support.testing.MovableClock;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static com.openfulfil.dropship.gateway.connector.FakeHttpSupplier.Answer.ERROR;
import static com.openfulfil.dropship.gateway.connector.FakeHttpSupplier.Answer.REFUSE;
import static com.openfulfil.dropship.gateway.connector.FakeHttpSupplier.Answer.SLOW;
import static org.assertj.core.api.Assertions.assertThat;

class GuardedSupplierTest {
    private static final String SECRET = "ss_test_osaka";
    private static final Duration OPEN_FOR = Duration.ofSeconds(30);

    private final FakeHttpSupplier fake = new FakeHttpSupplier(SECRET);
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-02T09:00:00Z"));
    private final CircuitBreaker breaker = CircuitBreaker.of("supplier-osaka-parts", CircuitBreakerConfig.custom()
            .slidingWindowSize(4).minimumNumberOfCalls(4).failureRateThreshold(50)
            .waitDurationInOpenState(OPEN_FOR).permittedNumberOfCallsInHalfOpenState(1)
            .ignoreExceptions(SupplierRefusedException.class).clock(clock).build());
    private final GuardedSupplier guarded = new GuardedSupplier(
            new SupplierHttpClient(new GatewayProperties.Supplier("osaka-parts", "Osaka Parts",
                    GatewayProperties.Transport.HTTP, SECRET,
                    new GatewayProperties.Http(fake.baseUrl(), Duration.ofMillis(300)))),
            Retry.of("supplier-osaka-parts", RetryConfig.custom().maxAttempts(4)
                    .intervalFunction(IntervalFunction.ofExponentialBackoff(Duration.ofMillis(5), 2))
                    .ignoreExceptions(CallNotPermittedException.class, SupplierRefusedException.class).build()),
            breaker,
            RateLimiter.of("supplier-osaka-parts", RateLimiterConfig.custom().limitForPeriod(100)
                    .limitRefreshPeriod(Duration.ofSeconds(1)).timeoutDuration(Duration.ofSeconds(1)).build()),
            Bulkhead.of("supplier-osaka-parts", BulkheadConfig.custom().maxConcurrentCalls(2).build()));

    GuardedSupplierTest() throws IOException {
    }

    @AfterEach
    void close() {
        fake.close();
    }

    @Test
    void aDispatchRetriedThroughA500AndATimeoutIsTakenOnceUnderOneIdempotencyKey() {
        fake.answerEachNewKey(ERROR, SLOW);
        DispatchRequested dispatch = dispatch("o-1");

        Delivery delivery = guarded.deliver(dispatch, json(dispatch));

        assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.DELIVERED);
        assertThat(fake.calls()).containsExactly(dispatch.dispatchId(), dispatch.dispatchId(), dispatch.dispatchId());
        assertThat(fake.taken()).containsExactly(dispatch.dispatchId());
        assertThat(fake.badSignatures()).isEmpty();
    }

    @Test
    void aSupplierThatKeepsFailingGetsTheDispatchParkedAfterTheLastAttempt() {
        fake.answerEachNewKey(ERROR, ERROR, ERROR, ERROR, ERROR);

        Delivery delivery = guarded.deliver(dispatch("o-2"), json(dispatch("o-2")));

        assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.PARKED);
        assertThat(delivery.problem()).hasValueSatisfying(p -> assertThat(p).contains("500"));
        assertThat(fake.calls()).hasSize(4);
        assertThat(fake.taken()).isEmpty();
    }

    @Test
    void aDispatchTheSupplierRefusesIsParkedWithoutRetrying() {
        fake.answerEachNewKey(REFUSE);

        assertThat(guarded.deliver(dispatch("o-3"), json(dispatch("o-3"))).outcome())
                .isEqualTo(Delivery.Outcome.PARKED);
        assertThat(fake.calls()).hasSize(1);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void theCircuitBreakerOpensOnAFailingSupplierHoldsDispatchesBackAndClosesOnceItRecovers() {
        fake.down(true);
        assertThat(guarded.deliver(dispatch("o-4"), json(dispatch("o-4"))).outcome())
                .as("four failed attempts: parked, and the breaker is open").isEqualTo(Delivery.Outcome.PARKED);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        int callsWhenOpened = fake.calls().size();

        assertThat(guarded.deliver(dispatch("o-5"), json(dispatch("o-5"))).outcome())
                .isEqualTo(Delivery.Outcome.HELD_BACK);
        assertThat(fake.calls()).as("an open breaker calls nobody").hasSize(callsWhenOpened);
        assertThat(guarded.permitsCalls()).isFalse();

        fake.down(false);
        clock.advance(OPEN_FOR.plusSeconds(1));
        assertThat(guarded.permitsCalls()).isTrue();
        assertThat(guarded.deliver(dispatch("o-5"), json(dispatch("o-5"))).outcome())
                .isEqualTo(Delivery.Outcome.DELIVERED);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(fake.taken()).containsExactly(dispatch("o-5").dispatchId());
    }

    private static DispatchRequested dispatch(String orderId) {
        return (DispatchRequested) OrderDispatches.allocate(Allocations.anAllocation(orderId)
                        .line("BOLT-001", 2, "osaka-parts", "OS-BOLT-001", "0.40").build(), Set.of("osaka-parts"),
                null, Instant.parse("2026-11-02T09:00:00Z")).events().get(0);
    }

    private static byte[] json(DispatchRequested dispatch) {
        return new EventSerde().serialize("supplier.osaka-parts.dispatch", dispatch);
    }
}
