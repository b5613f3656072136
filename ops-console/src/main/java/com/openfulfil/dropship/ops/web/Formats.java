package com.openfulfil.dropship.ops.web;

import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the pages write times, durations and rates ({@code ${@fmt...}} in the templates). */
@Component("fmt")
public class Formats {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    public String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    public String age(Duration age) {
        if (age == null) {
            return "";
        }
        long minutes = age.toMinutes();
        if (minutes < 1) {
            return age.toSeconds() + " s";
        }
        if (minutes < 60) {
            return minutes + " min";
        }
        if (minutes < 48 * 60) {
            return age.toHours() + " h " + age.toMinutesPart() + " min";
        }
        return age.toDays() + " d " + age.toHoursPart() + " h";
    }

    /** "25.00 USD"; empty when there is no amount. */
    public String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        return amount.toPlainString() + (currency == null || currency.isBlank() ? "" : " " + currency);
    }

    public String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }
}
