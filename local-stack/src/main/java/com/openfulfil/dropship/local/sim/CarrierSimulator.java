package com.openfulfil.dropship.local.sim;

import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.Signatures;
import com.openfulfil.dropship.events.serde.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Plays the carriers: moves each parcel through INFO_RECEIVED, IN_TRANSIT, OUT_FOR_DELIVERY and
 * DELIVERED by calling tracking-service's signed webhook, one step per delay, or, for the carriers
 * that offer only a query API ({@link CarrierQueryApi}), by adding each step to what that API answers
 * for the parcel, for tracking-service to poll. With no delay a carrier posts the whole journey of
 * every parcel handed to it within a few milliseconds in one call (the webhook takes an array of
 * events of any parcels, as aggregators batch). A failed call is retried with backoff
 * (at-least-once); each step keeps its event id across retries and restarts, so tracking-service
 * recognises a repeat.
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

    /** How long parcels handed over with no delay wait for others of the same carrier to share their call. */
    static final Duration BATCH_WINDOW = Duration.ofMillis(5);
    /** Parcels per call at most: tracking-service takes up to 1,000 events in one webhook call. */
    static final int MAX_PARCELS_PER_CALL = 1_000 / STEPS.size();

    /** A parcel waiting for its carrier's next call, and what to run once the call went through. */
    private record Waiting(Parcel parcel, Runnable onFinished) {
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
    private final CarrierQueryApi queryApi;
    private final Duration batchWindow;
    // HTTP/1.1 outright: the default first tries an h2c upgrade on every new connection
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "carrier-simulator"));
    /** Parcels waiting for their carrier's next call (no delay only), by carrier; guarded by itself. */
    private final Map<String, List<Waiting>> waiting = new HashMap<>();
    private volatile boolean running = true;

    public CarrierSimulator(Settings settings) {
        this(settings, null);
    }

    /** @param queryApi where the carriers it serves publish their parcels' checkpoints instead of posting them */
    public CarrierSimulator(Settings settings, CarrierQueryApi queryApi) {
        this(settings, queryApi, BATCH_WINDOW);
    }

    /** @param batchWindow how long a parcel handed over with no delay waits for others to share its call */
    CarrierSimulator(Settings settings, CarrierQueryApi queryApi, Duration batchWindow) {
        this.settings = settings;
        this.queryApi = queryApi;
        this.batchWindow = batchWindow;
    }

    @Override
    public void handOver(Parcel parcel, Runnable onFinished) {
        if (queryApi != null && queryApi.serves(parcel.carrier())) {
            answerQueries(parcel, onFinished);
        } else if (settings.stepDelay().isZero()) {
            batch(new Waiting(parcel, onFinished));
        } else {
            schedule(settings.stepDelay(), () -> report(parcel, 0, Instant.now(), 1, onFinished));
        }
    }

    /** The webhook body of one status of a parcel. */
    static byte[] body(Parcel parcel, Step step, Instant time) {
        return Json.mapper().writeValueAsBytes(event(parcel, step, time));
    }

    /**
     * Every status of each parcel as one webhook body (a JSON array, parcel after parcel), a
     * millisecond apart so their order does not rest on arrival order alone; the event ids are
     * those of the one-by-one calls. Written field by field: no map per event.
     */
    static byte[] journeysBody(List<Parcel> parcels, Instant time) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * STEPS.size() * parcels.size());
        try (JsonGenerator json = Json.mapper().createGenerator(out)) {
            json.writeStartArray();
            for (Parcel parcel : parcels) {
                for (int i = 0; i < STEPS.size(); i++) {
                    Step step = STEPS.get(i);
                    json.writeStartObject();
                    json.writeStringProperty("eventId", EventIds.derived(parcel.carrier(), parcel.trackingNumber(),
                            step.status()));
                    json.writeStringProperty("trackingNumber", parcel.trackingNumber());
                    json.writeStringProperty("status", step.status());
                    json.writeStringProperty("time", time.plusMillis(i).toString());
                    json.writeStringProperty("location", step.atOrigin() ? parcel.origin() : parcel.destination());
                    json.writeStringProperty("message", step.message());
                    json.writeEndObject();
                }
            }
            json.writeEndArray();
        }
        return out.toByteArray();
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

    /** Every status of a parcel as one webhook body, as {@link #journeysBody} writes it. */
    static byte[] journeyBody(Parcel parcel, Instant time) {
        return journeysBody(List.of(parcel), time);
    }

    private static List<Map<String, Object>> journey(Parcel parcel, Instant time) {
        List<Map<String, Object>> events = new ArrayList<>(STEPS.size());
        for (int i = 0; i < STEPS.size(); i++) {
            events.add(event(parcel, STEPS.get(i), time.plusMillis(i)));
        }
        return events;
    }

    /**
     * A carrier with only a query API: each status is added to what the API answers for the parcel,
     * one step per delay (all at once with no delay), and the parcel is done once it shows delivered.
     */
    private void answerQueries(Parcel parcel, Runnable onFinished) {
        if (settings.stepDelay().isZero()) {
            journey(parcel, Instant.now()).forEach(event -> queryApi.add(parcel, event));
            onFinished.run();
        } else {
            schedule(settings.stepDelay(), () -> answerStep(parcel, 0, onFinished));
        }
    }

    private void answerStep(Parcel parcel, int stepIndex, Runnable onFinished) {
        queryApi.add(parcel, event(parcel, STEPS.get(stepIndex), Instant.now()));
        if (stepIndex + 1 < STEPS.size()) {
            schedule(settings.stepDelay(), () -> answerStep(parcel, stepIndex + 1, onFinished));
        } else {
            onFinished.run();
        }
    }

    static Duration backoff(Duration first, Duration max, int attempt) {
        long millis = first.toMillis() << Math.min(attempt - 1, 20);
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }

    private void report(Parcel parcel, int stepIndex, Instant time, int attempt, Runnable onFinished) {
        Step step = STEPS.get(stepIndex);
        post(parcel.carrier(), body(parcel, step, time), parcel.trackingNumber() + " " + step.status(), attempt,
                () -> next(parcel, stepIndex, onFinished),
                () -> report(parcel, stepIndex, time, attempt + 1, onFinished), onFinished);
    }

    /**
     * Adds a parcel to its carrier's next call: the first parcel of a call starts the batch window,
     * and a full call goes at once.
     */
    private void batch(Waiting parcel) {
        String carrier = parcel.parcel().carrier();
        List<Waiting> full = null;
        synchronized (waiting) {
            List<Waiting> call = waiting.computeIfAbsent(carrier, c -> new ArrayList<>());
            call.add(parcel);
            if (call.size() >= MAX_PARCELS_PER_CALL) {
                full = waiting.remove(carrier);
            } else if (call.size() == 1) {
                schedule(batchWindow, () -> flush(carrier));
            }
        }
        if (full != null) {
            reportAll(carrier, full);
        }
    }

    private void flush(String carrier) {
        List<Waiting> call;
        synchronized (waiting) {
            call = waiting.remove(carrier);
        }
        if (call != null) {
            reportAll(carrier, call);
        }
    }

    /** One call with the whole journey of every parcel; each is finished once it went through (or was given up). */
    private void reportAll(String carrier, List<Waiting> parcels) {
        byte[] body = journeysBody(parcels.stream().map(Waiting::parcel).toList(), Instant.now());
        Runnable finished = () -> parcels.forEach(w -> w.onFinished().run());
        String what = parcels.size() == 1 ? parcels.get(0).parcel().trackingNumber() + " journey"
                : parcels.size() + " parcels' journeys";
        postAll(carrier, body, what, 1, finished);
    }

    private void postAll(String carrier, byte[] body, String what, int attempt, Runnable finished) {
        post(carrier, body, what, attempt, finished, () -> postAll(carrier, body, what, attempt + 1, finished), finished);
    }

    /** One signed webhook call; a failure is retried later with the same body, up to the attempt limit. */
    private void post(String carrier, byte[] body, String what, int attempt, Runnable onSuccess, Runnable retry,
                      Runnable onGiveUp) {
        HttpRequest request = HttpRequest.newBuilder(webhook(carrier))
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
                log.warn("Giving up on {} of {} after {} attempts: {}", what, carrier, attempt,
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
