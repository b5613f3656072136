package com.openfulfil.dropship.partner.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/**
 * An amount written the way a reader of {@code locale} writes money, in the order's own currency
 * with that currency's minor units: "$4.07" and "4,07 US$"; "29.200 ₫" and "₫29,200" (the đồng
 * has none).
 */
public final class MoneyFormat {
    private MoneyFormat() {
    }

    public static String format(BigDecimal amount, String currencyCode, Locale locale) {
        Currency currency = Currency.getInstance(currencyCode);
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(currency);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        format.setRoundingMode(RoundingMode.HALF_UP);
        if (format instanceof DecimalFormat decimal) {
            decimal.setParseBigDecimal(true);
        }
        return format.format(amount);
    }

    /** The amount as a plain number at the currency's minor units ("12.50", "180000"), for form fields. */
    public static String plain(BigDecimal amount, String currencyCode) {
        int digits = Math.max(Currency.getInstance(currencyCode).getDefaultFractionDigits(), 0);
        return amount.setScale(digits, RoundingMode.HALF_UP).toPlainString();
    }

    /** How many digits the currency has after the decimal point: 2 for USD, 0 for VND. */
    public static int minorUnits(String currencyCode) {
        return Math.max(Currency.getInstance(currencyCode).getDefaultFractionDigits(), 0);
    }
}
