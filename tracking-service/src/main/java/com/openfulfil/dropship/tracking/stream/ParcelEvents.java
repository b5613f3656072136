package com.openfulfil.dropship.tracking.stream;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.tracking.LostParcelClaimClosed;
import com.openfulfil.dropship.events.tracking.LostParcelClaimFiled;
import com.openfulfil.dropship.events.tracking.LostParcelClaimOpened;
import com.openfulfil.dropship.events.tracking.ParcelDelayed;
import com.openfulfil.dropship.events.tracking.ParcelStatusChanged;
import com.openfulfil.dropship.tracking.domain.Alert;
import com.openfulfil.dropship.tracking.domain.Claim;
import com.openfulfil.dropship.tracking.domain.Move;
import com.openfulfil.dropship.tracking.domain.Parcel;
import com.openfulfil.dropship.tracking.domain.Registration;
import com.openfulfil.dropship.tracking.domain.Update;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What an update of a registered parcel tells the rest of the pipeline; every id is derived, so a replay repeats it. */
final class ParcelEvents {
    private ParcelEvents() {
    }

    /**
     * Several moves from one input (a carrier's batch of reports, early reports applied at registration)
     * are announced as one, from where the parcel was to where it ends, with the last report.
     */
    static List<Event> of(Update update, Instant now) {
        Parcel parcel = update.parcel();
        List<Event> events = new ArrayList<>();
        List<Move> moves = update.moves();
        if (!moves.isEmpty()) {
            Move last = moves.get(moves.size() - 1);
            events.add(statusChanged(parcel, new Move(moves.get(0).previous(), last.status(), last.report()), now));
        }
        update.alerts().forEach(alert -> events.add(alert(parcel, alert, now)));
        return events;
    }

    /** The id names the parcel and the report that moved it, so the move has one id however it came about. */
    private static ParcelStatusChanged statusChanged(Parcel parcel, Move move, Instant now) {
        Registration registration = parcel.registration();
        return new ParcelStatusChanged(EventIds.derived(parcel.trackingNumber(), move.report().eventId(), "status"),
                now, registration.orderId(), registration.dispatchId(), parcel.trackingNumber(),
                registration.carrier(), move.previous(), move.status(), move.report().checkpoint());
    }

    private static Event alert(Parcel parcel, Alert alert, Instant now) {
        Registration registration = parcel.registration();
        if (alert instanceof Alert.Delayed delayed) {
            return new ParcelDelayed(EventIds.derived(parcel.trackingNumber(), "delayed", delayed.lastHeard().toString()),
                    now, registration.orderId(), registration.dispatchId(), parcel.trackingNumber(),
                    registration.carrier(), parcel.status(), delayed.lastHeard(), delayed.passedEta());
        }
        if (alert instanceof Alert.ClaimChanged changed) {
            return claimChanged(parcel, changed, now);
        }
        Alert.ClaimOpened opened = (Alert.ClaimOpened) alert;
        return new LostParcelClaimOpened(EventIds.derived(parcel.trackingNumber(), "claim"), now,
                registration.orderId(), registration.dispatchId(), parcel.trackingNumber(), registration.carrier(),
                opened.claim().claimId(), opened.claim().reason());
    }

    /** Filed or closed; the id names the request (or the delivery report) that changed the claim. */
    private static Event claimChanged(Parcel parcel, Alert.ClaimChanged changed, Instant now) {
        Registration registration = parcel.registration();
        Claim claim = changed.claim();
        String eventId = EventIds.derived(parcel.trackingNumber(), changed.cause(), "claim-" + claim.state());
        if (claim.finished()) {
            return new LostParcelClaimClosed(eventId, now, registration.orderId(), registration.dispatchId(),
                    parcel.trackingNumber(), registration.carrier(), claim.claimId(), claim.outcome(), claim.amount(),
                    claim.currency(), claim.note(), claim.closedBy(), claim.remedy());
        }
        return new LostParcelClaimFiled(eventId, now, registration.orderId(), registration.dispatchId(),
                parcel.trackingNumber(), registration.carrier(), claim.claimId(), claim.carrierReference(),
                claim.filedBy());
    }
}
