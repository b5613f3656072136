package com.openfulfil.dropship.partner.domain;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a price as a partner types it, in the way their language writes numbers ("15.00" in
 * English, "15,00" or "325.000" đồng in Vietnamese) and forgiving the other way too. When a number
 * has both separators the last one is the decimal point; a separator used once is the decimal
 * point when it is the language's, or when it is not followed by exactly three digits; anything
 * else separates thousands, in groups of three.
 */
public final class PriceInput {
    private static final Pattern SHAPE = Pattern.compile("\\d+([.,]\\d+)*");
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}([.,]\\d{3})*");

    private PriceInput() {
    }

    /** @param decimalSeparator the reader's decimal point ({@code DecimalFormatSymbols#getDecimalSeparator}) */
    public static Optional<BigDecimal> parse(String text, char decimalSeparator) {
        String s = text == null ? "" : text.replaceAll("[\\s\\u00a0\\u202f]", "");
        if (!SHAPE.matcher(s).matches()) {
            return Optional.empty();
        }
        int decimal = decimalPoint(s, decimalSeparator);
        String whole = decimal < 0 ? s : s.substring(0, decimal);
        String fraction = decimal < 0 ? "" : s.substring(decimal + 1);
        if (whole.matches(".*[.,].*") && !GROUPED.matcher(whole).matches()) {
            return Optional.empty();
        }
        String digits = whole.replaceAll("[.,]", "");
        return Optional.of(new BigDecimal(fraction.isEmpty() ? digits : digits + "." + fraction));
    }

    /** Where the decimal point is, or -1 when the number is whole. */
    private static int decimalPoint(String s, char decimalSeparator) {
        int lastDot = s.lastIndexOf('.');
        int lastComma = s.lastIndexOf(',');
        if (lastDot >= 0 && lastComma >= 0) {
            return Math.max(lastDot, lastComma);
        }
        int at = Math.max(lastDot, lastComma);
        if (at < 0) {
            return -1;
        }
        char separator = s.charAt(at);
        boolean once = s.indexOf(separator) == at;
        boolean thousands = s.length() - at - 1 == 3;
        return once && (separator == decimalSeparator || !thousands) ? at : -1;
    }
}
