package com.openfulfil.dropship.local.bench;

import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.serde.Json;
import com.openfulfil.dropship.local.DaemonThreads;
import com.openfulfil.dropship.local.demo.DemoKeys;
import com.openfulfil.dropship.local.demo.PlannedOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The load: places orders through order-service's public API on an open-loop schedule (each
 * request goes out at its planned time, answered or not: {@code sendAsync}; only a full window of
 * unanswered requests delays a send, and latency still counts from the planned time), retries a
 * request that did not get through with the same Idempotency-Key, and once an order is DELIVERED
 * confirms receipt as the storefront, or completes it as the admin for a partner order.
 */
final class LoadDriver implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LoadDriver.class);
    private static final int MAX_FINISH_ATTEMPTS = 8;
    /** About Tomcat's worker threads: more would only queue in the server and time out. */
    private static final int MAX_IN_FLIGHT = 256;
    /** A placement is retried (same Idempotency-Key, so never doubled) until it gets an answer or this passes. */
    private static final Duration PLACE_PATIENCE = Duration.ofMinutes(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final byte[] RECEIPT = Json.mapper().writeValueAsBytes(
            Map.of("rating", 5, "comment", "Arrived safely, thank you"));

    private final URI base;
    private final OrderBook book;
    private final OrderMix mix;
    /** Answers are handled in a few lines each: two threads keep up with thousands a second. */
    private final ExecutorService httpThreads = Executors.newFixedThreadPool(2, DaemonThreads.named("bench-http"));
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("bench-retry"));
    private final HttpClient http;
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final AtomicLong nextSeq = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong finishFailures = new AtomicLong();

    LoadDriver(String orderServiceUrl, OrderBook book, OrderMix mix) {
        this.base = URI.create(orderServiceUrl);
        this.book = book;
        this.mix = mix;
        // HTTP/1.1 outright: the default tries an h2c upgrade on every new connection
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(httpThreads)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /**
     * Sends the schedule's orders at their planned times and returns once the last one has been
     * sent (not answered): the returned list fills in as answers and events arrive.
     */
    List<Sent> run(int step, RateSchedule schedule) {
        List<Sent> sent = new ArrayList<>(schedule.count());
        long startNanos = System.nanoTime();
        long startMicros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        for (int i = 0; i < schedule.count(); i++) {
            long due = schedule.dueNanos(i);
            awaitNanos(startNanos + due);
            long seq = nextSeq.getAndIncrement();
            PlannedOrder order = mix.order(seq);
            Plan plan = new Plan(seq, step, order.isPartner(), mix.supplierMask(order), startMicros + due / 1000);
            Sent one = new Sent(plan);
            sent.add(one);
            // a full window delays the send, never the intended time the latency is measured from
            inFlight.acquireUninterruptibly();
            place(one, order, Json.mapper().writeValueAsBytes(order.body()), 1, Instant.now().plus(PLACE_PATIENCE));
        }
        return sent;
    }

    /** Sends {@code count} orders at once (their intended time is now): for a warm-up, not for measuring. */
    List<Sent> sendNow(int step, int count) {
        return run(step, new RateSchedule(1_000_000, count));
    }

    private static void awaitNanos(long deadline) {
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

    /** Sends one placement; the caller holds a slot of the in-flight window, which the answer frees. */
    private void place(Sent sent, PlannedOrder order, byte[] body, int attempt, Instant giveUpAt) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(order.isPartner() ? "/api/v1/partner-orders" : "/api/v1/orders"))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("X-Api-Key", order.isPartner() ? DemoKeys.PARTNER_KEY : DemoKeys.STOREFRONT_KEY)
                .header("Idempotency-Key", order.externalRef())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, error) -> {
            inFlight.release();
            int status = error == null ? response.statusCode() : 0;
            String orderId = status / 100 == 2 ? orderId(response.body()) : null;
            if (orderId != null) {
                Track track = book.track(orderId);
                track.attach(sent.plan);
                sent.accepted(track, ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now()));
                onDelivered(track); // in case DELIVERED was read before this answer
            } else if (retryable(status) && Instant.now().isBefore(giveUpAt)) {
                retried.incrementAndGet();
                later(backoff(attempt), () -> retry(sent, order, body, attempt + 1, giveUpAt));
            } else {
                sent.refused(status == 0 ? String.valueOf(error)
                        : status + " " + new String(response.body(), StandardCharsets.UTF_8));
                log.warn("Order {} refused: {}", order.externalRef(), sent.refusal());
            }
        });
    }

    /** A retry waits for a free slot without blocking the retry thread. */
    private void retry(Sent sent, PlannedOrder order, byte[] body, int attempt, Instant giveUpAt) {
        if (inFlight.tryAcquire()) {
            place(sent, order, body, attempt, giveUpAt);
        } else {
            later(Duration.ofMillis(50), () -> retry(sent, order, body, attempt, giveUpAt));
        }
    }

    /** The answer's top-level {@code orderId}, read without building the rest of the answer. */
    static String orderId(byte[] body) {
        try (JsonParser parser = Json.mapper().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                if (parser.nextToken() == JsonToken.VALUE_STRING && name.equals("orderId")) {
                    String id = parser.getString();
                    return id.isBlank() ? null : id;
                }
                parser.skipChildren();
            }
            return null;
        } catch (JacksonException e) {
            return null;
        }
    }

    /** No answer, an overloaded or restarting service: worth another try with the same key. */
    private static boolean retryable(int status) {
        return status == 0 || status == 429 || status >= 500;
    }

    /** Called for every DELIVERED read: the customer confirms receipt, or the admin completes a partner order. */
    void onDelivered(Track track) {
        Plan plan = track.plan();
        if (plan != null && track.first(OrderStatus.DELIVERED) > 0 && track.finishRequested.compareAndSet(false, true)) {
            finish(track, plan.partner(), 1);
        }
    }

    private void finish(Track track, boolean partner, int attempt) {
        HttpRequest.Builder request = partner
                ? HttpRequest.newBuilder(base.resolve("/api/v1/admin/orders/" + track.orderId + "/complete"))
                        .header("X-Api-Key", DemoKeys.ADMIN_KEY).POST(HttpRequest.BodyPublishers.noBody())
                : HttpRequest.newBuilder(base.resolve("/api/v1/orders/" + track.orderId + "/confirm-receipt"))
                        .header("X-Api-Key", DemoKeys.STOREFRONT_KEY).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(RECEIPT));
        http.sendAsync(request.timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .whenComplete((response, error) -> {
                    // the body is read only when the call failed, to say why
                    int status = error == null ? response.statusCode() : 0;
                    if (status / 100 == 2) {
                        return;
                    }
                    if (attempt < MAX_FINISH_ATTEMPTS) {
                        retried.incrementAndGet();
                        later(backoff(attempt), () -> finish(track, partner, attempt + 1));
                    } else {
                        finishFailures.incrementAndGet();
                        log.warn("Could not complete {}: {}", track.orderId, status == 0 ? error : status + " " + response.body());
                    }
                });
    }

    private void later(Duration delay, Runnable task) {
        try {
            retries.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // the bench is over
        }
    }

    static Duration backoff(int attempt) {
        return Duration.ofMillis(Math.min(100L << Math.min(attempt - 1, 6), 5000));
    }

    long retries() {
        return retried.get();
    }

    long finishFailures() {
        return finishFailures.get();
    }

    @Override
    public void close() {
        retries.shutdownNow();
        httpThreads.shutdownNow();
    }
}
