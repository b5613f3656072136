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
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the retailer owes a supplier for a period (R3.4): one payable per dispatch shipped in it
 * (dates in UTC, both days included), at the agreed cost × quantity plus shipping, less the SLA
 * penalty (the highest percentage of the deadlines it missed, once, on the dispatch's value); one
 * deduction (kind {@code return}) per return authorised in it whose postage the supplier pays (R5.2),
 * at its agreed flat return shipping cost; and the totals per currency. Amounts are rounded half-up to the currency's minor unit (cents for USD,
 * whole đồng for VND). A dispatch refused or cancelled before it shipped is owed nothing.
 * A dispatch whose items are priced in two currencies is two lines, one per currency.
 */
public record Settlement(String supplierId, LocalDate from, LocalDate to, Instant asOf, List<Line> lines,
                         List<Total> totals) {

    public Settlement {
        lines = List.copyOf(lines);
        totals = List.copyOf(totals);
    }

    /** The kinds of line: a dispatch's payable, or a return's shipping charged to the supplier. */
    public static final String DISPATCH = "dispatch";
    public static final String RETURN = "return";

    /**
     * One line of the report. A {@link #DISPATCH} line pays a shipped dispatch; a {@link #RETURN} line deducts
     * {@code returnShipping} for the return {@code rmaId} of the dispatch's order, authorised at
     * {@code authorisedAt} ({@code amount} is negative).
     */
    public record Line(String kind, String dispatchId, String orderId, Instant dispatchedAt, Instant shippedAt,
                       String currency, BigDecimal goods, BigDecimal shipping, BigDecimal penaltyPercent,
                       BigDecimal penalty, BigDecimal returnShipping, BigDecimal amount, String rmaId,
                       Instant authorisedAt) {

        /** When the line falls in a period: its dispatch's shipping, or its return's authorisation. */
        Instant bookedAt() {
            return RETURN.equals(kind) ? authorisedAt : shippedAt;
        }
    }

    public record Total(String currency, int dispatches, BigDecimal goods, BigDecimal shipping, BigDecimal penalty,
                        int returns, BigDecimal returnShipping, BigDecimal amount) {
    }

    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    public static Settlement of(String supplierId, LocalDate from, LocalDate to, Instant asOf,
                                Iterable<LedgerEntry> ledger) {
        List<Line> lines = new ArrayList<>();
        for (LedgerEntry entry : ledger) {
            if (entry.shippedAt() != null && within(entry.shippedAt(), from, to)) {
                lines.addAll(payable(entry));
            }
            LedgerEntry.ReturnCharge charge = entry.returnCharge();
            if (charge != null && within(charge.authorisedAt(), from, to)) {
                lines.add(deduction(entry, charge));
            }
        }
        lines.sort(Comparator.comparing(Line::bookedAt).thenComparing(Line::dispatchId).thenComparing(Line::kind)
                .thenComparing(Line::currency));
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
            lines.add(new Line(DISPATCH, entry.dispatchId(), entry.orderId(), entry.sentAt(), entry.shippedAt(),
                    currency, goods, shipping, entry.penaltyPercent().stripTrailingZeros(), penalty,
                    round(BigDecimal.ZERO, currency), goods.add(shipping).subtract(penalty), null, null));
        });
        return lines;
    }

    /** The return shipping the supplier pays, taken off what it is owed. */
    static Line deduction(LedgerEntry entry, LedgerEntry.ReturnCharge charge) {
        String currency = charge.currency() == null ? "" : charge.currency();
        BigDecimal zero = round(BigDecimal.ZERO, currency);
        BigDecimal cost = round(charge.amount(), currency);
        return new Line(RETURN, entry.dispatchId(), entry.orderId(), entry.sentAt(), entry.shippedAt(), currency, zero,
                zero, BigDecimal.ZERO, zero, cost, cost.negate(), charge.rmaId(), charge.authorisedAt());
    }

    private static List<Total> totals(List<Line> lines) {
        Map<String, Total> byCurrency = new LinkedHashMap<>();
        lines.stream().sorted(Comparator.comparing(Line::currency)).forEach(line -> byCurrency.merge(line.currency(),
                new Total(line.currency(), DISPATCH.equals(line.kind()) ? 1 : 0, line.goods(), line.shipping(),
                        line.penalty(), RETURN.equals(line.kind()) ? 1 : 0, line.returnShipping(), line.amount()),
                (a, b) -> new Total(a.currency(), a.dispatches() + b.dispatches(), a.goods().add(b.goods()),
                        a.shipping().add(b.shipping()), a.penalty().add(b.penalty()), a.returns() + b.returns(),
                        a.returnShipping().add(b.returnShipping()), a.amount().add(b.amount()))));
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

    /**
     * The same report as CSV: a row per dispatch ({@code kind} line), a row per return the supplier pays
     * ({@code kind} return), then a row per currency ({@code kind} total).
     */
    public String csv() {
        StringBuilder out = new StringBuilder("kind,dispatch_id,order_id,dispatched_at,shipped_at,currency,goods,"
                + "shipping,penalty_percent,penalty,amount,dispatches,return_shipping,rma_id,authorised_at,returns\r\n");
        for (Line l : lines) {
            boolean isReturn = RETURN.equals(l.kind());
            row(out, isReturn ? "return" : "line", l.dispatchId(), l.orderId(), text(l.dispatchedAt()),
                    text(l.shippedAt()), l.currency(), l.goods().toPlainString(), l.shipping().toPlainString(),
                    l.penaltyPercent().toPlainString(), l.penalty().toPlainString(), l.amount().toPlainString(),
                    isReturn ? "0" : "1", l.returnShipping().toPlainString(), l.rmaId() == null ? "" : l.rmaId(),
                    text(l.authorisedAt()), isReturn ? "1" : "0");
        }
        for (Total t : totals) {
            row(out, "total", "", "", "", "", t.currency(), t.goods().toPlainString(), t.shipping().toPlainString(), "",
                    t.penalty().toPlainString(), t.amount().toPlainString(), Integer.toString(t.dispatches()),
                    t.returnShipping().toPlainString(), "", "", Integer.toString(t.returns()));
        }
        return out.toString();
    }

    private static String text(Instant at) {
        return at == null ? "" : at.toString();
    }

    private static void row(StringBuilder out, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            out.append(i == 0 ? "" : ",").append(cell(cells[i]));
        }
        out.append("\r\n");
    }

    /**
     * RFC 4180 quoting; a leading formula character is neutralised so a spreadsheet shows it as text. A plain
     * number (a return's negative amount) cannot be a formula and stays a number.
     */
    private static String cell(String value) {
        boolean formula = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !NUMBER.matcher(value).matches();
        String safe = formula ? "'" + value : value;
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
                ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
