package com.openfulfil.dropship.tracking.web;

import com.openfulfil.dropship.events.fixtures.MessageFiles;
import com.openfulfil.dropship.events.model.ParcelStatus;
import com.openfulfil.dropship.tracking.domain.Parcel;
import com.openfulfil.dropship.tracking.domain.Registration;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The customer tracking page shows a parcel's status by its label: every status needs one in every file. */
class TrackingPageLabelsTest {
    private static final String BUNDLE = "tracking-page";

    @Test
    void everyParcelStatusHasALabelInEveryMessagesFile() throws IOException {
        assertThat(MessageFiles.missingLabels(BUNDLE, "status.", ParcelStatus.class))
                .containsKey(BUNDLE + ".properties")
                .allSatisfy((file, missing) -> assertThat(missing).as("labels missing from " + file).isEmpty());
    }

    @Test
    void thePageShowsEachStatusByItsLabel() throws IOException {
        Properties english = MessageFiles.shipped(BUNDLE).get(BUNDLE + ".properties");
        Instant at = Instant.parse("2026-11-02T08:00:00Z");
        Parcel registered = Parcel.unknown("SF1").register(new Registration("o-1", "d-1", "shenzhen-gadgets", "SF"), at)
                .parcel();
        for (ParcelStatus status : ParcelStatus.values()) {
            Parcel parcel = new Parcel(registered.trackingNumber(), registered.registration(), status, at,
                    registered.checkpoints(), registered.watch());
            assertThat(TrackingPage.of(parcel)).as(status.name())
                    .contains("<strong>" + english.getProperty("status." + status.name()) + "</strong>");
        }
    }
}
