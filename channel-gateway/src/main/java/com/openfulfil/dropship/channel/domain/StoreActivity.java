package com.openfulfil.dropship.channel.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What each connected store has been doing, for ops: when we last heard from it or got a call through,
 * how many orders came in and how many updates went out in the last hour, whether it is unavailable
 * now (its calls held back) and why, how many of its calls wait for it to be back, and the calls it refused, each with its reason, which ops may
 * retry. Kept in memory by the gateway (one process: its Amazon poller and rate limiters are per
 * process), so it starts empty after a restart; refused calls stay on the dead-letter topic as well.
 */
public final class StoreActivity {
    /** How far back "per hour" looks. */
    public static final Duration HOUR = Duration.ofHours(1);
    /** Refused calls kept per store, newest first; older ones are on the dead-letter topic only. */
    public static final int FAILURES_KEPT = 50;

    private final Clock clock;
    private final Map<String, Store> stores = new LinkedHashMap<>();

    /** @param stores each configured store's id and platform, in the order they are shown */
    public StoreActivity(Map<String, Platform> stores, Clock clock) {
        this.clock = clock;
        stores.forEach((id, platform) -> this.stores.put(id, new Store(id, platform)));
    }

    /**
     * A call the store refused, kept so ops can send it again.
     *
     * @param what      what we asked (the call's kind, and its order or SKU)
     * @param key       the call's key on its topic
     * @param call      the call as it was on its topic, to send it again as it was
     * @param retriedAt when ops sent it again; null while it waits
     */
    public record Failure(String id, Instant at, String storeId, String what, String reason, String key, byte[] call,
                          Instant retriedAt) {
        Failure retried(Instant when) {
            return new Failure(id, at, storeId, what, reason, key, call, when);
        }
    }

    /** One store as ops see it. */
    /** @param waitingCalls its calls held back and waiting to be tried again, in the order they came */
    public record View(String storeId, Platform platform, Instant lastSync, int ordersInLastHour,
                       int updatesOutLastHour, String unavailable, Instant unavailableSince, int waitingCalls,
                       List<Failure> failures) {
    }

    /** We heard from the store (a signed webhook, a poll answered). */
    public synchronized void heardFrom(String storeId) {
        store(storeId).ifPresent(s -> s.lastSync = clock.instant());
    }

    /** The store answered our calls (a poll went through): it is available. */
    public synchronized void answered(String storeId) {
        store(storeId).ifPresent(s -> {
            s.lastSync = clock.instant();
            s.unavailable = null;
            s.unavailableSince = null;
        });
    }

    /** One of the store's orders became ours. */
    public synchronized void orderIn(String storeId) {
        store(storeId).ifPresent(s -> {
            s.ordersIn.addLast(clock.instant());
            prune(s.ordersIn, clock.instant().minus(HOUR));
            s.lastSync = clock.instant();
        });
    }

    /** A call to the store got through: it is available again. */
    public synchronized void updateOut(String storeId) {
        store(storeId).ifPresent(s -> {
            s.updatesOut.addLast(clock.instant());
            prune(s.updatesOut, clock.instant().minus(HOUR));
            s.lastSync = clock.instant();
            s.unavailable = null;
            s.unavailableSince = null;
        });
    }

    /** The store could not be reached (down, timing out, its breaker open): its calls wait. */
    public synchronized void unavailable(String storeId, String reason) {
        store(storeId).ifPresent(s -> {
            if (s.unavailable == null) {
                s.unavailableSince = clock.instant();
            }
            s.unavailable = reason;
        });
    }

    /** How many of the store's calls wait for it now. */
    public synchronized void waiting(String storeId, int calls) {
        store(storeId).ifPresent(s -> s.waitingCalls = calls);
    }

    /** The store refused a call; returns the failure as kept for ops. */
    public synchronized Failure refused(String storeId, String what, String reason, String key, byte[] call) {
        Failure failure = new Failure(UUID.randomUUID().toString(), clock.instant(), storeId, what, reason, key,
                call.clone(), null);
        store(storeId).ifPresent(s -> {
            s.failures.addFirst(failure);
            while (s.failures.size() > FAILURES_KEPT) {
                s.failures.removeLast();
            }
        });
        return failure;
    }

    /** The store's failure {@code failureId}, if it is kept. */
    public synchronized Optional<Failure> failure(String storeId, String failureId) {
        return store(storeId).flatMap(s -> s.failures.stream().filter(f -> f.id().equals(failureId)).findFirst());
    }

    /** Marks the failure sent again; empty when it is not kept. */
    public synchronized Optional<Failure> markRetried(String storeId, String failureId) {
        Optional<Store> store = store(storeId);
        if (store.isEmpty()) {
            return Optional.empty();
        }
        Deque<Failure> failures = store.get().failures;
        List<Failure> all = new ArrayList<>(failures);
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id().equals(failureId)) {
                Failure retried = all.get(i).retried(clock.instant());
                all.set(i, retried);
                failures.clear();
                failures.addAll(all);
                return Optional.of(retried);
            }
        }
        return Optional.empty();
    }

    public synchronized boolean knows(String storeId) {
        return stores.containsKey(storeId);
    }

    /** Every store, in configuration order, its counts over the last hour. */
    public synchronized List<View> view() {
        Instant since = clock.instant().minus(HOUR);
        return stores.values().stream().map(s -> {
            prune(s.ordersIn, since);
            prune(s.updatesOut, since);
            return new View(s.id, s.platform, s.lastSync, s.ordersIn.size(), s.updatesOut.size(), s.unavailable,
                    s.unavailableSince, s.waitingCalls, List.copyOf(s.failures));
        }).toList();
    }

    private static void prune(Deque<Instant> times, Instant since) {
        while (!times.isEmpty() && times.peekFirst().isBefore(since)) {
            times.removeFirst();
        }
    }

    private Optional<Store> store(String storeId) {
        return Optional.ofNullable(storeId == null ? null : stores.get(storeId));
    }

    private static final class Store {
        private final String id;
        private final Platform platform;
        private final Deque<Instant> ordersIn = new ArrayDeque<>();
        private final Deque<Instant> updatesOut = new ArrayDeque<>();
        private final Deque<Failure> failures = new ArrayDeque<>();
        private Instant lastSync;
        private String unavailable;
        private Instant unavailableSince;
        private int waitingCalls;

        private Store(String id, Platform platform) {
            this.id = id;
            this.platform = platform;
        }
    }
}
