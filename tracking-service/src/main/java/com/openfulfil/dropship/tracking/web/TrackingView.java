package com.openfulfil.dropship.tracking.web;

import com.openfulfil.dropship.events.model.CarrierChannel;
import com.openfulfil.dropship.events.model.ParcelStatus;
import com.openfulfil.dropship.tracking.domain.Claim;
import com.openfulfil.dropship.tracking.domain.Parcel;
import com.openfulfil.dropship.tracking.domain.StatusReport;

import java.time.Instant;
import java.util.List;

/**
 * A registered parcel as {@code GET /api/v1/tracking/{trackingNumber}} shows it; checkpoints oldest first,
 * {@code claim} null unless a lost-parcel claim was opened (then its state: OPEN, FILED or CLOSED and how).
 */
record TrackingView(String trackingNumber, String carrier, String orderId, ParcelStatus status,
                    Instant lastHeardAt, Claim claim, List<CheckpointView> checkpoints) {

    static TrackingView of(Parcel parcel) {
        return new TrackingView(parcel.trackingNumber(), parcel.registration().carrier(),
                parcel.registration().orderId(), parcel.status(), parcel.watch().lastHeard(), parcel.watch().claim(),
                parcel.checkpoints().stream().map(CheckpointView::of).toList());
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
