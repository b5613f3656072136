package com.openfulfil.dropship.tracking.web;

import com.openfulfil.dropship.events.model.Checkpoint;
import com.openfulfil.dropship.events.model.ParcelStatus;
import com.openfulfil.dropship.tracking.domain.Parcel;
import com.openfulfil.dropship.tracking.domain.Registration;
import com.openfulfil.dropship.tracking.domain.StatusReport;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TrackingPageTest {

    private static Parcel parcel(StatusReport... reports) {
        Parcel parcel = Parcel.unknown("SF1").register(new Registration("o-secret", "d-1", "shenzhen-gadgets", "SF"),
                Instant.parse("2026-11-02T08:00:00Z")).parcel();
        for (StatusReport report : reports) {
            parcel = parcel.record(report).parcel();
        }
        return parcel;
    }

    private static StatusReport report(String id, ParcelStatus status, String time, String location, String message) {
        return new StatusReport(id, status, new Checkpoint(Instant.parse(time), location, message, status.name()));
    }

    @Test
    void showsTheStatusAndTheCheckpointsNewestFirstWithEveryCarrierWordEscaped() {
        String html = TrackingPage.of(parcel(
                report("e1", ParcelStatus.IN_TRANSIT, "2026-11-02T10:00:00Z", "Shenzhen, CN", "Departed facility"),
                report("e2", ParcelStatus.OUT_FOR_DELIVERY, "2026-11-04T07:00:00Z", "London <GB>",
                        "<script>alert('x')</script> & co")));

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<h1>Parcel SF1</h1>", "Out for delivery",
                "2026-11-04 07:00 UTC", "London &lt;GB&gt;", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co");
        assertThat(html).doesNotContain("<script>", "o-secret", "shenzhen-gadgets");
        assertThat(html.indexOf("London")).as("newest first").isLessThan(html.indexOf("Shenzhen"));
    }

    @Test
    void aParcelWithoutNewsSaysSoAndAnUnknownNumberIsEscapedToo() {
        assertThat(TrackingPage.of(parcel())).contains("Waiting for the carrier", "No updates from the carrier yet.");
        assertThat(TrackingPage.notFound("<b>x</b>")).contains("&lt;b&gt;x&lt;/b&gt;").doesNotContain("<b>");
    }
}
