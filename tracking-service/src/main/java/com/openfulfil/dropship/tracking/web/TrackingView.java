package com.openfulfil.dropship.tracking.web;

import com.openfulfil.dropship.events.model.CarrierChannel;
import com.openfulfil.dropship.events.model.ParcelItem;
import com.openfulfil.dropship.events.model.ParcelStatus;
import com.openfulfil.dropship.tracking.domain.Claim;
import com.openfulfil.dropship.tracking.domain.Parcel;
import com.openfulfil.dropship.tracking.domain.StatusReport;

import java.time.Instant;
import java.util.List;

/**
 * A registered parcel as {@code GET /api/v1/tracking/{trackingNumber}} shows it; checkpoints oldest first,
 * {@code claim} null unless a lost-parcel claim was opened, {@code items} what the parcel holds (absent when its
 * shipment did not say). The tracking number is all it takes to read
 * this (a shipping e-mail links to it), so the claim shows only where it stands; the carrier's
 * reference, what the carrier paid and ops' note are in ops' claim list.
 */
record TrackingView(String trackingNumber, String carrier, String orderId, ParcelStatus status,
                    Instant lastHeardAt, ClaimStatus claim, List<CheckpointView> checkpoints, List<ParcelItem> items) {

    static TrackingView of(Parcel parcel) {
        Claim claim = parcel.watch().claim();
        return new TrackingView(parcel.trackingNumber(), parcel.registration().carrier(),
                parcel.registration().orderId(), parcel.status(), parcel.watch().lastHeard(),
                claim == null ? null : new ClaimStatus(claim.claimId(), claim.state(), claim.openedAt(), claim.closedAt()),
                parcel.checkpoints().stream().map(CheckpointView::of).toList(), parcel.registration().items());
    }

    /** A claim as anyone with the tracking number sees it: OPEN, FILED or CLOSED, and when. */
    record ClaimStatus(String claimId, Claim.State state, Instant openedAt, Instant closedAt) {
    }

    /** {@code receivedVia}: WEBHOOK or POLLING, null for what we recorded ourselves (an expiry) or before it was kept. */
    record CheckpointView(Instant time, String location, String message, ParcelStatus status, String rawStatus,
                          CarrierChannel receivedVia) {
        static CheckpointView of(StatusReport report) {
            return new CheckpointView(report.time(), report.checkpoint().location(), report.checkpoint().message(),
                    report.status(), report.checkpoint().rawStatus(), report.receivedVia());
        }
    }
}
