package com.openfulfil.dropship.commission.domain;

import java.math.BigDecimal;

/**
 * One partner's commission in one currency. {@code available} is what the next payout would move
 * (negative while a clawback of paid commission is still owed); {@code pending} is still inside the
 * return window; {@code paid} and {@code reversed} are the totals so far.
 */
public record Balance(String partnerId, String partnerName, String currency, BigDecimal pending,
                      BigDecimal available, BigDecimal paid, BigDecimal reversed, int orders) {

    static Balance empty(Commission c) {
        BigDecimal zero = BigDecimal.ZERO.setScale(c.total().scale());
        return new Balance(c.partnerId(), c.partnerName(), c.currency(), zero, zero, zero, zero, 0);
    }

    Balance add(Commission c, boolean available) {
        BigDecimal due = c.due();
        return new Balance(partnerId, partnerName, currency, available ? pending : pending.add(due),
                available ? this.available.add(due) : this.available, paid.add(c.paid()), reversed.add(c.reversed()),
                orders + 1);
    }
}
