package com.openfulfil.dropship.tracking.domain;

import java.util.List;

/**
 * What one input or timer did to a parcel: its new state, whether anything changed, the status
 * moves and the alerts (delay, claim) to announce.
 */
public record Update(Parcel parcel, boolean changed, List<Move> moves, List<Alert> alerts) {
    public Update {
        moves = List.copyOf(moves);
        alerts = List.copyOf(alerts);
    }

    Update(Parcel parcel, boolean changed, List<Move> moves) {
        this(parcel, changed, moves, List.of());
    }

    static Update none(Parcel parcel) {
        return new Update(parcel, false, List.of());
    }
}
