package com.openfulfil.dropship.ops.channels;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A store channel-gateway connects, as its API shows it: when we last heard from it or got a call
 * through, its orders in and updates out in the last hour, whether it is unavailable now and why, and
 * the calls it refused, each with its reason, and how many calls wait for it to be back
 * ({@code waitingCalls}: set aside so that other stores' calls go on, made in order once it answers).
 *
 * @param platform SHOPIFY, WOOCOMMERCE or AMAZON
 */
public record ConnectedStore(String storeId, String platform, Instant lastSync, int ordersInLastHour,
                             int updatesOutLastHour, String unavailable, Instant unavailableSince,
                             List<Failure> failures, Integer waitingCalls) {

    public ConnectedStore {
        failures = failures == null ? List.of() : List.copyOf(failures);
        waitingCalls = waitingCalls == null ? 0 : waitingCalls;
    }

    /** A refused call; {@code retriedAt} is when ops sent it again, null while it waits for them. */
    public record Failure(String id, Instant at, String what, String reason, Instant retriedAt) {
        public boolean waiting() {
            return retriedAt == null;
        }
    }

    /** The refused calls ops have not sent again yet. */
    public long waitingFailures() {
        return failures.stream().filter(Failure::waiting).count();
    }

    /** Whether the store needs a look: unavailable now, a refused call waiting, or never heard from. */
    public boolean needsAttention() {
        return unavailable != null || waitingFailures() > 0 || lastSync == null;
    }

    /** How long ago the last sync was, for the page ("never" when there has been none). */
    public String lastSyncAgo(Instant now) {
        if (lastSync == null) {
            return "never";
        }
        Duration ago = Duration.between(lastSync, now);
        if (ago.toSeconds() < 60) {
            return Math.max(0, ago.toSeconds()) + " s ago";
        }
        return ago.toMinutes() < 60 ? ago.toMinutes() + " min ago" : ago.toHours() + " h ago";
    }
}
