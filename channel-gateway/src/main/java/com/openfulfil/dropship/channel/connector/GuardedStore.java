package com.openfulfil.dropship.channel.connector;

import com.openfulfil.dropship.channel.config.ChannelProperties;
import com.openfulfil.dropship.channel.domain.OutboundCall;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * One store behind resilience4j: each attempt waits for the store's rate limiter and is counted by
 * its circuit breaker. An outbound call is one attempt ({@link #send}): a store unavailable (5xx, a
 * timeout, a 429), whose breaker is open, or whose rate limiter has no permit for the call within its wait
 * holds the call back, with the store's {@code Retry-After} if it gave one, and the connector tries it again
 * later without holding up other stores' calls; only a refusal parks it. Each attempt runs on the store's own
 * thread ({@link #start}), one at a time, so a store slow to answer (or a wait for its rate limiter) holds that
 * thread alone. {@link #guarded} with a retry serves the Amazon poller, which backs off in place.
 */
final class GuardedStore implements AutoCloseable {
    enum Outcome { DONE, HELD_BACK, PARKED }

    /** @param retryAfter how long the store asked us to wait before the next attempt, if it did */
    record Result(Outcome outcome, String problem, Optional<Duration> retryAfter) {
        Result(Outcome outcome, String problem) {
            this(outcome, problem, Optional.empty());
        }
    }

    private final ChannelClient client;
    private final CircuitBreaker breaker;
    private final RateLimiter rateLimiter;
    /** The store's calls, one at a time, in the order they are started. */
    private final ExecutorService calls;

    GuardedStore(String storeId, ChannelClient client, CircuitBreaker breaker, RateLimiter rateLimiter) {
        this.client = client;
        this.breaker = breaker;
        this.rateLimiter = rateLimiter;
        this.calls = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "channel-store-" + storeId);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** {@link #send} on the store's own thread, after the attempts started before it. */
    Future<Result> start(OutboundCall call) {
        return calls.submit(() -> send(call));
    }

    @Override
    public void close() {
        calls.shutdownNow();
    }

    /** One call through the rate limiter and the breaker, retried as {@code retry} says. */
    static <T> T guarded(Retry retry, CircuitBreaker breaker, RateLimiter rateLimiter, Supplier<T> call) {
        Supplier<T> attempt = RateLimiter.decorateSupplier(rateLimiter, call);
        attempt = CircuitBreaker.decorateSupplier(breaker, attempt);
        return Retry.decorateSupplier(retry, attempt).get();
    }

    /** Backoff doubling from {@code firstBackoff} to {@code maxBackoff}, or the store's Retry-After. */
    static RetryConfig retryConfig(ChannelProperties.Outbound outbound) {
        IntervalBiFunction<Object> interval = (attempt, outcome) -> {
            if (outcome.isLeft() && outcome.getLeft() instanceof ChannelUnavailableException unavailable
                    && unavailable.retryAfter().isPresent()) {
                return unavailable.retryAfter().get().toMillis();
            }
            long wait = outbound.firstBackoff().toMillis() * (1L << Math.min(20, Math.max(0, attempt - 1)));
            return Math.min(wait, outbound.maxBackoff().toMillis());
        };
        return RetryConfig.custom().maxAttempts(Math.max(1, outbound.maxAttempts()))
                .retryExceptions(ChannelUnavailableException.class)
                .ignoreExceptions(ChannelRefusedException.class, CallNotPermittedException.class)
                .intervalBiFunction(interval).build();
    }

    /** One attempt, through the store's rate limiter and breaker: done, held back (to be tried again) or parked. */
    Result send(OutboundCall call) {
        try {
            CircuitBreaker.decorateSupplier(breaker, RateLimiter.decorateSupplier(rateLimiter, () -> {
                client.send(call);
                return null;
            })).get();
            return new Result(Outcome.DONE, null);
        } catch (ChannelUnavailableException e) {
            return new Result(Outcome.HELD_BACK, e.getMessage(), e.retryAfter());
        } catch (CallNotPermittedException e) {
            return new Result(Outcome.HELD_BACK, e.getMessage());
        } catch (RequestNotPermitted e) {
            // our own allowance of the store's calls is spent for now: the call waits its turn, never parked
            return new Result(Outcome.HELD_BACK, e.getMessage());
        } catch (RuntimeException e) {
            return new Result(Outcome.PARKED, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }
}
