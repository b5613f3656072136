package com.openfulfil.dropship.local.chaos;

import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.local.DaemonThreads;
import com.openfulfil.dropship.local.demo.DemoDriver;
import com.openfulfil.dropship.local.demo.OrderApi;
import com.openfulfil.dropship.local.demo.OrderWatcher;
import com.openfulfil.dropship.local.demo.PlannedOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A steady stream of demo orders through order-service's public API while faults come and go.
 * A POST that gets no answer, a 5xx or a 429 is sent again, with the same body and the same
 * Idempotency-Key, until it is accepted or {@code retryFor} has passed, so an order is neither
 * lost nor doubled by the client. Each order is confirmed (storefront) or completed (admin) once
 * {@code orders.lifecycle} says it is DELIVERED, with the same retries.
 */
final class LoadDriver implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LoadDriver.class);
    private static final String PRICE_RULE = "Selling price cannot be lower than the product's price";
    private static final int MAX_BODY = 300;

    /**
     * @param warmUp   from the start, how long 401/403/422 are taken for "not caught up yet" (the demo
     *                 partner and catalog reach order-service's tables a moment after it is healthy)
     * @param retryFor how long one order's POST (or its confirmation) is retried
     */
    record Settings(double ordersPerSecond, Duration warmUp, Duration retryFor) {
    }

    private final OrderApi api;
    private final OrderWatcher watcher;
    private final List<PlannedOrder> plan;
    private final Settings settings;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("chaos-load-ticker"));
    private final ScheduledExecutorService workers = Executors.newScheduledThreadPool(6, DaemonThreads.named("chaos-load"));
    private final List<Tracked> orders = new CopyOnWriteArrayList<>();
    private final Map<String, Tracked> byOrderId = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();
    private volatile Instant started;

    LoadDriver(OrderApi api, OrderWatcher watcher, List<PlannedOrder> plan, Settings settings) {
        this.api = api;
        this.watcher = watcher;
        this.plan = List.copyOf(plan);
        this.settings = settings;
    }

    void start() {
        started = Instant.now();
        watcher.addListener(this::onStatus);
        long periodMicros = Math.max(1, Math.round(1_000_000 / settings.ordersPerSecond()));
        ticker.scheduleAtFixedRate(this::placeNext, 0, periodMicros, TimeUnit.MICROSECONDS);
    }

    /** No new orders from now on; orders already started keep being retried and finished. */
    void stopPlacing() {
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every order so far, as it stands now. */
    List<LoadOrder> orders() {
        return orders.stream().map(Tracked::snapshot).toList();
    }

    int inFlight(Instant at) {
        return (int) orders().stream().filter(o -> o.inFlightAt(at)).count();
    }

    /** Whether every order started so far was refused or has reached a final status. */
    boolean allSettled() {
        return orders.stream().allMatch(t -> t.refusal != null || t.finishedAt != null);
    }

    private void placeNext() {
        int i = next.getAndIncrement();
        if (i >= plan.size()) {
            ticker.shutdown();
            return;
        }
        Tracked order = new Tracked(plan.get(i), Instant.now());
        orders.add(order);
        submit(() -> place(order), Duration.ZERO);
    }

    private void place(Tracked order) {
        OrderApi.Response response = api.place(order.plan);
        int attempt = order.attempts.incrementAndGet();
        String orderId = response.isSuccess() ? response.json().path("orderId").asString("") : "";
        if (!orderId.isBlank()) {
            order.accepted(orderId);
            byOrderId.put(orderId, order);
            watcher.status(orderId).ifPresent(status -> onStatus(orderId, status));
        } else if (retryable(response, order.firstAttemptAt, true)) {
            submit(() -> place(order), backoff(attempt));
        } else {
            order.refusal = describe(response) + " after " + attempt + " attempt(s)";
            log.warn("Order {} refused: {}", order.plan.externalRef(), order.refusal);
        }
    }

    private void onStatus(String orderId, OrderStatus status) {
        Tracked order = byOrderId.get(orderId);
        if (order == null) {
            return;
        }
        order.lastSeen = status;
        order.steps.add(Instant.now());
        if (status == OrderStatus.DELIVERED && order.actedOn.compareAndSet(false, true)) {
            Instant since = Instant.now();
            submit(() -> finish(order, since, 1), Duration.ZERO);
        }
        if (DemoDriver.FINAL.contains(status) && order.finishedAt == null) {
            order.finishedAt = Instant.now();
        }
    }

    /** What the customer (storefront order) or the admin (partner order) does once the parcel is delivered. */
    private void finish(Tracked order, Instant since, int attempt) {
        OrderApi.Response response = order.plan.isPartner()
                ? api.adminComplete(order.orderId) : api.confirmReceipt(order.orderId);
        if (response.isSuccess() || order.finishedAt != null) {
            return;
        }
        // 404 and 409 too: a store that was just restored may be a moment behind orders.lifecycle
        boolean behind = response.status() == 404 || response.status() == 409;
        if (behind || retryable(response, since, false)) {
            if (Instant.now().isBefore(since.plus(settings.retryFor()))) {
                submit(() -> finish(order, since, attempt + 1), backoff(attempt));
                return;
            }
        }
        order.finishProblem = describe(response) + " after " + attempt + " attempt(s)";
        log.warn("Could not finish {}: {}", order.orderId, order.finishProblem);
    }

    private boolean retryable(OrderApi.Response response, Instant since, boolean placing) {
        Instant now = Instant.now();
        if (now.isAfter(since.plus(settings.retryFor()))) {
            return false;
        }
        int status = response.status();
        boolean unavailable = status == 0 || status >= 500 || status == 429;
        boolean warmingUp = placing && now.isBefore(started.plus(settings.warmUp())) && (status == 401
                || status == 403 || (status == 422 && !response.body().contains(PRICE_RULE)));
        return unavailable || warmingUp;
    }

    private void submit(Runnable task, Duration delay) {
        try {
            workers.schedule(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.error("Load step failed", e);
                }
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closed: the run is over
        }
    }

    private static Duration backoff(int attempt) {
        return Duration.ofMillis(Math.min(250L << Math.min(attempt - 1, 5), 5000));
    }

    private static String describe(OrderApi.Response response) {
        String body = response.body() == null ? "" : response.body().strip();
        return (response.status() == 0 ? "no answer" : "HTTP " + response.status()) + ": "
                + (body.length() > MAX_BODY ? body.substring(0, MAX_BODY) + "..." : body);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        workers.shutdownNow();
    }

    /** The live, mutable record of one order; {@link #snapshot} freezes it. */
    private static final class Tracked {
        final PlannedOrder plan;
        final Instant firstAttemptAt;
        final AtomicInteger attempts = new AtomicInteger();
        final AtomicBoolean actedOn = new AtomicBoolean();
        volatile String orderId;
        volatile Instant acceptedAt;
        volatile Instant finishedAt;
        volatile OrderStatus lastSeen;
        volatile String refusal;
        volatile String finishProblem;
        /** When it moved: the first POST, the acceptance, each status read. */
        final List<Instant> steps = new CopyOnWriteArrayList<>();

        Tracked(PlannedOrder plan, Instant firstAttemptAt) {
            this.plan = plan;
            this.firstAttemptAt = firstAttemptAt;
            steps.add(firstAttemptAt);
        }

        void accepted(String id) {
            acceptedAt = Instant.now();
            steps.add(acceptedAt);
            orderId = id;
        }

        LoadOrder snapshot() {
            return new LoadOrder(plan, orderId, firstAttemptAt, acceptedAt, attempts.get(), finishedAt, lastSeen,
                    refusal, finishProblem, steps.stream().sorted().toList());
        }
    }
}
