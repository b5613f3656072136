package com.openfulfil.dropship.support.web;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** The 429 a caller over its rate limit gets: problem details stating the limit, and when to retry. */
public final class RateLimited {
    private RateLimited() {
    }

    /** @param who whose limit it is, as the answer names it ("This API key", "This address") */
    public static void write(HttpServletResponse response, String who, RateLimiterConfig limit) throws IOException {
        long seconds = Math.max(1, (long) Math.ceil(limit.getLimitRefreshPeriod().toMillis() / 1000.0));
        ProblemResponses.write(response, new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                "Too many requests", who + " is over its limit of " + limit.getLimitForPeriod() + " requests per "
                + limit.getLimitRefreshPeriod().toMillis() + " ms; retry after " + seconds + " s.", List.of(),
                Map.of()), Map.of("Retry-After", Long.toString(seconds)));
    }
}
