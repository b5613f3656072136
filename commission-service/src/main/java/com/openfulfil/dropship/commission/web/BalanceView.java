package com.openfulfil.dropship.commission.web;

import com.openfulfil.dropship.commission.domain.Balance;

import static com.openfulfil.dropship.commission.web.CommissionView.money;

/** A partner's balance in one currency, money as strings. */
record BalanceView(String partnerId, String partnerName, String currency, String pending, String available,
                   String paid, String reversed, int orders) {
    static BalanceView of(Balance b) {
        return new BalanceView(b.partnerId(), b.partnerName(), b.currency(), money(b.pending()), money(b.available()),
                money(b.paid()), money(b.reversed()), b.orders());
    }
}
