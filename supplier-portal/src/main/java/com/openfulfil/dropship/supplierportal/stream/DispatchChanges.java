package com.openfulfil.dropship.supplierportal.stream;

import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Lets a page that just sent an answer wait until the portal's store has the gateway's reaction to
 * it, so the person sees the dispatch as it now is rather than as it was a moment ago.
 */
@Component
public class DispatchChanges {
    private final Map<String, List<CompletableFuture<Void>>> waiting = new ConcurrentHashMap<>();

    /** The next change of the dispatch stored under {@code key}; ask before sending the answer. */
    public CompletableFuture<Void> next(String key) {
        CompletableFuture<Void> change = new CompletableFuture<>();
        waiting.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(change);
        return change;
    }

    /** Waits for {@code change} at most {@code patience}; true when it came. */
    public boolean await(String key, CompletableFuture<Void> change, Duration patience) {
        try {
            change.get(patience.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            List<CompletableFuture<Void>> list = waiting.get(key);
            if (list != null) {
                list.remove(change);
                waiting.remove(key, List.of());
            }
        }
    }

    void changed(String key) {
        List<CompletableFuture<Void>> list = waiting.remove(key);
        if (list != null) {
            list.forEach(change -> change.complete(null));
        }
    }
}
