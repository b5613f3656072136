package com.openfulfil.dropship.commission.web;

import com.openfulfil.dropship.commission.domain.Commission;
import com.openfulfil.dropship.commission.domain.CommissionState;
import com.openfulfil.dropship.events.model.Deduction;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One order's commission (R6.3): {@code total} after taxes and fees, {@code reversed} clawed back
 * after a refund, {@code amountReceived} what the partner keeps. Money is a string at the
 * currency's scale ("4.07"), as on the topics, so no client turns it into a float.
 */
record CommissionView(String orderId, String partnerId, String partnerName, String currency, String gross,
                      List<DeductionView> deductions, String total, String reversed, String amountReceived,
                      String paid, CommissionState state, Instant earnedAt, Instant reversedAt, String payoutBatch,
                      Instant paidAt) {

    record DeductionView(String code, String label, String rate, String fixed, String amount) {
        static DeductionView of(Deduction d) {
            return new DeductionView(d.code(), d.label(), money(d.rate()), money(d.fixed()), money(d.amount()));
        }
    }

    static CommissionView of(Commission c, CommissionState state) {
        return new CommissionView(c.orderId(), c.partnerId(), c.partnerName(), c.currency(), money(c.gross()),
                c.deductions().stream().map(DeductionView::of).toList(), money(c.total()), money(c.reversed()),
                money(c.net()), money(c.paid()), state, c.earnedAt(), c.reversedAt(), c.payoutBatch(), c.paidAt());
    }

    static String money(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }
}
