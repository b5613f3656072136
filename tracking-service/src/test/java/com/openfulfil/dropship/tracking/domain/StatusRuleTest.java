package com.openfulfil.dropship.tracking.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;

import static com.openfulfil.dropship.events.model.ParcelStatus.ATTEMPT_FAIL;
import static com.openfulfil.dropship.events.model.ParcelStatus.AVAILABLE_FOR_PICKUP;
import static com.openfulfil.dropship.events.model.ParcelStatus.DELIVERED;
import static com.openfulfil.dropship.events.model.ParcelStatus.EXCEPTION;
import static com.openfulfil.dropship.events.model.ParcelStatus.EXPIRED;
import static com.openfulfil.dropship.events.model.ParcelStatus.INFO_RECEIVED;
import static com.openfulfil.dropship.events.model.ParcelStatus.IN_TRANSIT;
import static com.openfulfil.dropship.events.model.ParcelStatus.OUT_FOR_DELIVERY;
import static com.openfulfil.dropship.events.model.ParcelStatus.PENDING;
import static org.assertj.core.api.Assertions.assertThat;

class StatusRuleTest {
    private static final Instant T10 = Instant.parse("2026-11-02T10:00:00Z");
    private static final Instant T11 = Instant.parse("2026-11-02T11:00:00Z");
    private static final Instant T09 = Instant.parse("2026-11-02T09:00:00Z");

    @Test
    void movesForwardAlongTheHappyPath() {
        assertThat(StatusRule.moves(PENDING, null, INFO_RECEIVED, T10)).isTrue();
        assertThat(StatusRule.moves(INFO_RECEIVED, T09, IN_TRANSIT, T10)).isTrue();
        assertThat(StatusRule.moves(IN_TRANSIT, T09, OUT_FOR_DELIVERY, T10)).isTrue();
        assertThat(StatusRule.moves(OUT_FOR_DELIVERY, T09, DELIVERED, T10)).isTrue();
        assertThat(StatusRule.moves(PENDING, null, DELIVERED, T10)).as("steps may be skipped").isTrue();
    }

    @Test
    void aLateInTransitAfterDeliveredIsIgnored() {
        assertThat(StatusRule.moves(DELIVERED, T10, IN_TRANSIT, T09)).isFalse();
        assertThat(StatusRule.moves(DELIVERED, T10, IN_TRANSIT, T11)).as("even when it claims to be newer").isFalse();
    }

    @ParameterizedTest
    @EnumSource
    void nothingLeavesDeliveredOrExpired(com.openfulfil.dropship.events.model.ParcelStatus next) {
        assertThat(StatusRule.moves(DELIVERED, T10, next, T11)).isFalse();
        assertThat(StatusRule.moves(EXPIRED, T10, next, T11)).isFalse();
    }

    @Test
    void neverMovesBackOrToTheSameStatus() {
        assertThat(StatusRule.moves(IN_TRANSIT, T10, INFO_RECEIVED, T11)).isFalse();
        assertThat(StatusRule.moves(OUT_FOR_DELIVERY, T10, IN_TRANSIT, T11)).isFalse();
        assertThat(StatusRule.moves(IN_TRANSIT, T10, IN_TRANSIT, T11)).isFalse();
        assertThat(StatusRule.moves(INFO_RECEIVED, T10, PENDING, T11)).isFalse();
    }

    @Test
    void exceptionOrAFailedAttemptMayFollowInTransit() {
        assertThat(StatusRule.moves(IN_TRANSIT, T10, EXCEPTION, T11)).isTrue();
        assertThat(StatusRule.moves(IN_TRANSIT, T10, ATTEMPT_FAIL, T11)).isTrue();
    }

    @Test
    void outForDeliveryMayFollowAFailedAttempt() {
        assertThat(StatusRule.moves(ATTEMPT_FAIL, T10, OUT_FOR_DELIVERY, T11)).isTrue();
        assertThat(StatusRule.moves(EXCEPTION, T10, DELIVERED, T11)).isTrue();
    }

    @Test
    void aNewerFailedAttemptMayFollowOutForDeliveryButALateOneMayNot() {
        assertThat(StatusRule.moves(OUT_FOR_DELIVERY, T10, ATTEMPT_FAIL, T11)).isTrue();
        assertThat(StatusRule.moves(AVAILABLE_FOR_PICKUP, T10, EXCEPTION, T11)).isTrue();
        assertThat(StatusRule.moves(OUT_FOR_DELIVERY, T10, ATTEMPT_FAIL, T09)).isFalse();
        assertThat(StatusRule.moves(OUT_FOR_DELIVERY, T10, ATTEMPT_FAIL, T10)).isFalse();
    }

    @Test
    void aFailureDoesNotJumpBackBeforeInTransit() {
        assertThat(StatusRule.moves(INFO_RECEIVED, T10, EXCEPTION, T11)).as("forward by rank").isTrue();
        assertThat(StatusRule.moves(ATTEMPT_FAIL, T10, EXCEPTION, T11)).as("one failure after another").isTrue();
        assertThat(StatusRule.moves(ATTEMPT_FAIL, T10, EXCEPTION, T09)).isFalse();
    }
}
