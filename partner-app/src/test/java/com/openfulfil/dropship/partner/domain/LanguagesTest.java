package com.openfulfil.dropship.partner.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class LanguagesTest {
    @Test
    void theBrowsersFirstLanguageWeSpeak() {
        assertThat(Languages.preferred(List.of(Locale.forLanguageTag("vi-VN"), Locale.ENGLISH)))
                .isEqualTo(Languages.VIETNAMESE);
        assertThat(Languages.preferred(List.of(Locale.FRENCH, Locale.forLanguageTag("en-GB"))))
                .isEqualTo(Languages.ENGLISH);
        assertThat(Languages.preferred(List.of(Locale.JAPANESE))).isEqualTo(Languages.ENGLISH);
    }

    @Test
    void aChoiceMustBeALanguageWeSpeak() {
        assertThat(Languages.chosen("vi")).hasValue(Languages.VIETNAMESE);
        assertThat(Languages.chosen("EN")).hasValue(Languages.ENGLISH);
        assertThat(Languages.chosen("fr")).isEmpty();
        assertThat(Languages.chosen("<script>")).isEmpty();
    }
}
