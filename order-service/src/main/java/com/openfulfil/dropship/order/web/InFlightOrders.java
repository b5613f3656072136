package com.openfulfil.dropship.order.web;

import com.openfulfil.dropship.events.model.OrderDetails;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Orders accepted by this instance whose record may not be in the store yet. Concurrent identical
 * requests share one write; a different request with the same key is recognised as a conflict
 * before the first one is even stored. Entries are forgotten oldest first, from a queue in the order
 * they were accepted, so a request costs the same however many orders are in flight.
 */
final class InFlightOrders {
    record Entry(OrderDetails details, Instant acceptedAt, CompletableFuture<Void> written) {
    }

    private record Accepted(String orderId, Entry entry) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Queue<Accepted> oldestFirst = new ConcurrentLinkedQueue<>();
    private final Clock clock;
    private final Duration window;

    InFlightOrders(Clock clock, Duration window) {
        this.clock = clock;
        this.window = window;
    }

    /** Registers the order; returns the entry already registered for {@code orderId}, or null if this call won. */
    Entry claim(String orderId, OrderDetails details) {
        expire();
        Entry mine = new Entry(details, clock.instant(), new CompletableFuture<>());
        Entry existing = entries.putIfAbsent(orderId, mine);
        if (existing == null) {
            oldestFirst.add(new Accepted(orderId, mine));
        }
        return existing;
    }

    Entry get(String orderId) {
        return entries.get(orderId);
    }

    void written(String orderId) {
        Entry entry = entries.get(orderId);
        if (entry != null) {
            entry.written().complete(null);
        }
    }

    /** The write failed: forget the order so a retry can try again. */
    void failed(String orderId, RuntimeException error) {
        Entry entry = entries.remove(orderId);
        if (entry != null) {
            entry.written().completeExceptionally(error);
        }
    }

    /** Forgets written entries older than the window; one still being written waits at the head until it is done. */
    private void expire() {
        Instant cutoff = clock.instant().minus(window);
        for (Accepted head = oldestFirst.peek(); head != null && head.entry().acceptedAt().isBefore(cutoff);
             head = oldestFirst.peek()) {
            if (!head.entry().written().isDone()) {
                return;
            }
            if (oldestFirst.remove(head)) {
                entries.remove(head.orderId(), head.entry());
            }
        }
    }
}
