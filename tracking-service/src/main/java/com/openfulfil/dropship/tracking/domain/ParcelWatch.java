package com.openfulfil.dropship.tracking.domain;

import com.openfulfil.dropship.events.model.Checkpoint;
import com.openfulfil.dropship.events.model.ParcelStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parcel timers (R4.3): silence past {@link WatchRules#delayAfter()}, or the carrier's
 * delivery estimate passing, is announced as a delay, once per silence (and a passed estimate
 * once); silence past {@link WatchRules#expireAfter()} makes the parcel EXPIRED and opens a claim,
 * and so do too many failed deliveries or carrier exceptions. Delivered and expired parcels are no
 * longer watched; a delivery reported after all closes the parcel's claim ({@link Claims}).
 */
public final class ParcelWatch {
    private final WatchRules rules;

    public ParcelWatch(WatchRules rules) {
        this.rules = rules;
    }

    /** When this parcel's next timer is due; empty when nothing is watched. */
    public Optional<Instant> deadline(Parcel parcel) {
        Watch watch = parcel.watch();
        if (!parcel.registered() || parcel.status().isTerminal() || watch.lastHeard() == null) {
            return Optional.empty();
        }
        if (watch.delayAnnounced()) {
            return Optional.of(watch.lastHeard().plus(rules.expireAfter()));
        }
        Instant silence = watch.lastHeard().plus(rules.delayAfter());
        return Optional.of(unannouncedEta(parcel).filter(eta -> eta.isBefore(silence)).orElse(silence));
    }

    /** The carrier's estimate, unless its passing was already announced. */
    private static Optional<Instant> unannouncedEta(Parcel parcel) {
        return parcel.estimatedDelivery().filter(eta -> !eta.equals(parcel.watch().etaAnnounced()));
    }

    /**
     * After a report: opens a claim once the failures reach the limit, and closes an open one
     * once the parcel is reported delivered.
     */
    public Update afterReport(Update update, Instant now) {
        return Claims.afterReport(openClaimOnFailures(update, now), now);
    }

    private Update openClaimOnFailures(Update update, Instant now) {
        Parcel parcel = update.parcel();
        long failures = parcel.checkpoints().stream().filter(r -> isFailure(r.status())).count();
        if (!parcel.registered() || parcel.watch().claim() != null || failures < rules.maxFailures()
                || parcel.reportedDelivered()) {
            return update;
        }
        Claim claim = Claim.forParcel(parcel.trackingNumber(), now,
                failures + " failed deliveries or carrier exceptions");
        List<Alert> alerts = new ArrayList<>(update.alerts());
        alerts.add(new Alert.ClaimOpened(claim));
        return new Update(parcel.watching(parcel.watch().claimed(claim)), true, update.moves(), alerts);
    }

    /** What the timers do at {@code now}. */
    public Update due(Parcel parcel, Instant now) {
        Optional<Instant> deadline = deadline(parcel);
        if (deadline.isEmpty() || now.isBefore(deadline.get())) {
            return Update.none(parcel);
        }
        Watch watch = parcel.watch();
        if (!watch.delayAnnounced()) {
            Instant passedEta = unannouncedEta(parcel).filter(eta -> !now.isBefore(eta)).orElse(null);
            return new Update(parcel.watching(watch.delayAnnounced(passedEta)), true, List.of(),
                    List.of(new Alert.Delayed(watch.lastHeard(), passedEta)));
        }
        return expire(parcel, now);
    }

    private static Update expire(Parcel parcel, Instant now) {
        Watch watch = parcel.watch();
        StatusReport expiry = new StatusReport("expired-after-" + watch.lastHeard(), ParcelStatus.EXPIRED,
                new Checkpoint(now, null, "No carrier update since " + watch.lastHeard(), null));
        List<Alert> alerts = new ArrayList<>();
        Watch next = watch;
        if (watch.claim() == null) {
            Claim claim = Claim.forParcel(parcel.trackingNumber(), now, "no carrier update since " + watch.lastHeard());
            alerts.add(new Alert.ClaimOpened(claim));
            next = watch.claimed(claim);
        }
        Parcel expired = parcel.expired(now).watching(next);
        return new Update(expired, true, List.of(new Move(parcel.status(), ParcelStatus.EXPIRED, expiry)), alerts);
    }

    private static boolean isFailure(ParcelStatus status) {
        return status == ParcelStatus.ATTEMPT_FAIL || status == ParcelStatus.EXCEPTION;
    }
}
