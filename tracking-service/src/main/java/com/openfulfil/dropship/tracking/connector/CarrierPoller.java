package com.openfulfil.dropship.tracking.connector;

import com.openfulfil.dropship.events.model.CarrierChannel;
import com.openfulfil.dropship.events.tracking.CarrierCheckpoint;
import com.openfulfil.dropship.support.web.ApiProblem;
import com.openfulfil.dropship.tracking.config.TrackingProperties.Polling;
import com.openfulfil.dropship.tracking.web.CarrierWebhookReader;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Asks the query API of carriers that post no webhooks about each parcel of theirs still on its
 * way, and hands what they answer (the webhook's event format) to the same pipeline as a webhook.
 * A failed query is retried with backoff; a carrier whose queries keep failing trips its circuit
 * breaker and is left alone until a trial call gets through. Answers repeat earlier checkpoints
 * freely: only checkpoints not handed on before go on (remembered per parcel while it is on its
 * way, so the memory stays as small as the parcels followed); after a restart the first round hands
 * on everything again, and the parcel drops the event ids it has seen.
 */
public class CarrierPoller {
    public static final String RESILIENCE_CONFIG = "carrier-poll";
    private static final Logger log = LoggerFactory.getLogger(CarrierPoller.class);

    /** What one round of polling a carrier did: {@code checkpoints} counts those handed on, new ones only. */
    public record Round(int parcels, int checkpoints, int failed, boolean skipped) {
    }

    private final CarrierAdapters adapters;
    private final Function<String, List<String>> parcelsOnTheirWay;
    private final Consumer<List<CarrierCheckpoint>> sink;
    private final CircuitBreakerRegistry breakers;
    private final RetryRegistry retries;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient http;
    /** Per carrier, per parcel on its way: the event ids already handed on. */
    private final Map<String, Map<String, Set<String>>> handedOn = new ConcurrentHashMap<>();

    /**
     * @param parcelsOnTheirWay the tracking numbers of a carrier this instance follows and that are not final yet
     * @param sink              where the checkpoints go (the carrier events topic)
     */
    public CarrierPoller(CarrierAdapters adapters, Function<String, List<String>> parcelsOnTheirWay,
                         Consumer<List<CarrierCheckpoint>> sink, CircuitBreakerRegistry breakers, RetryRegistry retries,
                         Duration timeout, Clock clock) {
        this.adapters = adapters;
        this.parcelsOnTheirWay = parcelsOnTheirWay;
        this.sink = sink;
        this.breakers = breakers;
        this.retries = retries;
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** One round over the carrier's parcels; never throws, so the schedule goes on. */
    public Round poll(Polling carrier) {
        CircuitBreaker breaker = breakers.circuitBreaker("carrier-poll-" + carrier.carrier(), RESILIENCE_CONFIG);
        Retry retry = retries.retry("carrier-poll-" + carrier.carrier(), RESILIENCE_CONFIG);
        List<String> trackingNumbers;
        try {
            trackingNumbers = parcelsOnTheirWay.apply(carrier.carrier());
        } catch (RuntimeException e) {
            log.info("Parcels of {} cannot be listed now ({}); next round", carrier.carrier(), e.getMessage());
            return new Round(0, 0, 0, true);
        }
        int checkpoints = 0;
        int failed = 0;
        Map<String, Set<String>> seen = handedOn.computeIfAbsent(carrier.carrier(), c -> new ConcurrentHashMap<>());
        // a parcel that is final, or no longer this instance's, is forgotten
        seen.keySet().retainAll(Set.copyOf(trackingNumbers));
        for (String trackingNumber : trackingNumbers) {
            try {
                byte[] answer = breaker.executeSupplier(Retry.decorateSupplier(retry, () -> query(carrier, trackingNumber)));
                Set<String> before = seen.computeIfAbsent(trackingNumber, t -> ConcurrentHashMap.newKeySet());
                List<CarrierCheckpoint> fresh = read(carrier, trackingNumber, answer).stream()
                        .filter(c -> !before.contains(c.eventId())).toList();
                if (!fresh.isEmpty()) {
                    sink.accept(fresh);
                    fresh.forEach(c -> before.add(c.eventId()));
                }
                checkpoints += fresh.size();
            } catch (CallNotPermittedException e) {
                log.warn("Carrier {} is failing: its queries are paused ({})", carrier.carrier(), e.getMessage());
                return new Round(trackingNumbers.size(), checkpoints, failed, true);
            } catch (ApiProblem e) {
                failed++;
                log.warn("Carrier {} answered for {} in a form we cannot read: {}", carrier.carrier(), trackingNumber,
                        e.getMessage());
            } catch (RuntimeException e) {
                failed++;
                log.warn("Carrier {} query for {} failed: {}", carrier.carrier(), trackingNumber, e.getMessage());
            }
        }
        return new Round(trackingNumbers.size(), checkpoints, failed, false);
    }

    /** The answer's checkpoints of this parcel; nothing when the carrier has nothing yet. */
    private List<CarrierCheckpoint> read(Polling carrier, String trackingNumber, byte[] answer) {
        String text = new String(answer, StandardCharsets.UTF_8).strip();
        if (text.isEmpty() || text.equals("[]")) {
            return List.of();
        }
        return CarrierWebhookReader.read(carrier.carrier(), answer, adapters.forCarrier(carrier.carrier()),
                clock.instant(), CarrierChannel.POLLING).stream().filter(c -> c.trackingNumber().equals(trackingNumber)).toList();
    }

    private byte[] query(Polling carrier, String trackingNumber) {
        URI uri = URI.create(carrier.url().replace("{trackingNumber}",
                URLEncoder.encode(trackingNumber, StandardCharsets.UTF_8)));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
        if (carrier.apiKey() != null) {
            request.header("Authorization", "Bearer " + carrier.apiKey());
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new CarrierUnavailableException(uri.getHost() + " unreachable: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CarrierUnavailableException("interrupted while asking " + uri.getHost());
        }
        if (response.statusCode() >= 500 || response.statusCode() == 429) {
            throw new CarrierUnavailableException(uri.getHost() + " answered " + response.statusCode());
        }
        if (response.statusCode() == 404 || response.statusCode() == 204) {
            return new byte[0]; // the carrier has nothing on this parcel yet
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri.getHost() + " answered " + response.statusCode()
                    + ": check the configured URL and API key");
        }
        return response.body();
    }
}
