package com.openfulfil.dropship.partner.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Each currency with its own minor units, written as the reader's language writes money. */
class MoneyFormatTest {
    private static final Locale VI = Locale.forLanguageTag("vi");

    @Test
    void dollarsHaveCentsInEitherLanguage() {
        assertThat(MoneyFormat.format(new BigDecimal("4.07"), "USD", Locale.ENGLISH)).isEqualTo("$4.07");
        assertThat(MoneyFormat.format(new BigDecimal("1234.5"), "USD", Locale.ENGLISH)).isEqualTo("$1,234.50");
        assertThat(spaces(MoneyFormat.format(new BigDecimal("1234.5"), "USD", VI))).isEqualTo("1.234,50 US$");
    }

    @Test
    void dongHaveNoMinorUnit() {
        assertThat(spaces(MoneyFormat.format(new BigDecimal("29200"), "VND", VI))).isEqualTo("29.200 ₫");
        assertThat(MoneyFormat.format(new BigDecimal("29200"), "VND", Locale.ENGLISH)).isEqualTo("₫29,200");
        assertThat(spaces(MoneyFormat.format(new BigDecimal("650000.00"), "VND", VI))).isEqualTo("650.000 ₫");
    }

    @Test
    void aLossKeepsItsSign() {
        assertThat(MoneyFormat.format(new BigDecimal("-0.04"), "USD", Locale.ENGLISH)).isEqualTo("-$0.04");
    }

    @Test
    void formFieldsHoldPlainNumbersAtTheCurrencysScale() {
        assertThat(MoneyFormat.plain(new BigDecimal("12.5"), "USD")).isEqualTo("12.50");
        assertThat(MoneyFormat.plain(new BigDecimal("180000"), "VND")).isEqualTo("180000");
        assertThat(MoneyFormat.minorUnits("USD")).isEqualTo(2);
        assertThat(MoneyFormat.minorUnits("VND")).isZero();
    }

    /** Vietnamese puts a no-break space before the symbol. */
    private static String spaces(String text) {
        return text.replace('\u00a0', ' ');
    }
}
