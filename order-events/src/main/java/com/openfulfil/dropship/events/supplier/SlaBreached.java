package com.openfulfil.dropship.events.supplier;

import com.openfulfil.dropship.events.model.SlaDeadline;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A supplier missed a deadline of its agreement (R3.5): {@code deadline} was due at {@code due}.
 * {@code action} is what follows: {@code ESCALATED} (ops take over) or {@code REROUTING} (the
 * dispatch is being cancelled at the supplier and goes to a backup once it agrees).
 * {@code penaltyPercent} is the agreement's penalty, a percentage of the dispatch's value.
 */
public record SlaBreached(String eventId, Instant occurredAt, String orderId, String dispatchId, String supplierId,
                          SlaDeadline deadline, Instant due, Action action, BigDecimal penaltyPercent)
        implements FulfilmentEvent {

    public enum Action {
        ESCALATED, REROUTING
    }
}
