package com.openfulfil.dropship.tracking.domain;

import java.time.Instant;

/** Something a timer, a run of failures or ops found out about a parcel, to announce beside its status moves. */
public sealed interface Alert {

    /** The carrier has said nothing since {@code lastHeard}, or its estimate {@code passedEta} (else null) has passed. */
    record Delayed(Instant lastHeard, Instant passedEta) implements Alert {
    }

    /** The parcel is taken for lost and a claim is opened with its carrier. */
    record ClaimOpened(Claim claim) implements Alert {
    }

    /** The claim was filed with the carrier, or closed; {@code cause} is the id of what changed it. */
    record ClaimChanged(Claim claim, String cause) implements Alert {
    }
}
