package com.openfulfil.dropship.tracking.stream;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.model.Checkpoint;
import com.openfulfil.dropship.events.model.ParcelStatus;
import com.openfulfil.dropship.events.supplier.ParcelsShipped;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.events.tracking.CarrierCheckpoint;
import com.openfulfil.dropship.events.tracking.CarrierCheckpoints;
import com.openfulfil.dropship.events.tracking.ParcelRegistered;
import com.openfulfil.dropship.events.tracking.LostParcelClaimClosed;
import com.openfulfil.dropship.events.tracking.LostParcelClaimOpened;
import com.openfulfil.dropship.events.tracking.ParcelDelayed;
import com.openfulfil.dropship.events.tracking.ParcelStatusChanged;
import com.openfulfil.dropship.support.testing.TopologyHarness;
import com.openfulfil.dropship.tracking.domain.Parcel;
import com.openfulfil.dropship.tracking.domain.ParcelWatch;
import com.openfulfil.dropship.tracking.domain.WatchRules;
import com.openfulfil.dropship.tracking.domain.StatusReport;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.openfulfil.dropship.events.model.ParcelStatus.DELIVERED;
import static com.openfulfil.dropship.events.model.ParcelStatus.IN_TRANSIT;
import static com.openfulfil.dropship.events.model.ParcelStatus.OUT_FOR_DELIVERY;
import static com.openfulfil.dropship.events.model.ParcelStatus.PENDING;
import static org.assertj.core.api.Assertions.assertThat;

class TrackingTopologyTest {
    private static final String ORDER = "o-1";
    static final WatchRules RULES = new WatchRules(Duration.ofDays(5), Duration.ofDays(30), 3);
    private final TopologyHarness harness = TopologyHarness.of(builder -> TrackingTopology.wire(
            builder.stream(TrackingTopology.INPUTS), new ParcelWatch(RULES), Duration.ofMinutes(1)));

    @AfterEach
    void close() {
        harness.close();
    }

    /** What supplier-gateway writes with a shipment: one registration per tracking number. */
    private void register(String eventId, String... trackingNumbers) {
        for (String trackingNumber : trackingNumbers) {
            harness.pipe(Topics.TRACKING_REGISTRATIONS, trackingNumber, new ParcelRegistered(eventId + "-" + trackingNumber,
                    harness.now(), ORDER, "d-1", "shenzhen-gadgets", "SF", trackingNumber));
        }
    }

    private static CarrierCheckpoint checkpoint(String eventId, String trackingNumber, ParcelStatus status,
                                                String time) {
        return new CarrierCheckpoint(eventId, Instant.parse(time), "SF", trackingNumber, status,
                new Checkpoint(Instant.parse(time), "Shenzhen, CN", "report " + eventId, status.name()), null);
    }

    private static CarrierCheckpoint withEstimate(CarrierCheckpoint c, Instant estimatedDelivery) {
        return new CarrierCheckpoint(c.eventId(), c.occurredAt(), c.carrier(), c.trackingNumber(), c.status(),
                c.checkpoint(), estimatedDelivery);
    }

    private void report(CarrierCheckpoint checkpoint) {
        harness.pipe(Topics.CARRIER_EVENTS, checkpoint.trackingNumber(), checkpoint);
    }

    private List<ParcelStatusChanged> changes() {
        return harness.readValues(Topics.TRACKING_EVENTS, ParcelStatusChanged.class);
    }

    private Parcel parcel(String trackingNumber) {
        KeyValueStore<String, Parcel> parcels = harness.store(TrackingTopology.PARCELS);
        return parcels.get(trackingNumber);
    }

    @Test
    void eachRegisteredTrackingNumberIsAParcelOfItsOwnWaitingForItsCarrier() {
        register("ship-1", "SF1", "SF2");

        for (String trackingNumber : List.of("SF1", "SF2")) {
            assertThat(parcel(trackingNumber).registration().dispatchId()).isEqualTo("d-1");
            assertThat(parcel(trackingNumber).registration().orderId()).isEqualTo(ORDER);
            assertThat(parcel(trackingNumber).status()).isEqualTo(PENDING);
        }
        assertThat(changes()).isEmpty();
    }

