package com.openfulfil.dropship.catalog.connector;

import com.openfulfil.dropship.catalog.feed.FeedReport;

import java.net.URI;
import java.time.Instant;

/**
 * The last pull of a supplier's feed, for ops: what happened, the import report when there is one,
 * and the circuit breaker's state (OPEN: the supplier's URL failed repeatedly and is left alone for a while).
 */
public record PullStatus(String supplierId, URI url, Instant at, Outcome outcome, FeedReport report, String error,
                         String circuit) {

    public enum Outcome { IMPORTED, FAILED, MALFORMED, SKIPPED_CIRCUIT_OPEN }
}
