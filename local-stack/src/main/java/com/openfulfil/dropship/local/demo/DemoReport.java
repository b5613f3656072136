package com.openfulfil.dropship.local.demo;

import com.openfulfil.dropship.events.partner.CommissionEarned;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The result of a demo run: every order's outcome, the partners' commissions, the time it took. */
public record DemoReport(List<OrderOutcome> orders, List<CommissionEarned> commissions, Duration took) {

    public Map<String, Long> countsByStatus() {
        return orders.stream().collect(Collectors.groupingBy(OrderOutcome::label, TreeMap::new, Collectors.counting()));
    }

    public List<OrderOutcome> unexpected() {
        return orders.stream().filter(o -> !o.reachedExpected()).toList();
    }

    /** Per partner and currency: how many commissions and their total. */
    public Map<String, PartnerTotal> partnerTotals() {
        return commissions.stream().collect(Collectors.groupingBy(c -> c.partnerId() + " " + c.currency(),
                TreeMap::new, Collectors.collectingAndThen(Collectors.toList(), PartnerTotal::of)));
    }

    public record PartnerTotal(String partnerId, String partnerName, String currency, int orders, BigDecimal gross,
                               BigDecimal total) {
        static PartnerTotal of(List<CommissionEarned> earned) {
            CommissionEarned first = earned.get(0);
            return new PartnerTotal(first.partnerId(), first.partnerName(), first.currency(), earned.size(),
                    sum(earned, CommissionEarned::gross), sum(earned, CommissionEarned::total));
        }

        private static BigDecimal sum(List<CommissionEarned> earned, Function<CommissionEarned, BigDecimal> amount) {
            return earned.stream().map(amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("Demo finished in %s: %d orders%n", format(took), orders.size()));
        countsByStatus().forEach((status, count) -> out.append(String.format("  %-12s %5d%n", status, count)));
        out.append("Partner commissions (commissions.ledger, after taxes and fees)\n");
        if (commissions.isEmpty()) {
            out.append("  none yet\n");
        }
        partnerTotals().values().forEach(t -> out.append(String.format("  %-14s %-18s %4d orders  gross %10s  total %10s %s%n",
                t.partnerId(), t.partnerName(), t.orders(), t.gross().toPlainString(), t.total().toPlainString(),
                t.currency())));
        List<OrderOutcome> unexpected = unexpected();
        if (!unexpected.isEmpty()) {
            out.append(unexpected.size()).append(" order(s) did not end as expected, e.g.:\n");
            unexpected.stream().limit(10).forEach(o -> out.append(String.format("  %-22s %-38s %s (expected %s)%s%n",
                    o.plan().externalRef(), o.orderId() == null ? "-" : o.orderId(), o.label(), o.plan().expected(),
                    o.failure() == null ? "" : ": " + o.failure())));
        }
        return out.toString();
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 60 ? String.format("%dm %02ds", s / 60, s % 60) : String.format("%.1fs", d.toMillis() / 1000.0);
    }
}
