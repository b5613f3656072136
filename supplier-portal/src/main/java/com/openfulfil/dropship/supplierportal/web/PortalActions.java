package com.openfulfil.dropship.supplierportal.web;

import com.openfulfil.dropship.events.model.RejectionReason;
import com.openfulfil.dropship.events.model.ShippedParcel;
import com.openfulfil.dropship.events.ops.PortalUpdateSent;
import com.openfulfil.dropship.events.supplier.SupplierUpdate;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.supplierportal.connector.SupplierUpdates;
import com.openfulfil.dropship.supplierportal.domain.PortalAnswers;
import com.openfulfil.dropship.supplierportal.domain.PortalDispatch;
import com.openfulfil.dropship.supplierportal.domain.Stage;
import com.openfulfil.dropship.supplierportal.stream.DispatchChanges;
import com.openfulfil.dropship.support.kafka.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What a supplier user does to a dispatch. Each answer goes to supplier-gateway's supplier API,
 * signed with the supplier's secret (the same path as a supplier's own system), then onto
 * {@code ops.audit} with who sent it. The page then waits a moment for the gateway's reaction to
 * reach the portal's store, so it shows the dispatch as it now is.
 */
@Component
class PortalActions {
    static final Duration SETTLE = Duration.ofSeconds(3);
    private static final Logger log = LoggerFactory.getLogger(PortalActions.class);

    private final SupplierUpdates gateway;
    private final EventPublisher audit;
    private final DispatchChanges changes;
    private final Clock clock;

    PortalActions(SupplierUpdates gateway, EventPublisher audit, DispatchChanges changes, Clock clock) {
        this.gateway = gateway;
        this.audit = audit;
        this.changes = changes;
        this.clock = clock;
    }

    /** A person's answer the dispatch's state does not allow; the page says why. */
    static final class NotNow extends RuntimeException {
        NotNow(String message) {
            super(message);
        }
    }

    String accept(SignedIn who, PortalDispatch d) {
        if (d.stage() == Stage.ACCEPTED || d.stage() == Stage.SHIPPED) {
            return "Already accepted.";
        }
        requireOpen(d, "accepted");
        send(who, d, PortalAnswers.accept(d, clock.instant()));
        return "Accepted. Ship it by the deadline shown.";
    }

    String reject(SignedIn who, PortalDispatch d, RejectionReason reason, String detail) {
        requireOpen(d, "refused");
        send(who, d, PortalAnswers.reject(d, reason, detail, clock.instant()));
        return "Refused. The retailer has been told" + (reason == RejectionReason.OUT_OF_STOCK
                ? "; the order goes to another supplier if one has the items." : ".");
    }

    String ship(SignedIn who, PortalDispatch d, String carrier, List<ShippedParcel> parcels) {
        if (!d.stage().canShip()) {
            throw new NotNow("This dispatch is " + d.stage().name().toLowerCase() + ": it cannot be shipped.");
        }
        List<String> trackingNumbers = parcels.stream().map(ShippedParcel::trackingNumber).toList();
        if (trackingNumbers.stream().allMatch(d::hasTrackingNumber)) {
            return "Already recorded: " + String.join(", ", trackingNumbers) + ".";
        }
        send(who, d, PortalAnswers.shipParcels(d, carrier, parcels, clock.instant()));
        return "Shipped with " + carrier + ": " + String.join(", ", trackingNumbers) + ".";
    }

    String answerCancellation(SignedIn who, PortalDispatch d, boolean accept, String reason) {
        if (d.cancellation() == null) {
            throw new NotNow("The retailer has not asked to cancel this dispatch.");
        }
        if (!d.cancellation().awaitingAnswer()) {
            return "Already answered.";
        }
        send(who, d, accept ? PortalAnswers.acceptCancellation(d, clock.instant())
                : PortalAnswers.refuseCancellation(d, reason, clock.instant()));
        return accept ? "Cancellation accepted: do not ship this dispatch." : "Cancellation refused.";
    }

    /** Sends one answer; used by the tracking upload, which does not wait for each row's reaction. */
    void sendWithoutWaiting(SignedIn who, PortalDispatch d, SupplierUpdate update) {
        gateway.send(update);
        record(who, update);
    }

    private void send(SignedIn who, PortalDispatch d, SupplierUpdate update) {
        CompletableFuture<Void> change = changes.next(d.key());
        sendWithoutWaiting(who, d, update);
        if (!changes.await(d.key(), change, SETTLE)) {
            log.info("No reaction to {} of dispatch {} within {}; the page shows it as it was",
                    update.getClass().getSimpleName(), d.dispatchId(), SETTLE);
        }
    }

    private void record(SignedIn who, SupplierUpdate update) {
        audit.publishAndWait(Topics.OPS_AUDIT, update.supplierId(), new PortalUpdateSent(PortalAnswers.auditId(update),
                clock.instant(), who.user(), update.supplierId(), update.orderId(), update.dispatchId(),
                update.getClass().getSimpleName(), update.eventId(), PortalAnswers.summary(update)));
        log.info("{} of {} sent {} for dispatch {}", who.user(), update.supplierId(),
                update.getClass().getSimpleName(), update.dispatchId());
    }

    private static void requireOpen(PortalDispatch d, String what) {
        if (!d.stage().isOpen()) {
            throw new NotNow("This dispatch is " + d.stage().name().toLowerCase() + ": it cannot be " + what + " now.");
        }
    }
}
