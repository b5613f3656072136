package com.openfulfil.dropship.tracking.stream;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.model.Checkpoint;
import com.openfulfil.dropship.events.model.ClaimOutcome;
import com.openfulfil.dropship.events.model.ParcelStatus;
import com.openfulfil.dropship.events.supplier.ParcelsShipped;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.events.tracking.CarrierCheckpoint;
import com.openfulfil.dropship.events.tracking.ClaimCloseRequested;
import com.openfulfil.dropship.events.tracking.ClaimFileRequested;
import com.openfulfil.dropship.events.tracking.LostParcelClaimClosed;
import com.openfulfil.dropship.events.tracking.LostParcelClaimFiled;
import com.openfulfil.dropship.events.tracking.LostParcelClaimOpened;
import com.openfulfil.dropship.events.tracking.ParcelRegistered;
import com.openfulfil.dropship.events.tracking.ParcelStatusChanged;
import com.openfulfil.dropship.support.testing.TopologyHarness;
import com.openfulfil.dropship.tracking.domain.Claim;
import com.openfulfil.dropship.tracking.domain.Parcel;
import com.openfulfil.dropship.tracking.domain.ParcelWatch;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.openfulfil.dropship.events.model.ParcelStatus.DELIVERED;
import static com.openfulfil.dropship.events.model.ParcelStatus.EXCEPTION;
import static com.openfulfil.dropship.events.model.ParcelStatus.IN_TRANSIT;
import static org.assertj.core.api.Assertions.assertThat;

/** Working a lost-parcel claim: ops file and close it, a delivery after all closes it; each step announced once. */
class ClaimTopologyTest {
    private static final String ORDER = "o-1";
    private final TopologyHarness harness = TopologyHarness.of(builder -> TrackingTopology.wire(
            builder.stream(TrackingTopology.INPUTS), new ParcelWatch(TrackingTopologyTest.RULES), Duration.ofMinutes(1)));

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void opsFileAClaimAndCloseItAsPaidAndEachStepIsAnnouncedOnce() {
        lostAfterThreeExceptions("SF1");

        ClaimFileRequested filing = new ClaimFileRequested("req-1", harness.now(), "SF1", "claim-SF1", "SF-CLM-42",
                "admin");
        request(filing);
        assertThat(events()).singleElement().isInstanceOfSatisfying(LostParcelClaimFiled.class, f -> {
            assertThat(f.orderId()).isEqualTo(ORDER);
            assertThat(f.claimId()).isEqualTo("claim-SF1");
            assertThat(f.carrierReference()).isEqualTo("SF-CLM-42");
            assertThat(f.filedBy()).isEqualTo("admin");
        });
        assertThat(claim("SF1").state()).isEqualTo(Claim.State.FILED);
        request(filing);
        request(new ClaimFileRequested("req-2", harness.now(), "SF1", "claim-SF1", "SF-OTHER", "admin"));
        assertThat(events()).as("a replayed or second filing changes nothing").isEmpty();

        harness.advance(Duration.ofDays(12));
        events(); // the parcel is still watched meanwhile: it was delayed
        request(paid("req-3", "45.00"));
        List<KeyValue<String, Event>> closed = harness.read(Topics.TRACKING_EVENTS);
        assertThat(closed).extracting(kv -> kv.key).containsExactly(ORDER);
        assertThat(closed.get(0).value).isInstanceOfSatisfying(LostParcelClaimClosed.class, c -> {
            assertThat(c.outcome()).isEqualTo(ClaimOutcome.PAID);
            assertThat(c.amount()).isEqualByComparingTo("45.00");
            assertThat(c.currency()).isEqualTo("USD");
            assertThat(c.occurredAt()).isEqualTo(harness.now());
        });
        Claim claim = claim("SF1");
        assertThat(claim.state()).isEqualTo(Claim.State.CLOSED);
        assertThat(claim.carrierReference()).isEqualTo("SF-CLM-42");
        assertThat(claim.closedAt()).isEqualTo(harness.now());

        request(new ClaimCloseRequested("req-4", harness.now(), "SF1", "claim-SF1", ClaimOutcome.REFUSED, null, null,
                null, "admin"));
        report("late", DELIVERED, harness.now());
        assertThat(events()).as("a closed claim stays as it was closed").noneMatch(e -> e.eventId().contains("claim"))
                .noneMatch(LostParcelClaimClosed.class::isInstance);
        assertThat(claim("SF1").outcome()).isEqualTo(ClaimOutcome.PAID);
    }

