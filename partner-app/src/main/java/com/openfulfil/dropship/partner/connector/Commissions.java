package com.openfulfil.dropship.partner.connector;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What commission-service answers a partner: one order's commission, and their own list. */
public final class Commissions {
    private Commissions() {
    }

    /**
     * @param total          gross less the taxes and fees ("total commission")
     * @param amountReceived what the partner keeps: the total less anything clawed back after a refund
     * @param state          PENDING (within the return window), AVAILABLE, PAID or REVERSED
     */
    public record OfOrder(String orderId, String partnerId, String partnerName, String currency, BigDecimal gross,
                          List<Deduction> deductions, BigDecimal total, BigDecimal reversed,
                          BigDecimal amountReceived, BigDecimal paid, String state, Instant earnedAt) {
        public OfOrder {
            deductions = deductions == null ? List.of() : List.copyOf(deductions);
        }
    }

    /** A tax or fee: {@code rate} × its base plus {@code fixed}. */
    public record Deduction(String code, String label, BigDecimal rate, BigDecimal fixed, BigDecimal amount) {
    }

    public record Mine(String partnerId, String partnerName, int totalItems, List<OfOrder> items,
                       List<Balance> balances) {
        public Mine {
            items = items == null ? List.of() : List.copyOf(items);
            balances = balances == null ? List.of() : List.copyOf(balances);
        }
    }

    public record Balance(String currency, BigDecimal pending, BigDecimal available, BigDecimal paid,
                          BigDecimal reversed, int orders) {
    }
}
