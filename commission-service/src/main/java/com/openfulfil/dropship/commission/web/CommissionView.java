package com.openfulfil.dropship.commission.web;

import com.openfulfil.dropship.commission.domain.Commission;
import com.openfulfil.dropship.events.model.Deduction;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/orders/{orderId}/commission} (R6.3). Money is a string at the currency's
 * scale ("4.07"), as on the topics, so no client turns it into a float.
 */
record CommissionView(String orderId, String partnerId, String partnerName, String currency, String gross,
                      List<DeductionView> deductions, String total, String state, Instant earnedAt) {

    record DeductionView(String code, String label, String rate, String amount) {
        static DeductionView of(Deduction d) {
            return new DeductionView(d.code(), d.label(), money(d.rate()), money(d.amount()));
        }
    }

    static CommissionView of(Commission c) {
        return new CommissionView(c.orderId(), c.partnerId(), c.partnerName(), c.currency(), money(c.gross()),
                c.deductions().stream().map(DeductionView::of).toList(), money(c.total()), c.state().name(),
                c.earnedAt());
    }

    private static String money(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }
}
