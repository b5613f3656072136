package com.openfulfil.dropship.tracking.domain;

import com.openfulfil.dropship.events.model.Checkpoint;
import com.openfulfil.dropship.events.model.ParcelStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parcel timers (R4.3): silence past {@link WatchRules#delayAfter()} is announced once per
 * silence, silence past {@link WatchRules#expireAfter()} makes the parcel EXPIRED and opens a
 * claim, and so do too many failed deliveries or carrier exceptions. Delivered and expired
 * parcels are no longer watched.
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
        return Optional.of(watch.lastHeard().plus(watch.delayAnnounced() ? rules.expireAfter() : rules.delayAfter()));
    }

    /** After a report: opens a claim once the failures reach the limit. */
    public Update afterReport(Update update, Instant now) {
        Parcel parcel = update.parcel();
        long failures = parcel.checkpoints().stream().filter(r -> isFailure(r.status())).count();
        if (!parcel.registered() || parcel.watch().claim() != null || failures < rules.maxFailures()) {
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
            return new Update(parcel.watching(watch.delayAnnounced(watch.lastHeard())), true, List.of(),
                    List.of(new Alert.Delayed(watch.lastHeard())));
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