    @Test
    void aRepeatedRegistrationChangesNothing() {
        register("ship-1", "SF1");
        report(checkpoint("e1", "SF1", IN_TRANSIT, "2026-11-02T10:00:00Z"));
        Parcel before = parcel("SF1");
        changes();

        register("ship-1", "SF1");

        assertThat(parcel("SF1")).isEqualTo(before);
        assertThat(changes()).isEmpty();
    }

    @Test
    void checkpointsInOrderMoveTheParcelStepByStep() {
        register("ship-1", "SF1");
        report(checkpoint("e1", "SF1", IN_TRANSIT, "2026-11-02T10:00:00Z"));
        report(checkpoint("e2", "SF1", OUT_FOR_DELIVERY, "2026-11-03T07:00:00Z"));
        report(checkpoint("e3", "SF1", DELIVERED, "2026-11-03T15:00:00Z"));

        List<KeyValue<String, Event>> out = harness.read(Topics.TRACKING_EVENTS);
        assertThat(out).extracting(kv -> kv.key).containsOnly(ORDER);
        List<ParcelStatusChanged> changes = out.stream().map(kv -> (ParcelStatusChanged) kv.value).toList();
        assertThat(changes).extracting(ParcelStatusChanged::previous).containsExactly(PENDING, IN_TRANSIT, OUT_FOR_DELIVERY);
        assertThat(changes).extracting(ParcelStatusChanged::status).containsExactly(IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED);
        assertThat(changes.get(2)).satisfies(c -> {
            assertThat(c.trackingNumber()).isEqualTo("SF1");
            assertThat(c.dispatchId()).isEqualTo("d-1");
            assertThat(c.carrier()).isEqualTo("SF");
            assertThat(c.checkpoint().message()).isEqualTo("report e3");
            assertThat(c.occurredAt()).isEqualTo(harness.now());
        });
        assertThat(parcel("SF1").status()).isEqualTo(DELIVERED);
    }

    @Test
    void checkpointsOutOfOrderNeverMoveTheParcelBack() {
        register("ship-1", "SF1");
        report(checkpoint("e3", "SF1", DELIVERED, "2026-11-03T15:00:00Z"));
        report(checkpoint("e1", "SF1", IN_TRANSIT, "2026-11-02T10:00:00Z"));
        report(checkpoint("e2", "SF1", OUT_FOR_DELIVERY, "2026-11-03T07:00:00Z"));

        assertThat(changes()).singleElement().satisfies(c -> {
            assertThat(c.previous()).isEqualTo(PENDING);
            assertThat(c.status()).isEqualTo(DELIVERED);
        });
        assertThat(parcel("SF1").status()).isEqualTo(DELIVERED);
        assertThat(parcel("SF1").checkpoints()).extracting(StatusReport::eventId)
                .as("history keeps every report, by time").containsExactly("e1", "e2", "e3");
    }

    @Test
    void aRepeatedCheckpointIsDropped() {
        register("ship-1", "SF1");
        report(checkpoint("e1", "SF1", IN_TRANSIT, "2026-11-02T10:00:00Z"));
        report(checkpoint("e1", "SF1", IN_TRANSIT, "2026-11-02T10:00:00Z"));

        assertThat(changes()).hasSize(1);
        assertThat(parcel("SF1").checkpoints()).hasSize(1);
    }

    @Test
    void aCheckpointBeforeTheRegistrationIsAppliedWhenTheRegistrationArrives() {
        report(checkpoint("e1", "SF1", IN_TRANSIT, "2026-11-02T10:00:00Z"));
        assertThat(changes()).isEmpty();
        assertThat(parcel("SF1").registered()).isFalse();
        assertThat(parcel("SF1").checkpoints()).hasSize(1);

        register("ship-1", "SF1");

        assertThat(changes()).singleElement().satisfies(c -> {
            assertThat(c.orderId()).isEqualTo(ORDER);
            assertThat(c.previous()).isEqualTo(PENDING);
            assertThat(c.status()).isEqualTo(IN_TRANSIT);
        });
        assertThat(parcel("SF1").status()).isEqualTo(IN_TRANSIT);
    }

