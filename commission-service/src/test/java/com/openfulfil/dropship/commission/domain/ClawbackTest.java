package com.openfulfil.dropship.commission.domain;

import com.openfulfil.dropship.events.model.OrderLine;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClawbackTest {
    private static final List<OrderLine> MIXED_USD = List.of(line(2, "12.50", "15.00"), line(1, "10.00", "10.00"));

    @Test
    void aPartialRefundTakesBackTheSameShareRoundedHalfUpToCents() {
        // paid 40.00; commission 5.00; refund 10.00 → 1.25; refund 13.00 → 1.625 → 1.63
        Commission c = commission("USD", "5.00");

        assertThat(Clawback.of(c, MIXED_USD, new BigDecimal("10.00"))).isEqualTo(new BigDecimal("1.25"));
        assertThat(Clawback.of(c, MIXED_USD, new BigDecimal("13.00"))).isEqualTo(new BigDecimal("1.63"));
    }

    @Test
    void vndRoundsToWholeDong() {
        // paid 650 000; commission 123 250; refund 100 000 → 18 961.5 → 18 962
        Commission c = commission("VND", "123250");

        assertThat(Clawback.of(c, List.of(line(2, "250000", "325000")), new BigDecimal("100000")))
                .isEqualTo(new BigDecimal("18962"));
    }

    @Test
    void aFullOrUnknownRefundTakesAllThatIsLeft() {
        Commission c = commission("USD", "5.00");

        assertThat(Clawback.of(c, MIXED_USD, new BigDecimal("40.00"))).isEqualTo(new BigDecimal("5.00"));
        assertThat(Clawback.of(c, MIXED_USD, null)).isEqualTo(new BigDecimal("5.00"));
        assertThat(Clawback.of(c.reverse("refund-1", new BigDecimal("1.00"), Instant.EPOCH), MIXED_USD, new BigDecimal("40.00")))
                .isEqualTo(new BigDecimal("4.00"));
    }

    @Test
    void aZeroCommissionHasNothingToTakeBack() {
        assertThat(Clawback.of(commission("USD", "0.00"), MIXED_USD, new BigDecimal("10.00")))
                .isEqualTo(new BigDecimal("0.00"));
    }

    static Commission commission(String currency, String total) {
        BigDecimal amount = new BigDecimal(total);
        return Commission.earned("o-1", "partner-lan", "Lan", new Breakdown(currency, amount, List.of(), amount),
                Instant.EPOCH);
    }

    private static OrderLine line(int quantity, String retail, String sale) {
        return new OrderLine(1, "SKU", "Product", quantity, new BigDecimal(retail), new BigDecimal(sale));
    }
}
