package com.openfulfil.dropship.commission.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Balances and payouts. Commission becomes available once the return window after it was earned
 * has passed; a payout batch pays each partner's available balance per currency when it reaches the
 * minimum for that currency, settling every order in it (a clawback still owed on a paid order is
 * settled by the same batch, as a deduction).
 */
public final class PayoutPolicy {
    private final Duration returnWindow;
    private final Map<String, BigDecimal> minimum;

    public PayoutPolicy(Duration returnWindow, Map<String, BigDecimal> minimum) {
        if (returnWindow == null || returnWindow.isNegative()) {
            throw new IllegalArgumentException("The return window must be zero or more, was " + returnWindow);
        }
        this.returnWindow = returnWindow;
        this.minimum = minimum == null ? Map.of() : minimum.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(e -> e.getKey().toUpperCase(Locale.ROOT), Map.Entry::getValue));
    }

    public Duration returnWindow() {
        return returnWindow;
    }

    public CommissionState stateOf(Commission commission, Instant now) {
        return commission.state(now, returnWindow);
    }

    /** The smallest payout in {@code currency}; zero where none is configured. */
    public BigDecimal minimumIn(String currency) {
        return minimum.getOrDefault(currency.toUpperCase(Locale.ROOT), BigDecimal.ZERO);
    }

    /** Balances per partner and currency, by partner id then currency. */
    public List<Balance> balances(Collection<Commission> commissions, Instant now) {
        Map<String, Balance> byAccount = new LinkedHashMap<>();
        commissions.stream().sorted(Comparator.comparing(Commission::partnerId).thenComparing(Commission::currency))
                .forEach(c -> byAccount.merge(account(c), Balance.empty(c).add(c, c.isAvailable(now, returnWindow)),
                        (a, b) -> a.add(c, c.isAvailable(now, returnWindow))));
        return List.copyOf(byAccount.values());
    }

    /** What a batch run now pays: one line per partner and currency that reaches the minimum. */
    public List<PayoutLine> plan(Collection<Commission> commissions, Instant now) {
        Map<String, List<Commission>> due = commissions.stream()
                .filter(c -> c.due().signum() != 0 && c.isAvailable(now, returnWindow))
                .sorted(Comparator.comparing(Commission::partnerId).thenComparing(Commission::currency)
                        .thenComparing(Commission::orderId))
                .collect(Collectors.groupingBy(PayoutPolicy::account, LinkedHashMap::new, Collectors.toList()));
        List<PayoutLine> lines = new ArrayList<>();
        due.values().forEach(orders -> {
            BigDecimal amount = orders.stream().map(Commission::due).reduce(BigDecimal.ZERO, BigDecimal::add);
            Commission first = orders.get(0);
            if (amount.signum() > 0 && amount.compareTo(minimumIn(first.currency())) >= 0) {
                lines.add(new PayoutLine(first.partnerId(), first.partnerName(), first.currency(), amount,
                        orders.stream().map(Commission::orderId).toList()));
            }
        });
        return List.copyOf(lines);
    }

    private static String account(Commission c) {
        return c.partnerId() + "\u001f" + c.currency();
    }
}
