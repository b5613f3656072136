package com.openfulfil.dropship.tracking.web;

import com.openfulfil.dropship.events.model.Checkpoint;
import com.openfulfil.dropship.events.model.ClaimOutcome;
import com.openfulfil.dropship.events.model.ParcelItem;
import com.openfulfil.dropship.events.model.ParcelStatus;
import com.openfulfil.dropship.tracking.domain.Claim;
import com.openfulfil.dropship.tracking.domain.Claims;
import com.openfulfil.dropship.tracking.domain.Parcel;
import com.openfulfil.dropship.tracking.domain.ParcelWatch;
import com.openfulfil.dropship.tracking.domain.WatchRules;
import com.openfulfil.dropship.tracking.domain.Registration;
import com.openfulfil.dropship.tracking.domain.StatusReport;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
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
    void saysWhatIsInTheParcelWhenItsShipmentSaidEscaped() {
        Parcel parcel = Parcel.unknown("SF2").register(new Registration("o-1", "d-1", "shenzhen-gadgets", "SF",
                java.util.List.of(new ParcelItem(1, "MUG-001", 2, "Mug <large>"), new ParcelItem(2, "LAMP-010", 1))),
                Instant.parse("2026-11-02T08:00:00Z")).parcel();

        assertThat(TrackingPage.of(parcel)).contains("In this parcel: 2 × Mug &lt;large&gt;, 1 × LAMP-010");
        assertThat(TrackingPage.of(parcel())).doesNotContain("In this parcel");
    }

    @Test
    void aParcelWithoutNewsSaysSoAndAnUnknownNumberIsEscapedToo() {
        assertThat(TrackingPage.of(parcel())).contains("Waiting for the carrier", "No updates from the carrier yet.");
        assertThat(TrackingPage.notFound("<b>x</b>")).contains("&lt;b&gt;x&lt;/b&gt;").doesNotContain("<b>");
    }

    @Test
    void tellsTheCustomerWhereTheClaimStandsAndNothingOnceTheParcelTurnedUp() {
        Instant now = Instant.parse("2026-11-10T08:00:00Z");
        ParcelWatch watch = new ParcelWatch(new WatchRules(Duration.ofDays(5), Duration.ofDays(30), 1));
        Parcel lost = watch.afterReport(parcel().record(
                report("e1", ParcelStatus.EXCEPTION, "2026-11-03T10:00:00Z", "London, GB", "Parcel damaged")), now)
                .parcel();
        Parcel filed = Claims.file(lost, "req-1", "SF-CLM-1", now, "admin").parcel();
        Parcel paid = Claims.close(filed, "req-2", new Claim.Settlement(ClaimOutcome.PAID, new BigDecimal("45.00"),
                "USD", null, null), now, "admin").parcel();
        Parcel delivered = watch.afterReport(filed.record(
                report("e2", ParcelStatus.DELIVERED, "2026-11-09T10:00:00Z", "London, GB", "Delivered")), now).parcel();

        assertThat(TrackingPage.of(lost)).contains("We have opened a claim with the carrier");
        assertThat(TrackingPage.of(filed)).contains("Our claim with the carrier for this parcel is filed")
                .doesNotContain("SF-CLM-1");
        assertThat(TrackingPage.of(paid)).contains("The carrier has answered our claim").doesNotContain("45.00");
        assertThat(delivered.watch().claim().outcome()).isEqualTo(ClaimOutcome.DELIVERED);
        assertThat(TrackingPage.of(delivered)).contains("Delivered").doesNotContain("claim");
    }
}
