package com.openfulfil.dropship.gateway.connector;

import com.openfulfil.dropship.events.supplier.DispatchMessage;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.retry.Retry;

/**
 * One HTTP supplier behind resilience4j. Each attempt passes the rate limiter and the bulkhead and is
 * counted by the circuit breaker; the retry (exponential backoff) wraps them all, so a retried
 * attempt is throttled and counted like any other. An open breaker is not retried: the message is
 * held back and sent again later, never parked for the supplier being down.
 */
public final class GuardedSupplier {
    private final SupplierHttpClient client;
    private final Retry retry;
    private final CircuitBreaker breaker;
    private final RateLimiter rateLimiter;
    private final Bulkhead bulkhead;

    GuardedSupplier(SupplierHttpClient client, Retry retry, CircuitBreaker breaker, RateLimiter rateLimiter,
                    Bulkhead bulkhead) {
        this.client = client;
        this.retry = retry;
        this.breaker = breaker;
        this.rateLimiter = rateLimiter;
        this.bulkhead = bulkhead;
    }

    Delivery deliver(DispatchMessage message, byte[] json) {
        Runnable attempt = Bulkhead.decorateRunnable(bulkhead, () -> client.send(message, json));
        attempt = RateLimiter.decorateRunnable(rateLimiter, attempt);
        attempt = CircuitBreaker.decorateRunnable(breaker, attempt);
        try {
            Retry.decorateRunnable(retry, attempt).run();
            return Delivery.delivered();
        } catch (CallNotPermittedException e) {
            return Delivery.heldBack(e.getMessage());
        } catch (RuntimeException e) {
            return Delivery.parked(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /** True once the breaker lets a call through again (it is closed, or its open wait is over). */
    boolean permitsCalls() {
        if (breaker.tryAcquirePermission()) {
            breaker.releasePermission();
            return true;
        }
        return false;
    }

    CircuitBreaker breaker() {
        return breaker;
    }
}
