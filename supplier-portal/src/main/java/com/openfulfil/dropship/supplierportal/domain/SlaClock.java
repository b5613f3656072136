package com.openfulfil.dropship.supplierportal.domain;

import com.openfulfil.dropship.events.model.SlaDeadline;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The deadline a dispatch is working against now: a new one must be answered by
 * {@code sent + acceptWithin}, an accepted one shipped by {@code sent + shipWithin}. Shipped and
 * closed dispatches have no clock.
 *
 * @param left time until {@code due}; negative once it has passed
 */
public record SlaClock(SlaDeadline deadline, Instant due, Duration left) {

    public static Optional<SlaClock> of(PortalDispatch dispatch, SlaTerms terms, Instant now) {
        if (dispatch.sentAt() == null || !dispatch.stage().isOpen()) {
            return Optional.empty();
        }
        SlaDeadline deadline = dispatch.stage() == Stage.NEW ? SlaDeadline.ACCEPT : SlaDeadline.SHIP;
        Instant due = dispatch.sentAt().plus(deadline == SlaDeadline.ACCEPT ? terms.acceptWithin() : terms.shipWithin());
        return Optional.of(new SlaClock(deadline, due, Duration.between(now, due)));
    }

    public boolean isOverdue() {
        return left.isNegative();
    }

    /** "to accept: 23 h 10 min left" or "to ship: overdue by 2 h 5 min". */
    public String describe() {
        String what = deadline == SlaDeadline.ACCEPT ? "to accept: " : "to ship: ";
        return what + (isOverdue() ? "overdue by " + span(left.negated()) : span(left) + " left");
    }

    /** Whole minutes, hours and days, as a person reads a clock. */
    static String span(Duration d) {
        long minutes = d.toMinutes();
        if (minutes < 1) {
            return "less than a minute";
        }
        if (minutes < 60) {
            return minutes + " min";
        }
        if (d.toHours() < 48) {
            return d.toHours() + " h " + d.toMinutesPart() + " min";
        }
        return d.toDays() + " d " + d.toHoursPart() + " h";
    }
}
