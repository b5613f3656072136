package com.openfulfil.dropship.commission.domain;

import java.math.BigDecimal;
import java.util.List;

/** One partner's payout in one currency within a batch, and the orders it settles. */
public record PayoutLine(String partnerId, String partnerName, String currency, BigDecimal amount,
                         List<String> orderIds) {
    public PayoutLine {
        orderIds = List.copyOf(orderIds);
    }
}
