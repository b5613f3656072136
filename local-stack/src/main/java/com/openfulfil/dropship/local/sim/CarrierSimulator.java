package com.openfulfil.dropship.local.sim;

import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.Signatures;
import com.openfulfil.dropship.events.serde.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Plays the carriers: moves each parcel through INFO_RECEIVED, IN_TRANSIT, OUT_FOR_DELIVERY and
 * DELIVERED by calling tracking-service's signed webhook, one step per delay. With no delay the
 * whole journey goes in one call (the webhook takes an array, as aggregators batch). A failed call
 * is retried with backoff (at-least-once); each step keeps its event id across retries and
 * restarts, so tracking-service recognises a repeat.
 */
public final class CarrierSimulator implements SupplierSimulator.CarrierDesk, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CarrierSimulator.class);

    /** The statuses a parcel goes through, with what the carrier says at each. */
    static final List<Step> STEPS = List.of(
            new Step("INFO_RECEIVED", "Shipment information received", true),
            new Step("IN_TRANSIT", "Departed the sorting centre", true),
            new Step("OUT_FOR_DELIVERY", "Out for delivery", false),
            new Step("DELIVERED", "Delivered", false));

    record Step(String status, String message, boolean atOrigin) {
    }

    /**
     * @param trackingBaseUrl tracking-service, e.g. http://127.0.0.1:8084
     * @param secret          the HMAC secret carriers sign with
     * @param stepDelay       time between two statuses of a parcel
     * @param maxAttempts     attempts per status before the carrier gives up on it
     */
    public record Settings(URI trackingBaseUrl, String secret, Duration stepDelay, Duration firstRetry,
                           Duration maxRetry, int maxAttempts) {
    }

    private final Settings settings;
    // HTTP/1.1 outright: the default first tries an h2c upgrade on every new connection
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "carrier-simulator"));
    private volatile boolean running = true;

    public CarrierSimulator(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void handOver(Parcel parcel, Runnable onFinished) {
        if (settings.stepDelay().isZero()) {
            reportAll(parcel, Instant.now(), 1, onFinished);
        } else {
            schedule(settings.stepDelay(), () -> report(parcel, 0, Instant.now(), 1, onFinished));
        }
    }

    /** The webhook body of one status of a parcel. */
    static byte[] body(Parcel parcel, Step step, Instant time) {
        return Json.mapper().writeValueAsBytes(event(parcel, step, time));
    }

    private static Map<String, Object> event(Parcel parcel, Step step, Instant time) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", EventIds.derived(parcel.carrier(), parcel.trackingNumber(), step.status()));
        body.put("trackingNumber", parcel.trackingNumber());
        body.put("status", step.status());
        body.put("time", time.toString());
        body.put("location", step.atOrigin() ? parcel.origin() : parcel.destination());
        body.put("message", step.message());
        return body;
    }

    /**
     * Every status of a parcel as one webhook body (a JSON array), a millisecond apart so their
     * order does not rest on arrival order alone; the event ids are those of the one-by-one calls.
     */
    static byte[] journeyBody(Parcel parcel, Instant time) {
        List<Map<String, Object>> events = new ArrayList<>(STEPS.size());
        for (int i = 0; i < STEPS.size(); i++) {
            events.add(event(parcel, STEPS.get(i), time.plusMillis(i)));
        }
        return Json.mapper().writeValueAsBytes(events);
    }

    static Duration backoff(Duration first, Duration max, int attempt) {
        long millis = first.toMillis() << Math.min(attempt - 1, 20);
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }

    private void report(Parcel parcel, int stepIndex, Instant time, int attempt, Runnable onFinished) {
        Step step = STEPS.get(stepIndex);
        post(parcel, body(parcel, step, time), step.status(), attempt,
                () -> next(parcel, stepIndex, onFinished),
                () -> report(parcel, stepIndex, time, attempt + 1, onFinished), onFinished);
    }

    private void reportAll(Parcel parcel, Instant time, int attempt, Runnable onFinished) {
        post(parcel, journeyBody(parcel, time), "journey", attempt, onFinished,
                () -> reportAll(parcel, time, attempt + 1, onFinished), onFinished);
    }

    /** One signed webhook call; a failure is retried later with the same body, up to the attempt limit. */
    private void post(Parcel parcel, byte[] body, String what, int attempt, Runnable onSuccess, Runnable retry,
                      Runnable onGiveUp) {
        HttpRequest request = HttpRequest.newBuilder(webhook(parcel.carrier()))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header(Signatures.HEADER, Signatures.sign(settings.secret(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).whenComplete((response, error) -> {
            if (error == null && response.statusCode() / 100 == 2) {
                onSuccess.run();
            } else if (attempt < settings.maxAttempts()) {
                schedule(backoff(settings.firstRetry(), settings.maxRetry(), attempt), retry);
            } else {
                log.warn("Giving up on {} {} after {} attempts: {}", parcel.trackingNumber(), what, attempt,
                        error != null ? error.toString() : response.statusCode() + " " + response.body());
                onGiveUp.run();
            }
        });
    }

    private void next(Parcel parcel, int stepIndex, Runnable onFinished) {
        if (stepIndex + 1 < STEPS.size()) {
            schedule(settings.stepDelay(), () -> report(parcel, stepIndex + 1, Instant.now(), 1, onFinished));
        } else {
            onFinished.run();
        }
    }

    private URI webhook(String carrier) {
        return settings.trackingBaseUrl().resolve("/webhooks/carriers/" + carrier);
    }

    private void schedule(Duration delay, Runnable task) {
        if (!running) {
            return;
        }
        try {
            scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closed meanwhile: the unfinished parcel is picked up again after a restart
        }
    }

    @Override
    public void close() {
        running = false;
        scheduler.shutdownNow();
    }
}
