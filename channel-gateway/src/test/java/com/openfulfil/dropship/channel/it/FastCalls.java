package com.openfulfil.dropship.channel.it;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The ITs' settings for calls to the stores: short backoffs and waits so a test sees several rounds of
 * retries in seconds, a breaker that never opens (the stores' own answers are under test) and rate
 * limits out of the way.
 */
final class FastCalls {
    private FastCalls() {
    }

    static void register(DynamicPropertyRegistry registry, String... rateLimiterConfigs) {
        registry.add("dropship.channels.outbound.max-attempts", () -> "3");
        registry.add("dropship.channels.outbound.first-backoff", () -> "20ms");
        registry.add("dropship.channels.outbound.held-back-for", () -> "200ms");
        registry.add("resilience4j.circuitbreaker.configs.channel.minimum-number-of-calls", () -> "1000");
        for (String config : rateLimiterConfigs) {
            registry.add("resilience4j.ratelimiter.configs." + config + ".limit-for-period", () -> "1000");
        }
    }
}
