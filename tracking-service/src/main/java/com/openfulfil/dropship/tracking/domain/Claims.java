package com.openfulfil.dropship.tracking.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Working a parcel's lost-parcel claim. A step the claim's state does not allow (filing a claim
 * filed or closed, closing a closed one, a parcel with no claim) changes nothing: ops' requests
 * are checked when made, and one that the claim has moved past since is dropped here.
 */
public final class Claims {
    private Claims() {
    }

    /** Ops filed the claim with the carrier under {@code reference}. */
    public static Update file(Parcel parcel, String requestId, String reference, Instant at, String by) {
        Claim claim = parcel.watch().claim();
        if (claim == null || !claim.canBeFiled()) {
            return Update.none(parcel);
        }
        return changed(parcel, claim.filed(reference, at, by), requestId, List.of());
    }

    /** Ops closed the claim: the carrier paid or refused. */
    public static Update close(Parcel parcel, String requestId, Claim.Settlement settlement, Instant at, String by) {
        Claim claim = parcel.watch().claim();
        if (claim == null || claim.finished()) {
            return Update.none(parcel);
        }
        return changed(parcel, claim.closed(settlement, at, by), requestId, List.of());
    }

    /** After a report: a parcel the carrier reports delivered, even past EXPIRED, closes its claim. */
    static Update afterReport(Update update, Instant now) {
        Parcel parcel = update.parcel();
        Claim claim = parcel.watch().claim();
        if (claim == null || claim.finished()) {
            return update;
        }
        return parcel.deliveryReport()
                .map(delivered -> changed(parcel, claim.closed(Claim.Settlement.DELIVERED, now, Claim.DELIVERY),
                        delivered.eventId(), update.moves(), update.alerts()))
                .orElse(update);
    }

    private static Update changed(Parcel parcel, Claim claim, String cause, List<Move> moves) {
        return changed(parcel, claim, cause, moves, List.of());
    }

    private static Update changed(Parcel parcel, Claim claim, String cause, List<Move> moves, List<Alert> before) {
        List<Alert> alerts = new ArrayList<>(before);
        alerts.add(new Alert.ClaimChanged(claim, cause));
        return new Update(parcel.watching(parcel.watch().claimed(claim)), true, moves, alerts);
    }
}
