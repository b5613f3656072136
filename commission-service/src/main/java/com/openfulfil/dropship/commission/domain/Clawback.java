package com.openfulfil.dropship.commission.domain;

import com.openfulfil.dropship.events.model.OrderLine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * How much commission a refund takes back: the order's total commission × refund ÷ what the customer
 * paid (Σ sale price × quantity), rounded half up to the currency's minor units, never more than the
 * partner still keeps. A full refund takes it all; a refund whose amount is unknown counts as full.
 */
public final class Clawback {
    private Clawback() {
    }

    public static BigDecimal of(Commission commission, List<OrderLine> lines, BigDecimal refund) {
        BigDecimal paidByCustomer = lines.stream().map(l -> l.salePrice().multiply(BigDecimal.valueOf(l.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal left = commission.net();
        if (refund == null || paidByCustomer.signum() == 0 || refund.compareTo(paidByCustomer) >= 0) {
            return left;
        }
        int scale = CommissionPolicy.minorUnits(commission.currency());
        BigDecimal share = commission.total().multiply(refund.max(BigDecimal.ZERO))
                .divide(paidByCustomer, scale, RoundingMode.HALF_UP);
        return share.min(left);
    }
}
