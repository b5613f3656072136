package com.openfulfil.dropship.local.demo;

import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.partner.CommissionEarned;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives planned orders through the public API: places them (a few at a time), and as each is
 * DELIVERED (read from {@code orders.lifecycle}) confirms receipt as the storefront or, for a
 * partner order, completes it as the admin; until every order has finished or time is up.
 */
public final class DemoDriver {
    /** Statuses after which the demo has nothing more to do for an order. */
    public static final Set<OrderStatus> FINAL = EnumSet.of(OrderStatus.COMPLETED, OrderStatus.REJECTED,
            OrderStatus.CANCELLED, OrderStatus.EXCEPTION);
    private static final Logger log = LoggerFactory.getLogger(DemoDriver.class);
    private static final int MAX_FINISH_ATTEMPTS = 8;
    private static final Duration COMMISSION_WAIT = Duration.ofSeconds(20);
    private static final String PRICE_RULE = "Selling price cannot be lower than the product's price";

    /**
     * @param concurrency orders placed at the same time
     * @param warmUp      how long refusals that mean "not ready yet" (unknown product or partner, 5xx,
     *                    no connection) are retried, counted from the start
     * @param timeout     how long to wait for every order to finish
     */
    public record Settings(int concurrency, Duration warmUp, Duration timeout) {
        public static Settings defaults() {
            return new Settings(4, Duration.ofSeconds(90), Duration.ofMinutes(10));
        }
    }

    private final OrderApi api;
    private final OrderWatcher watcher;
    private final Settings settings;

    public DemoDriver(OrderApi api, OrderWatcher watcher, Settings settings) {
        this.api = api;
        this.watcher = watcher;
        this.settings = settings;
    }

    public DemoReport run(List<PlannedOrder> plan, Progress progress) {
        Run run = new Run(plan.size());
        watcher.addListener(run::onStatus);
        ScheduledExecutorService progressTicker = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "demo-progress"));
        progressTicker.scheduleAtFixedRate(() -> progress.update(run.placed.get(), run.finished(), plan.size()),
                0, 200, TimeUnit.MILLISECONDS);
        try {
            plan.forEach(order -> run.submit(() -> run.place(order, 1), Duration.ZERO));
            run.await(settings.timeout());
            // commission-service answers a completion with its own event, a moment later
            watcher.awaitUntil(run::commissionsIn, COMMISSION_WAIT);
        } finally {
            run.workers.shutdownNow();
            progressTicker.shutdownNow();
            progress.update(run.placed.get(), run.finished(), plan.size());
            progress.done();
        }
        return run.report(plan);
    }

    /** One demo run's bookkeeping. */
    private final class Run {
        private final Instant started = Instant.now();
        private final ScheduledExecutorService workers = Executors.newScheduledThreadPool(settings.concurrency(),
                r -> new Thread(r, "demo-driver"));
        private final Map<String, Tracked> byOrderId = new ConcurrentHashMap<>();
        private final Map<String, Tracked> byRef = new ConcurrentHashMap<>();
        private final AtomicInteger placed = new AtomicInteger();
        private final CountDownLatch open;

        Run(int total) {
            open = new CountDownLatch(total);
        }

        int finished() {
            return (int) (byRef.values().stream().filter(t -> t.finished.get()).count());
        }

        boolean commissionsIn() {
            return byRef.values().stream()
                    .filter(t -> t.plan.isPartner() && t.status == OrderStatus.COMPLETED)
                    .allMatch(t -> !watcher.commissions(t.orderId).isEmpty());
        }

        void place(PlannedOrder order, int attempt) {
            OrderApi.Response response = api.place(order);
            String orderId = response.isSuccess() ? response.json().path("orderId").asString("") : "";
            if (!orderId.isBlank()) {
                Tracked tracked = new Tracked(order, orderId);
                byRef.put(order.externalRef(), tracked);
                byOrderId.put(orderId, tracked);
                placed.incrementAndGet();
                watcher.status(orderId).ifPresent(status -> onStatus(orderId, status));
            } else if (notReadyYet(response)) {
                submit(() -> place(order, attempt + 1), backoff(attempt));
            } else {
                Tracked failed = new Tracked(order, null);
                failed.failure = response.status() + " " + response.body();
                byRef.put(order.externalRef(), failed);
                failed.finish(open);
                log.warn("Order {} refused: {}", order.externalRef(), failed.failure);
            }
        }

        /** Refusals that mean a service has not caught up yet, while the warm-up lasts. */
        private boolean notReadyYet(OrderApi.Response response) {
            boolean warmingUp = Instant.now().isBefore(started.plus(settings.warmUp()));
            boolean transient_ = response.status() == 0 || response.status() >= 500 || response.status() == 401
                    || response.status() == 403 || (response.status() == 422 && !response.body().contains(PRICE_RULE));
            return warmingUp && transient_;
        }

        void onStatus(String orderId, OrderStatus status) {
            Tracked tracked = byOrderId.get(orderId);
            if (tracked == null) {
                return;
            }
            tracked.status = status;
            if (status == OrderStatus.DELIVERED && tracked.actedOn.compareAndSet(false, true)) {
                submit(() -> finishOrder(tracked, 1), Duration.ZERO);
            }
            if (FINAL.contains(status)) {
                tracked.finish(open);
            }
        }

        /** What the customer or the admin does once the parcel is delivered. */
        private void finishOrder(Tracked tracked, int attempt) {
            OrderApi.Response response = tracked.plan.isPartner()
                    ? api.adminComplete(tracked.orderId) : api.confirmReceipt(tracked.orderId);
            if (!response.isSuccess() && attempt < MAX_FINISH_ATTEMPTS) {
                submit(() -> finishOrder(tracked, attempt + 1), backoff(attempt));
            } else if (!response.isSuccess()) {
                log.warn("Could not complete {}: {} {}", tracked.orderId, response.status(), response.body());
            }
        }

        void submit(Runnable task, Duration delay) {
            try {
                workers.schedule(() -> {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        log.error("Demo step failed", e);
                    }
                }, delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // the run is over
            }
        }

        void await(Duration timeout) {
            try {
                open.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        DemoReport report(List<PlannedOrder> plan) {
            List<OrderOutcome> outcomes = new ArrayList<>();
            List<CommissionEarned> commissions = new ArrayList<>();
            for (PlannedOrder order : plan) {
                Tracked t = byRef.get(order.externalRef());
                if (t == null) {
                    outcomes.add(new OrderOutcome(order, null, null, "not placed before the time ran out"));
                    continue;
                }
                outcomes.add(new OrderOutcome(order, t.orderId, t.status, t.failure));
                if (t.orderId != null) {
                    commissions.addAll(watcher.commissions(t.orderId));
                }
            }
            return new DemoReport(outcomes, commissions, Duration.between(started, Instant.now()));
        }
    }

    private static Duration backoff(int attempt) {
        return Duration.ofMillis(Math.min(250L << Math.min(attempt - 1, 5), 5000));
    }

    private static final class Tracked {
        final PlannedOrder plan;
        final String orderId;
        final AtomicBoolean actedOn = new AtomicBoolean();
        final AtomicBoolean finished = new AtomicBoolean();
        volatile OrderStatus status;
        volatile String failure;

        Tracked(PlannedOrder plan, String orderId) {
            this.plan = plan;
            this.orderId = orderId;
        }

        void finish(CountDownLatch open) {
            if (finished.compareAndSet(false, true)) {
                open.countDown();
            }
        }
    }
}
