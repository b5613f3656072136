package com.openfulfil.dropship.tracking.domain;

import com.openfulfil.dropship.events.model.Checkpoint;
import com.openfulfil.dropship.events.model.ParcelStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static com.openfulfil.dropship.events.model.ParcelStatus.DELIVERED;
import static com.openfulfil.dropship.events.model.ParcelStatus.INFO_RECEIVED;
import static com.openfulfil.dropship.events.model.ParcelStatus.IN_TRANSIT;
import static com.openfulfil.dropship.events.model.ParcelStatus.PENDING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParcelTest {
    private static final Registration ORDER_1 = new Registration("o-1", "d-1", "shenzhen-gadgets", "SF");
    private static final Instant AT = Instant.parse("2026-11-02T08:00:00Z");

    private static StatusReport report(String eventId, ParcelStatus status, String time) {
        return new StatusReport(eventId, status, new Checkpoint(Instant.parse(time), "Shenzhen, CN", "msg",
                status.name().toLowerCase()));
    }

    private static Parcel registered() {
        return Parcel.unknown("SF1").register(ORDER_1, AT).parcel();
    }

    @Test
    void aRegistrationCreatesAPendingParcel() {
        Update update = Parcel.unknown("SF1").register(ORDER_1, AT);
        assertThat(update.changed()).isTrue();
        assertThat(update.parcel().registration()).isEqualTo(ORDER_1);
        assertThat(update.parcel().status()).isEqualTo(PENDING);
        assertThat(update.moves()).isEmpty();
    }

    @Test
    void aRepeatedRegistrationChangesNothing() {
        Parcel parcel = registered();
        Update again = parcel.register(new Registration("o-2", "d-2", "hanoi-crafts", "VNPOST"), AT);
        assertThat(again.changed()).isFalse();
        assertThat(again.parcel()).isEqualTo(parcel);
    }

    @Test
    void aReportMovesARegisteredParcel() {
        Update update = registered().record(report("e1", IN_TRANSIT, "2026-11-02T10:00:00Z"));
        assertThat(update.parcel().status()).isEqualTo(IN_TRANSIT);
        assertThat(update.moves()).singleElement()
                .satisfies(m -> assertThat(m.previous()).isEqualTo(PENDING))
                .satisfies(m -> assertThat(m.status()).isEqualTo(IN_TRANSIT));
    }

    @Test
    void aDuplicateReportIsIgnored() {
        Parcel parcel = registered().record(report("e1", IN_TRANSIT, "2026-11-02T10:00:00Z")).parcel();
        Update again = parcel.record(report("e1", IN_TRANSIT, "2026-11-02T10:00:00Z"));
        assertThat(again.changed()).isFalse();
        assertThat(again.moves()).isEmpty();
        assertThat(again.parcel().checkpoints()).hasSize(1);
    }

    @Test
    void aLateInTransitAfterDeliveredIsKeptInTheHistoryButMovesNothing() {
        Parcel delivered = registered().record(report("e2", DELIVERED, "2026-11-02T12:00:00Z")).parcel();
        Update late = delivered.record(report("e1", IN_TRANSIT, "2026-11-02T10:00:00Z"));
        assertThat(late.changed()).isTrue();
        assertThat(late.moves()).isEmpty();
        assertThat(late.parcel().status()).isEqualTo(DELIVERED);
        assertThat(late.parcel().checkpoints()).extracting(StatusReport::eventId).containsExactly("e1", "e2");
    }

    @Test
    void reportsBeforeTheRegistrationAreKeptAndAppliedInTimeOrderWhenItArrives() {
        Parcel early = Parcel.unknown("SF1")
                .record(report("e2", IN_TRANSIT, "2026-11-02T11:00:00Z")).parcel()
                .record(report("e1", INFO_RECEIVED, "2026-11-02T10:00:00Z")).parcel();
        assertThat(early.status()).isEqualTo(PENDING);
        assertThat(early.registered()).isFalse();

        Update update = early.register(ORDER_1, AT);
        assertThat(update.parcel().status()).isEqualTo(IN_TRANSIT);
        assertThat(update.moves()).extracting(Move::status).containsExactly(INFO_RECEIVED, IN_TRANSIT);
        assertThat(update.moves()).extracting(Move::previous).containsExactly(PENDING, INFO_RECEIVED);
    }

    @Test
    void aReportWithoutStatusOrTimeCannotExist() {
        assertThatThrownBy(() -> new StatusReport("e1", null, new Checkpoint(Instant.now(), null, null, "x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StatusReport("e1", IN_TRANSIT, new Checkpoint(null, null, null, "x")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
