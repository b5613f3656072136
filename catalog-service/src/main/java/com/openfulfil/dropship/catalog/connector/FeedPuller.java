package com.openfulfil.dropship.catalog.connector;

import com.openfulfil.dropship.catalog.config.CatalogProperties;
import com.openfulfil.dropship.catalog.feed.FeedFormat;
import com.openfulfil.dropship.catalog.feed.FeedImporter;
import com.openfulfil.dropship.catalog.feed.FeedMalformedException;
import com.openfulfil.dropship.catalog.feed.FeedReport;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Fetches suppliers' feeds from their URLs (R1.1, for suppliers who publish a file rather than
 * push one) and imports them like a pushed feed. A fetch that fails is retried with exponential
 * backoff; a supplier whose pulls keep failing after their retries trips its circuit breaker and is
 * left alone until the breaker lets a trial through. Importing a feed again is harmless, so a retry after a partial
 * import is too.
 */
public class FeedPuller {
    public static final String RESILIENCE_CONFIG = "feed-pull";
    private static final Logger log = LoggerFactory.getLogger(FeedPuller.class);

    private final FeedImporter importer;
    private final CircuitBreakerRegistry breakers;
    private final RetryRegistry retries;
    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;
    private final Map<String, PullStatus> last = new ConcurrentHashMap<>();

    public FeedPuller(FeedImporter importer, CircuitBreakerRegistry breakers, RetryRegistry retries, Duration timeout,
                      Clock clock) {
        this.importer = importer;
        this.breakers = breakers;
        this.retries = retries;
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Pulls and imports one supplier's feed now; never throws: the outcome is in the status. */
    public PullStatus pull(CatalogProperties.PullFeed feed) {
        String name = "feed-pull-" + feed.supplierId();
        CircuitBreaker breaker = breakers.circuitBreaker(name, RESILIENCE_CONFIG);
        Retry retry = retries.retry(name, RESILIENCE_CONFIG);
        // the breaker counts pulls (each after its own retries), not attempts: one bad minute must not trip it
        Supplier<FeedReport> guarded = CircuitBreaker.decorateSupplier(breaker,
                Retry.decorateSupplier(retry, () -> fetchAndImport(feed)));
        PullStatus status;
        try {
            status = status(feed, PullStatus.Outcome.IMPORTED, guarded.get(), null, breaker);
        } catch (CallNotPermittedException e) {
            status = status(feed, PullStatus.Outcome.SKIPPED_CIRCUIT_OPEN, null, e.getMessage(), breaker);
        } catch (FeedMalformedException e) {
            status = status(feed, PullStatus.Outcome.MALFORMED, null, e.getMessage(), breaker);
        } catch (RuntimeException e) {
            status = status(feed, PullStatus.Outcome.FAILED, null, e.getMessage(), breaker);
        }
        last.put(feed.supplierId(), status);
        log.info("Feed pull of {}: {} {}", feed.supplierId(), status.outcome(),
                status.report() != null ? status.report() : status.error());
        return status;
    }

    public Optional<PullStatus> last(String supplierId) {
        return Optional.ofNullable(last.get(supplierId));
    }

    private FeedReport fetchAndImport(CatalogProperties.PullFeed feed) {
        FeedFormat format = FeedFormat.of(feed.format()).orElseThrow(() ->
                new IllegalArgumentException("Feed format must be csv or json: " + feed.format()));
        HttpResponse<InputStream> response;
        try {
            response = http.send(HttpRequest.newBuilder(feed.url()).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new FeedUnavailableException("Could not fetch " + feed.url() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedUnavailableException("Interrupted while fetching " + feed.url(), e);
        }
        int code = response.statusCode();
        if (code >= 500 || code == 429) {
            close(response.body());
            throw new FeedUnavailableException(feed.url() + " answered " + code, null);
        }
        if (code != 200) {
            close(response.body());
            throw new IllegalStateException(feed.url() + " answered " + code + ": check the configured URL");
        }
        return importer.importFeed(feed.supplierId(), format.open(response.body()));
    }

    private PullStatus status(CatalogProperties.PullFeed feed, PullStatus.Outcome outcome, FeedReport report,
                              String error, CircuitBreaker breaker) {
        return new PullStatus(feed.supplierId(), feed.url(), clock.instant(), outcome, report, error,
                breaker.getState().name());
    }

    private static void close(InputStream body) {
        try {
            body.close();
        } catch (IOException e) {
            log.debug("Could not close a feed response", e);
        }
    }
}
