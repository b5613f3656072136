package com.openfulfil.dropship.order.domain;

import com.openfulfil.dropship.events.fixtures.OrderFixtures;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** R2.4: equal → profit 0 and allowed; higher → the difference × quantity; lower → refused. */
class PriceRuleTest {
    @Test
    void sellingAtTheProductsPriceIsAllowedWithNoProfit() {
        assertThat(PriceRule.isAllowed(new BigDecimal("12.50"), new BigDecimal("12.5"))).isTrue();
        assertThat(PriceRule.grossProfit(OrderFixtures.anOrder().withLine("MUG-001", 3, "12.50", "12.50").details().lines()))
                .isEqualByComparingTo("0");
    }

    @Test
    void oneMinorUnitBelowIsRefused() {
        assertThat(PriceRule.isAllowed(new BigDecimal("12.49"), new BigDecimal("12.50"))).isFalse();
        assertThat(PriceRule.isAllowed(new BigDecimal("249999"), new BigDecimal("250000"))).isFalse();
    }

    @Test
    void sellingHigherEarnsTheDifferenceTimesQuantity() {
        var lines = OrderFixtures.anOrder()
                .withLine("MUG-001", 2, "12.50", "15.00")
                .withLine("LAMP-010", 1, "39.00", "39.00")
                .withLine("TOWEL-020", 3, "18.00", "18.01").details().lines();
        assertThat(PriceRule.grossProfit(lines)).isEqualByComparingTo("5.03");
    }

    @Test
    void theRefusalSaysWhatTheSeedSays() {
        assertThat(PriceRule.BELOW_RETAIL).isEqualTo("Selling price cannot be lower than the product's price");
    }
}