    @Test
    void aParcelDeliveredAfterAllClosesItsFiledClaimByItself() {
        lostAfterThreeExceptions("SF1");
        request(new ClaimFileRequested("req-1", harness.now(), "SF1", "claim-SF1", "SF-CLM-42", "admin"));
        events();

        harness.advance(Duration.ofDays(3));
        report("e9", DELIVERED, harness.now());

        List<Event> events = events();
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOfSatisfying(ParcelStatusChanged.class,
                c -> assertThat(c.status()).isEqualTo(DELIVERED));
        assertThat(events.get(1)).isInstanceOfSatisfying(LostParcelClaimClosed.class, c -> {
            assertThat(c.outcome()).isEqualTo(ClaimOutcome.DELIVERED);
            assertThat(c.closedBy()).isEqualTo(Claim.DELIVERY);
            assertThat(c.amount()).isNull();
        });
        assertThat(claim("SF1").state()).isEqualTo(Claim.State.CLOSED);
        assertThat(claim("SF1").carrierReference()).as("the filing is kept").isEqualTo("SF-CLM-42");

        report("e9", DELIVERED, harness.now());
        assertThat(events()).as("a repeated delivery closes nothing again").isEmpty();
    }

    @Test
    void anExpiredParcelReportedDeliveredLaterClosesItsClaimAndStaysExpired() {
        register("SF1");
        report("e1", IN_TRANSIT, harness.now());
        for (int day = 0; day < 31; day++) {
            harness.advance(Duration.ofDays(1));
        }
        assertThat(events()).anyMatch(LostParcelClaimOpened.class::isInstance);

        harness.advance(Duration.ofDays(2));
        report("e2", DELIVERED, harness.now());

        assertThat(events()).singleElement().isInstanceOfSatisfying(LostParcelClaimClosed.class,
                c -> assertThat(c.outcome()).isEqualTo(ClaimOutcome.DELIVERED));
        assertThat(parcel("SF1").status()).isEqualTo(ParcelStatus.EXPIRED);
    }

    @Test
    void failuresReportedAfterTheDeliveryOpenNoClaim() {
        register("SF1");
        Instant start = harness.now();
        report("e9", DELIVERED, start.plus(Duration.ofHours(10)));
        for (int i = 1; i <= 3; i++) {
            report("x" + i, EXCEPTION, start.plus(Duration.ofHours(i)));
        }
        assertThat(events()).noneMatch(LostParcelClaimOpened.class::isInstance);
        assertThat(parcel("SF1").watch().claim()).isNull();
    }

    @Test
    void aRequestForAParcelWithoutAClaimChangesNothing() {
        register("SF1");
        report("e1", IN_TRANSIT, harness.now());
        events();

        request(new ClaimFileRequested("req-1", harness.now(), "SF1", "claim-SF1", "SF-CLM-42", "admin"));
        request(paid("req-2", "10"));

        assertThat(events()).isEmpty();
        assertThat(parcel("SF1").watch().claim()).isNull();
    }

    private void lostAfterThreeExceptions(String trackingNumber) {
        register(trackingNumber);
        Instant start = harness.now();
        report("e1", IN_TRANSIT, start);
        for (int i = 1; i <= 3; i++) {
            report("x" + i, EXCEPTION, start.plus(Duration.ofHours(i)));
        }
        assertThat(events()).filteredOn(LostParcelClaimOpened.class::isInstance).hasSize(1);
    }

    private ClaimCloseRequested paid(String eventId, String amount) {
        return new ClaimCloseRequested(eventId, harness.now(), "SF1", "claim-SF1", ClaimOutcome.PAID,
                new BigDecimal(amount), "USD", "declared value", "admin");
    }

    /** What supplier-gateway writes with the shipment. */
    private void register(String trackingNumber) {
        harness.pipe(Topics.TRACKING_REGISTRATIONS, trackingNumber, new ParcelRegistered("reg-" + trackingNumber,
                harness.now(), ORDER, "d-1", "shenzhen-gadgets", "SF", trackingNumber));
    }

    private void report(String eventId, ParcelStatus status, Instant time) {
        harness.pipe(Topics.CARRIER_EVENTS, "SF1", new CarrierCheckpoint(eventId, time, "SF", "SF1", status,
                new Checkpoint(time, "Shenzhen, CN", "report " + eventId, status.name()), null));
    }

    private void request(Event request) {
        harness.pipe(Topics.TRACKING_REGISTRATIONS, "SF1", request);
    }

    private List<Event> events() {
        return harness.read(Topics.TRACKING_EVENTS).stream().map(kv -> kv.value).toList();
    }

    private Parcel parcel(String trackingNumber) {
        KeyValueStore<String, Parcel> parcels = harness.store(TrackingTopology.PARCELS);
        return parcels.get(trackingNumber);
    }

    private Claim claim(String trackingNumber) {
        return parcel(trackingNumber).watch().claim();
    }
}
