package com.openfulfil.dropship.commission.web;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** RFC 4180 CSV of partners' balances, one row per partner and currency. */
final class BalancesCsv {
    static final String HEADER = "partner_id,partner_name,currency,orders,pending,available,paid,reversed";

    private BalancesCsv() {
    }

    static String of(List<BalanceView> balances) {
        return Stream.concat(Stream.of(HEADER), balances.stream().map(BalancesCsv::row))
                .collect(Collectors.joining("\r\n", "", "\r\n"));
    }

    private static String row(BalanceView b) {
        return String.join(",", field(b.partnerId()), field(b.partnerName()), b.currency(),
                String.valueOf(b.orders()), b.pending(), b.available(), b.paid(), b.reversed());
    }

    /** Quotes a field that needs it; a leading =, +, - or @ is prefixed with ' so a spreadsheet does not run it. */
    static String field(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