    @Test
    void oneParcelsEventsNeverTouchAnother() {
        register("ship-1", "SF1", "SF2");
        report(checkpoint("e1", "SF1", IN_TRANSIT, "2026-11-02T10:00:00Z"));
        report(checkpoint("e2", "SF1", DELIVERED, "2026-11-03T15:00:00Z"));

        assertThat(changes()).extracting(ParcelStatusChanged::trackingNumber).containsOnly("SF1");
        assertThat(parcel("SF2").status()).isEqualTo(PENDING);
        assertThat(parcel("SF2").checkpoints()).isEmpty();

        report(checkpoint("e1", "SF2", IN_TRANSIT, "2026-11-02T11:00:00Z"));
        assertThat(changes()).as("the same carrier event id on another parcel is its own report")
                .singleElement().satisfies(c -> assertThat(c.trackingNumber()).isEqualTo("SF2"));
        assertThat(parcel("SF1").status()).isEqualTo(DELIVERED);
    }
    private List<Event> trackingEvents() {
        return harness.read(Topics.TRACKING_EVENTS).stream().map(kv -> kv.value).toList();
    }

    private String at(Duration afterStart) {
        return harness.now().plus(afterStart).toString();
    }

    @Test
    void aSilentParcelIsDelayedOnceForEachSilence() {
        register("ship-1", "SF1");
        report(checkpoint("e1", "SF1", IN_TRANSIT, at(Duration.ZERO)));
        trackingEvents();

        harness.advance(Duration.ofDays(5).minusMinutes(2));
        assertThat(trackingEvents()).as("not yet").isEmpty();
        harness.advance(Duration.ofMinutes(3));
        assertThat(trackingEvents()).singleElement().isInstanceOfSatisfying(ParcelDelayed.class, d -> {
            assertThat(d.orderId()).isEqualTo(ORDER);
            assertThat(d.trackingNumber()).isEqualTo("SF1");
            assertThat(d.status()).isEqualTo(IN_TRANSIT);
            assertThat(d.lastHeardAt()).isEqualTo(Instant.parse("2026-11-02T09:00:00Z"));
            assertThat(d.estimatedDelivery()).isNull();
        });
        harness.advance(Duration.ofDays(2));
        assertThat(trackingEvents()).as("a timer fires once").isEmpty();

        report(checkpoint("e2", "SF1", OUT_FOR_DELIVERY, harness.now().toString()));
        trackingEvents();
        harness.advance(Duration.ofDays(5).plusMinutes(1));
        assertThat(trackingEvents()).as("news, then a new silence").singleElement().isInstanceOf(ParcelDelayed.class);
    }

    @Test
    void aPassedDeliveryEstimateIsADelayAnnouncedOnce() {
        register("ship-1", "SF1");
        Instant eta = harness.now().plus(Duration.ofDays(2));
        report(withEstimate(checkpoint("e1", "SF1", IN_TRANSIT, at(Duration.ZERO)), eta));
        trackingEvents();

        harness.advance(Duration.ofDays(2).plusMinutes(1));
        assertThat(trackingEvents()).as("two days, long before the silence limit").singleElement()
                .isInstanceOfSatisfying(ParcelDelayed.class, d -> assertThat(d.estimatedDelivery()).isEqualTo(eta));

        // the carrier keeps reporting, still late: the same passed estimate is not announced again
        report(withEstimate(checkpoint("e2", "SF1", IN_TRANSIT, harness.now().toString()), eta));
        harness.advance(Duration.ofDays(1));
        assertThat(trackingEvents()).isEmpty();
        harness.advance(Duration.ofDays(4));
        assertThat(trackingEvents()).as("then silence").singleElement().isInstanceOfSatisfying(ParcelDelayed.class,
                d -> assertThat(d.estimatedDelivery()).isNull());
    }

