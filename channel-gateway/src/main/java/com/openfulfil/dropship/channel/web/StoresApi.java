package com.openfulfil.dropship.channel.web;

import com.openfulfil.dropship.channel.connector.OutboundRetries;
import com.openfulfil.dropship.channel.domain.Platform;
import com.openfulfil.dropship.channel.domain.StoreActivity;
import com.openfulfil.dropship.support.security.Caller;
import com.openfulfil.dropship.support.web.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Ops' view of the connected stores, with their key ({@code X-Admin-Key}): each store's last sync, orders
 * in and updates out in the last hour, whether it is unavailable now and why, how many of its calls wait for
 * it, and the calls it refused, each with its reason; and a refused call sent again. The ops console's sales channels page reads it.
 */
@RestController
class StoresApi {
    private static final Logger log = LoggerFactory.getLogger(StoresApi.class);

    record FailureView(String id, Instant at, String what, String reason, Instant retriedAt) {
        static FailureView of(StoreActivity.Failure failure) {
            return new FailureView(failure.id(), failure.at(), failure.what(), failure.reason(), failure.retriedAt());
        }
    }

    record StoreView(String storeId, Platform platform, Instant lastSync, int ordersInLastHour, int updatesOutLastHour,
                     String unavailable, Instant unavailableSince, int waitingCalls, List<FailureView> failures) {
    }

    record Stores(List<StoreView> stores) {
    }

    private final StoreActivity activity;
    private final OutboundRetries retries;

    StoresApi(StoreActivity activity, OutboundRetries retries) {
        this.activity = activity;
        this.retries = retries;
    }

    @GetMapping("/api/v1/channels/stores")
    Stores stores(Caller caller) {
        requireOperator(caller);
        return new Stores(activity.view().stream().map(v -> new StoreView(v.storeId(), v.platform(), v.lastSync(),
                v.ordersInLastHour(), v.updatesOutLastHour(), v.unavailable(), v.unavailableSince(), v.waitingCalls(),
                v.failures().stream().map(FailureView::of).toList())).toList());
    }

    /** Sends the refused call again; once only, since a retry that fails again is a failure of its own. */
    @PostMapping("/api/v1/channels/stores/{storeId}/failures/{failureId}/retry")
    ResponseEntity<FailureView> retry(@PathVariable String storeId, @PathVariable String failureId, Caller caller) {
        requireOperator(caller);
        StoreActivity.Failure failure = activity.failure(storeId, failureId).orElseThrow(() -> ApiProblem.notFound(
                "Store " + storeId + " has no refused call " + failureId + " (the gateway keeps the last "
                        + StoreActivity.FAILURES_KEPT + " per store since it started; older ones are on the dead-letter topic)"));
        if (failure.retriedAt() != null) {
            throw ApiProblem.conflict("already-retried", "Already sent again",
                    "This call was sent again at " + failure.retriedAt() + "; if the store refused it again, that is"
                            + " a failure of its own.", Map.of("retriedAt", failure.retriedAt().toString()));
        }
        retries.retry(failure);
        StoreActivity.Failure retried = activity.markRetried(storeId, failureId).orElseThrow();
        log.info("Ops sent again the call store {} refused: {} (was: {})", storeId, failure.what(), failure.reason());
        return ResponseEntity.accepted().body(FailureView.of(retried));
    }

    private static void requireOperator(Caller caller) {
        if (caller == null || !caller.isAdmin()) {
            throw ApiProblem.forbidden("Only ops, with " + ChannelAccess.ADMIN_KEY + ", may do this.");
        }
    }
}
