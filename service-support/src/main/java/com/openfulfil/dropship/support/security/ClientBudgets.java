package com.openfulfil.dropship.support.security;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import com.openfulfil.dropship.support.web.RateLimited;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What anyone may send without credentials (a partner application, a signed webhook before its
 * signature is checked) has a budget per client address: a resilience4j rate limiter per address,
 * configured as the registry's config of the budget's name
 * ({@code resilience4j.ratelimiter.configs.<budget>.*}). A client over budget is refused with 429
 * and {@code Retry-After}; other clients are not slowed by it.
 *
 * <p>The limiters live here, not in the registry: at most {@code maxClients} addresses are remembered,
 * the least recently seen forgotten first, so a flood from many addresses cannot fill the memory.
 * An IPv6 client is its /64 network, since one host can use a whole /64. Behind a proxy the client's
 * address is the proxy's unless the server trusts its {@code X-Forwarded-For}
 * ({@code server.forward-headers-strategy=native}).
 */
public final class ClientBudgets {
    private static final RateLimiterConfig FALLBACK = RateLimiterConfig.custom().limitForPeriod(50)
            .limitRefreshPeriod(Duration.ofSeconds(1)).timeoutDuration(Duration.ZERO).build();

    private final RateLimiterRegistry registry;
    private final Map<String, RateLimiter> limiters;

    public ClientBudgets(RateLimiterRegistry registry, int maxClients) {
        this.registry = registry;
        this.limiters = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, RateLimiter> eldest) {
                return size() > maxClients;
            }
        };
    }

    /**
     * Lets the request through when the public route it is for has no budget (a read), or its client
     * has some left; otherwise answers 429 and returns false.
     */
    public boolean admit(Optional<PublicRoutes.Route> route, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Optional<String> budget = route.flatMap(PublicRoutes.Route::budgetName);
        if (budget.isEmpty() || spend(budget.get(), request.getRemoteAddr())) {
            return true;
        }
        RateLimited.write(response, "This address", config(budget.get()));
        return false;
    }

    boolean spend(String budget, String clientAddress) {
        return limiter(budget, client(clientAddress)).acquirePermission();
    }

    /** The limit of a budget, as a refusal states it; a budget not configured is {@value PublicRoutes#PUBLIC_POST}'s. */
    public RateLimiterConfig config(String budget) {
        return registry.getConfiguration(budget).or(() -> registry.getConfiguration(PublicRoutes.PUBLIC_POST))
                .orElse(FALLBACK);
    }

    private RateLimiter limiter(String budget, String client) {
        synchronized (limiters) {
            return limiters.computeIfAbsent(budget + " " + client,
                    name -> RateLimiter.of(name, config(budget)));
        }
    }

    /** The address a budget belongs to: the IPv4 address, or the /64 network of an IPv6 one. */
    static String client(String address) {
        if (address == null || !address.contains(":")) {
            return String.valueOf(address);
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length != 16) {
                return address;
            }
            Arrays.fill(bytes, 8, 16, (byte) 0);
            return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            // a literal address never needs a lookup; anything else is kept as it came
            return address;
        }
    }
}
