package com.openfulfil.dropship.tracking.stream;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.tracking.LostParcelClaimOpened;
import com.openfulfil.dropship.events.tracking.ParcelDelayed;
import com.openfulfil.dropship.events.tracking.ParcelStatusChanged;
import com.openfulfil.dropship.tracking.domain.Alert;
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

    static List<Event> of(Update update, Instant now) {
        Parcel parcel = update.parcel();
        List<Event> events = new ArrayList<>();
        update.moves().forEach(move -> events.add(statusChanged(parcel, move, now)));
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
        Alert.ClaimOpened opened = (Alert.ClaimOpened) alert;
        return new LostParcelClaimOpened(EventIds.derived(parcel.trackingNumber(), "claim"), now,
                registration.orderId(), registration.dispatchId(), parcel.trackingNumber(), registration.carrier(),
                opened.claim().claimId(), opened.claim().reason());
    }
}
