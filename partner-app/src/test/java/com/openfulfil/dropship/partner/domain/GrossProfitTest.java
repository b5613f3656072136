package com.openfulfil.dropship.partner.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** The price rule's three cases (R2.4): at the product's price, above it, below it. */
class GrossProfitTest {
    private static final BigDecimal MUG = new BigDecimal("12.50");

    @Test
    void sellingAtTheProductsPriceEarnsNothingAndIsAllowed() {
        assertThat(GrossProfit.of(new BigDecimal("12.50"), MUG, 3)).isEqualByComparingTo("0");
        assertThat(GrossProfit.isAllowed(new BigDecimal("12.5"), MUG)).isTrue();
    }

    @Test
    void sellingAboveEarnsTheDifferenceTimesTheQuantity() {
        assertThat(GrossProfit.of(new BigDecimal("15.00"), MUG, 2)).isEqualByComparingTo("5.00");
        assertThat(GrossProfit.of(new BigDecimal("200000"), new BigDecimal("180000"), 3)).isEqualByComparingTo("60000");
        assertThat(GrossProfit.isAllowed(new BigDecimal("12.51"), MUG)).isTrue();
    }

    @Test
    void sellingBelowIsALossAndNotAllowed() {
        assertThat(GrossProfit.of(new BigDecimal("12.49"), MUG, 4)).isEqualByComparingTo("-0.04");
        assertThat(GrossProfit.isAllowed(new BigDecimal("12.49"), MUG)).isFalse();
    }
}
