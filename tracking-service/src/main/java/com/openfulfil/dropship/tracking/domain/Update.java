package com.openfulfil.dropship.tracking.domain;

import java.util.List;

/** What one input did to a parcel: its new state, whether anything changed, and the status moves to announce. */
public record Update(Parcel parcel, boolean changed, List<Move> moves) {
    public Update {
        moves = List.copyOf(moves);
    }

    static Update none(Parcel parcel) {
        return new Update(parcel, false, List.of());
    }
}
