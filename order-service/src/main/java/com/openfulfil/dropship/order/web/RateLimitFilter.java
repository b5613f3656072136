package com.openfulfil.dropship.order.web;

import com.openfulfil.dropship.support.web.ApiProblem;
import com.openfulfil.dropship.support.web.ProblemResponses;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Each API key has its own request budget (resilience4j RateLimiter, config {@value #CONFIG}); a
 * caller over budget gets 429 with {@code Retry-After}, and other callers are not slowed by it.
 */
final class RateLimitFilter extends OncePerRequestFilter {
    static final String CONFIG = "api-key";
    private final RateLimiterRegistry limiters;

    RateLimitFilter(RateLimiterRegistry limiters) {
        this.limiters = limiters;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication auth) {
            Caller caller = auth.getPrincipal();
            RateLimiter limiter = limiters.rateLimiter("api-key-" + caller.kind().name().toLowerCase() + "-"
                    + caller.id(), CONFIG);
            if (!limiter.acquirePermission()) {
                long seconds = Math.max(1, (long) Math.ceil(
                        limiter.getRateLimiterConfig().getLimitRefreshPeriod().toMillis() / 1000.0));
                ProblemResponses.write(response, new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                        "Too many requests", "This API key is over its limit of "
                        + limiter.getRateLimiterConfig().getLimitForPeriod() + " requests per "
                        + limiter.getRateLimiterConfig().getLimitRefreshPeriod().toMillis() + " ms; retry after "
                        + seconds + " s.", List.of(), Map.of()), Map.of("Retry-After", Long.toString(seconds)));
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
