package com.openfulfil.dropship.commission.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class PayoutDestinationTest {
    @Test
    void showsOnlyTheLastFourCharactersIgnoringSpaces() {
        assertThat(PayoutDestination.of("Vietcombank 0123 4567 89", Instant.EPOCH).masked()).isEqualTo("****6789");
        assertThat(PayoutDestination.of("IBAN FR76 3000 6000 0112 3456 7890 189  ", Instant.EPOCH).masked())
                .isEqualTo("****0189");
    }

    @Test
    void detailsShorterThanEightCharactersShowNothing() {
        assertThat(PayoutDestination.of("PayPal", Instant.EPOCH).masked()).isEqualTo("****");
        assertThat(PayoutDestination.of("1234 567", Instant.EPOCH).masked()).isEqualTo("****");
        assertThat(PayoutDestination.of("12345678", Instant.EPOCH).masked()).isEqualTo("****5678");
    }
}
