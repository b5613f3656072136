package com.openfulfil.dropship.tracking.domain;

import java.time.Instant;

/**
 * What the timers know of a parcel: when we last heard of it (its registration or its newest
 * checkpoint), for which silence a delay was already announced, which delivery estimate was
 * announced as passed, and its lost-parcel claim.
 *
 * @param lastHeard         null until the parcel is registered or reported
 * @param delayAnnouncedFor the {@code lastHeard} whose silence was announced; null when none was
 * @param etaAnnounced      the carrier's estimate already announced as passed; null when none was
 * @param claim             null while no claim is open
 */
public record Watch(Instant lastHeard, Instant delayAnnouncedFor, Instant etaAnnounced, Claim claim) {
    static final Watch NONE = new Watch(null, null, null, null);

    Watch heard(Instant time) {
        return lastHeard != null && !time.isAfter(lastHeard) ? this
                : new Watch(time, delayAnnouncedFor, etaAnnounced, claim);
    }

    boolean delayAnnounced() {
        return lastHeard != null && lastHeard.equals(delayAnnouncedFor);
    }

    /** This silence is announced, and with it the estimate that had passed, if one had. */
    Watch delayAnnounced(Instant passedEta) {
        return new Watch(lastHeard, lastHeard, passedEta == null ? etaAnnounced : passedEta, claim);
    }

    Watch claimed(Claim opened) {
        return new Watch(lastHeard, delayAnnouncedFor, etaAnnounced, opened);
    }
}
