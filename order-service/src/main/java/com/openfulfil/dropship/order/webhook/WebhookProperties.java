package com.openfulfil.dropship.order.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How order-service delivers storefronts' status webhooks.
 *
 * @param retryInitial   the wait after the first failed delivery; each further failure doubles it
 * @param retryMax       the longest wait between two attempts; deliveries are retried until they succeed
 * @param connectTimeout how long to wait for the storefront's server to accept a connection
 * @param requestTimeout how long to wait for its answer
 * @param maxPerPoll     status changes fetched from Kafka at a time, each delivered before the next fetch
 */
@ConfigurationProperties("dropship.order.webhooks")
public record WebhookProperties(@DefaultValue("1s") Duration retryInitial, @DefaultValue("5m") Duration retryMax,
                                @DefaultValue("5s") Duration connectTimeout,
                                @DefaultValue("10s") Duration requestTimeout,
                                @DefaultValue("20") int maxPerPoll) {

    /** The wait before attempt {@code failures + 1}: doubling from {@code retryInitial}, never above {@code retryMax}. */
    public Duration backoff(int failures) {
        if (failures <= 0) {
            return Duration.ZERO;
        }
        Duration wait = retryInitial;
        for (int i = 1; i < failures && wait.compareTo(retryMax) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(retryMax) > 0 ? retryMax : wait;
    }
}
