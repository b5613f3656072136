package com.openfulfil.dropship.tracking.domain.notification;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersTest {

    @ParameterizedTest
    @CsvSource({"'+84 90 123 4567', +84901234567", "'+1 (415) 555-0100', +14155550100", "0033612345678, +33612345678",
            "'+44.20.7123.4567', +442071234567"})
    void whatCustomersTypeIsTidiedToE164(String typed, String e164) {
        assertThat(PhoneNumbers.e164(typed)).contains(e164);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0901234567", "+0123456789", "+1234", "+84 90 abc 4567", "", "+1234567890123456"})
    void aNumberThatCannotBeDialledFromAbroadGetsNoMessage(String typed) {
        assertThat(PhoneNumbers.e164(typed)).isEmpty();
    }
}
