package com.openfulfil.dropship.order.web;

import com.openfulfil.dropship.support.web.RateLimited;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

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
                RateLimited.write(response, "This API key", limiter.getRateLimiterConfig());
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