    @Test
    void thirtyDaysOfSilenceExpireTheParcelAndOpenOneClaim() {
        register("ship-1", "SF1");
        report(checkpoint("e1", "SF1", IN_TRANSIT, at(Duration.ZERO)));
        trackingEvents();

        for (int day = 0; day < 31; day++) {
            harness.advance(Duration.ofDays(1));
        }
        List<Event> events = trackingEvents();
        assertThat(events).hasSize(3);
        assertThat(events.get(0)).isInstanceOf(ParcelDelayed.class);
        assertThat(events.get(1)).isInstanceOfSatisfying(ParcelStatusChanged.class, c -> {
            assertThat(c.previous()).isEqualTo(IN_TRANSIT);
            assertThat(c.status()).isEqualTo(ParcelStatus.EXPIRED);
        });
        assertThat(events.get(2)).isInstanceOfSatisfying(LostParcelClaimOpened.class, c -> {
            assertThat(c.orderId()).isEqualTo(ORDER);
            assertThat(c.claimId()).isEqualTo("claim-SF1");
            assertThat(c.carrier()).isEqualTo("SF");
        });
        assertThat(parcel("SF1").status()).isEqualTo(ParcelStatus.EXPIRED);
        assertThat(parcel("SF1").watch().claim().claimId()).isEqualTo("claim-SF1");

        harness.advance(Duration.ofDays(40));
        assertThat(trackingEvents()).as("its timers are done").isEmpty();
        report(checkpoint("e9", "SF1", DELIVERED, harness.now().toString()));
        assertThat(trackingEvents()).as("expired is final: the delivery only closes the claim").singleElement()
                .isInstanceOf(LostParcelClaimClosed.class);
        assertThat(parcel("SF1").status()).isEqualTo(ParcelStatus.EXPIRED);
    }

    @Test
    void repeatedFailedDeliveriesOpenOneClaim() {
        register("ship-1", "SF1");
        report(checkpoint("e1", "SF1", OUT_FOR_DELIVERY, at(Duration.ofHours(1))));
        report(checkpoint("e2", "SF1", ParcelStatus.ATTEMPT_FAIL, at(Duration.ofHours(2))));
        report(checkpoint("e3", "SF1", OUT_FOR_DELIVERY, at(Duration.ofHours(20))));
        report(checkpoint("e4", "SF1", ParcelStatus.ATTEMPT_FAIL, at(Duration.ofHours(21))));
        assertThat(trackingEvents()).noneMatch(LostParcelClaimOpened.class::isInstance);

        report(checkpoint("e5", "SF1", ParcelStatus.EXCEPTION, at(Duration.ofHours(30))));
        report(checkpoint("e6", "SF1", ParcelStatus.EXCEPTION, at(Duration.ofHours(31))));
        assertThat(trackingEvents()).filteredOn(LostParcelClaimOpened.class::isInstance).singleElement()
                .isInstanceOfSatisfying(LostParcelClaimOpened.class,
                        c -> assertThat(c.reason()).isEqualTo("3 failed deliveries or carrier exceptions"));
    }

    @Test
    void aDeliveredParcelIsNoLongerWatched() {
        register("ship-1", "SF1");
        report(checkpoint("e1", "SF1", DELIVERED, at(Duration.ZERO)));
        trackingEvents();

        harness.advance(Duration.ofDays(31));
        assertThat(trackingEvents()).isEmpty();
        KeyValueStore<String, String> deadlines = harness.store(TrackingTopology.PARCEL_DEADLINES);
        assertThat(deadlines.approximateNumEntries()).isZero();
    }

    @Test
    void aCarrierReportingAParcelsWholeJourneyAtOnceMovesItInOneStep() {
        register("ship-1", "SF1");
        CarrierCheckpoint transit = checkpoint("j1", "SF1", IN_TRANSIT, "2026-11-02T10:00:00Z");
        CarrierCheckpoint out = checkpoint("j2", "SF1", OUT_FOR_DELIVERY, "2026-11-03T08:00:00Z");
        CarrierCheckpoint delivered = checkpoint("j3", "SF1", DELIVERED, "2026-11-03T12:00:00Z");

        harness.pipe(Topics.CARRIER_EVENTS, "SF1", new CarrierCheckpoints("batch-1", harness.now(), "SF", "SF1",
                List.of(transit, out, delivered)));

        assertThat(changes()).as("one move, from where it was to where it ends").singleElement().satisfies(c -> {
            assertThat(c.previous()).isEqualTo(PENDING);
            assertThat(c.status()).isEqualTo(DELIVERED);
            assertThat(c.checkpoint()).isEqualTo(delivered.checkpoint());
        });
        assertThat(parcel("SF1").checkpoints()).extracting(StatusReport::eventId).containsExactly("j1", "j2", "j3");

        harness.pipe(Topics.CARRIER_EVENTS, "SF1", new CarrierCheckpoints("batch-2", harness.now(), "SF", "SF1",
                List.of(delivered)));
        assertThat(changes()).as("a report seen before changes nothing").isEmpty();
    }
}
