package com.openfulfil.dropship.partner.web;

import com.openfulfil.dropship.events.fixtures.MessageFiles;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.partner.domain.Languages;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** The partner app's pages show an order's status by its label: every status needs one in every language. */
class PartnerLabelsTest {
    private static final String BUNDLE = "messages_partner";

    @Test
    void everyLanguageThePartnerAppSpeaksHasItsMessagesFile() throws IOException {
        // English is the default file; every other language has a file of its own
        assertThat(MessageFiles.shipped(BUNDLE)).containsKeys(Languages.SUPPORTED.stream()
                .map(l -> l.equals(Languages.ENGLISH) ? BUNDLE + ".properties"
                        : BUNDLE + "_" + l.getLanguage() + ".properties")
                .toArray(String[]::new));
    }

    @Test
    void everyOrderStatusHasALabelInEveryMessagesFile() throws IOException {
        assertThat(MessageFiles.missingLabels(BUNDLE, "partner.status.", OrderStatus.class))
                .isNotEmpty()
                .allSatisfy((file, missing) -> assertThat(missing).as("labels missing from " + file).isEmpty());
    }
}
