package com.openfulfil.dropship.gateway.domain;

import com.openfulfil.dropship.events.model.DispatchItem;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the retailer owes a supplier for a period (R3.4): one payable per dispatch shipped in it
 * (dates in UTC, both days included), at the agreed cost × quantity plus shipping, less the SLA
 * penalty (the highest percentage of the deadlines it missed, once, on the dispatch's value), and
 * the totals per currency. Amounts are rounded half-up to the currency's minor unit (cents for USD,
 * whole đồng for VND). A dispatch refused or cancelled before it shipped is owed nothing.
 * A dispatch whose items are priced in two currencies is two lines, one per currency.
 */
public record Settlement(String supplierId, LocalDate from, LocalDate to, Instant asOf, List<Line> lines,
                         List<Total> totals) {

    public Settlement {
        lines = List.copyOf(lines);
        totals = List.copyOf(totals);
    }

    public record Line(String dispatchId, String orderId, Instant dispatchedAt, Instant shippedAt, String currency,
                       BigDecimal goods, BigDecimal shipping, BigDecimal penaltyPercent, BigDecimal penalty,
                       BigDecimal amount) {
    }

    public record Total(String currency, int dispatches, BigDecimal goods, BigDecimal shipping, BigDecimal penalty,
                        BigDecimal amount) {
    }

    public static Settlement of(String supplierId, LocalDate from, LocalDate to, Instant asOf,
                                Iterable<LedgerEntry> ledger) {
        List<Line> lines = new ArrayList<>();
        for (LedgerEntry entry : ledger) {
            if (entry.shippedAt() != null && within(entry.shippedAt(), from, to)) {
                lines.addAll(payable(entry));
            }
        }
        lines.sort(Comparator.comparing(Line::shippedAt).thenComparing(Line::dispatchId).thenComparing(Line::currency));
        return new Settlement(supplierId, from, to, asOf, lines, totals(lines));
    }

    /** The dispatch's payable, one line per currency its items are priced in. */
    static List<Line> payable(LedgerEntry entry) {
        Map<String, List<DispatchItem>> byCurrency = entry.items().stream().collect(Collectors.groupingBy(
                i -> i.currency() == null ? "" : i.currency(), TreeMap::new, Collectors.toList()));
        List<Line> lines = new ArrayList<>();
        byCurrency.forEach((currency, items) -> {
            BigDecimal goods = round(sum(items, DispatchItem::unitCost), currency);
            BigDecimal shipping = round(sum(items, DispatchItem::shippingCost), currency);
            BigDecimal penalty = round(goods.add(shipping).multiply(entry.penaltyPercent())
                    .divide(BigDecimal.valueOf(100)), currency);
            lines.add(new Line(entry.dispatchId(), entry.orderId(), entry.sentAt(), entry.shippedAt(), currency, goods,
                    shipping, entry.penaltyPercent().stripTrailingZeros(), penalty,
                    goods.add(shipping).subtract(penalty)));
        });
        return lines;
    }

    private static List<Total> totals(List<Line> lines) {
        Map<String, Total> byCurrency = new LinkedHashMap<>();
        lines.stream().sorted(Comparator.comparing(Line::currency)).forEach(line -> byCurrency.merge(line.currency(),
                new Total(line.currency(), 1, line.goods(), line.shipping(), line.penalty(), line.amount()),
                (a, b) -> new Total(a.currency(), a.dispatches() + b.dispatches(), a.goods().add(b.goods()),
                        a.shipping().add(b.shipping()), a.penalty().add(b.penalty()), a.amount().add(b.amount()))));
        return List.copyOf(byCurrency.values());
    }

    /** Per unit × quantity, over the items; a price the offer did not have counts as zero. */
    private static BigDecimal sum(List<DispatchItem> items, java.util.function.Function<DispatchItem, BigDecimal> price) {
        return items.stream().map(i -> price.apply(i) == null ? BigDecimal.ZERO
                : price.apply(i).multiply(BigDecimal.valueOf(i.quantity()))).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static BigDecimal round(BigDecimal amount, String currency) {
        return amount.setScale(minorUnits(currency), RoundingMode.HALF_UP);
    }

    private static int minorUnits(String currency) {
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return digits < 0 ? 2 : digits;
        } catch (IllegalArgumentException | NullPointerException e) {
            return 2;
        }
    }

    private static boolean within(Instant at, LocalDate from, LocalDate to) {
        LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /** The same report as CSV: a row per dispatch ({@code kind} line), then a row per currency ({@code kind} total). */
    public String csv() {
        StringBuilder out = new StringBuilder(
                "kind,dispatch_id,order_id,dispatched_at,shipped_at,currency,goods,shipping,penalty_percent,penalty,amount,dispatches\r\n");
        for (Line l : lines) {
            row(out, "line", l.dispatchId(), l.orderId(), l.dispatchedAt().toString(), l.shippedAt().toString(),
                    l.currency(), l.goods().toPlainString(), l.shipping().toPlainString(),
                    l.penaltyPercent().toPlainString(), l.penalty().toPlainString(), l.amount().toPlainString(), "1");
        }
        for (Total t : totals) {
            row(out, "total", "", "", "", "", t.currency(), t.goods().toPlainString(), t.shipping().toPlainString(), "",
                    t.penalty().toPlainString(), t.amount().toPlainString(), Integer.toString(t.dispatches()));
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            out.append(i == 0 ? "" : ",").append(cell(cells[i]));
        }
        out.append("\r\n");
    }

    /** RFC 4180 quoting; a leading formula character is neutralised so a spreadsheet shows it as text. */
    private static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
                ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
