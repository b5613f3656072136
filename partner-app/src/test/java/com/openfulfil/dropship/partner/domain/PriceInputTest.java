package com.openfulfil.dropship.partner.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A price typed the English way ('.' is the decimal point) or the Vietnamese way (','). */
class PriceInputTest {
    private static final char EN = '.';
    private static final char VI = ',';

    @Test
    void plainNumbersReadTheSameEverywhere() {
        assertThat(read("15", EN)).hasValue(new BigDecimal("15"));
        assertThat(read(" 180000 ", VI)).hasValue(new BigDecimal("180000"));
    }

    @Test
    void theReadersDecimalPoint() {
        assertThat(read("15.00", EN)).hasValue(new BigDecimal("15.00"));
        assertThat(read("15,00", VI)).hasValue(new BigDecimal("15.00"));
        assertThat(read("12,5", VI)).hasValue(new BigDecimal("12.5"));
    }

    @Test
    void thousandsSeparators() {
        assertThat(read("325.000", VI)).hasValue(new BigDecimal("325000"));
        assertThat(read("325,000", EN)).hasValue(new BigDecimal("325000"));
        assertThat(read("1.250.000", VI)).hasValue(new BigDecimal("1250000"));
        assertThat(read("1,250.50", EN)).hasValue(new BigDecimal("1250.50"));
        assertThat(read("1.250,50", VI)).hasValue(new BigDecimal("1250.50"));
        assertThat(read("200 000", VI)).hasValue(new BigDecimal("200000"));
    }

    @Test
    void theOtherLanguagesDecimalPointIsForgiven() {
        assertThat(read("15.00", VI)).hasValue(new BigDecimal("15.00"));
        assertThat(read("15,5", EN)).hasValue(new BigDecimal("15.5"));
    }

    @Test
    void whatIsNotAPrice() {
        assertThat(read("", EN)).isEmpty();
        assertThat(read(null, EN)).isEmpty();
        assertThat(read("abc", EN)).isEmpty();
        assertThat(read("-12.50", EN)).isEmpty();
        assertThat(read("12.5.0", EN)).isEmpty();
        assertThat(read("1,2,3", EN)).isEmpty();
        assertThat(read("$12.50", EN)).isEmpty();
    }

    private static Optional<BigDecimal> read(String text, char decimalPoint) {
        return PriceInput.parse(text, decimalPoint);
    }
}
