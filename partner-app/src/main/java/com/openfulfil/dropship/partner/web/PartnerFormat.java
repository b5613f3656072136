package com.openfulfil.dropship.partner.web;

import com.openfulfil.dropship.partner.config.PartnerAppProperties;
import com.openfulfil.dropship.partner.domain.MoneyFormat;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** How partner pages write money, times and rates in the reader's language ({@code ${@partnerFormat...}}). */
@Component("partnerFormat")
public class PartnerFormat {
    private final PartnerAppProperties properties;

    PartnerFormat(PartnerAppProperties properties) {
        this.properties = properties;
    }

    public String money(BigDecimal amount, String currency, Locale locale) {
        return amount == null || currency == null ? "" : MoneyFormat.format(amount, currency, locale);
    }

    /** A price as a form field holds it: a plain number at the currency's minor units. */
    public String plain(BigDecimal amount, String currency) {
        return amount == null || currency == null ? "" : MoneyFormat.plain(amount, currency);
    }

    public int minorUnits(String currency) {
        return MoneyFormat.minorUnits(currency);
    }

    public String time(Instant at, Locale locale) {
        if (at == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale)
                .withZone(properties.timeZone()).format(at) + " " + properties.timeZone().getId();
    }

    /** A rate such as 0.10 as "10%" ("10 %" in Vietnamese). */
    public String percent(BigDecimal rate, Locale locale) {
        if (rate == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getPercentInstance(locale);
        format.setMaximumFractionDigits(2);
        return format.format(rate);
    }
}
