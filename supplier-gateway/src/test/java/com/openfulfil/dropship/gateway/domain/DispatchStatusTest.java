package com.openfulfil.dropship.gateway.domain;

import org.junit.jupiter.api.Test;

import static com.openfulfil.dropship.gateway.domain.DispatchStatus.ACCEPTED;
import static com.openfulfil.dropship.gateway.domain.DispatchStatus.REJECTED;
import static com.openfulfil.dropship.gateway.domain.DispatchStatus.SENT;
import static com.openfulfil.dropship.gateway.domain.DispatchStatus.SHIPPED;
import static org.assertj.core.api.Assertions.assertThat;

class DispatchStatusTest {

    @Test
    void onlyASentDispatchCanBeAccepted() {
        assertThat(SENT.canAccept()).isTrue();
        assertThat(ACCEPTED.canAccept()).isFalse();
        assertThat(SHIPPED.canAccept()).isFalse();
        assertThat(REJECTED.canAccept()).isFalse();
    }

    @Test
    void aDispatchCanBeRejectedUntilItShips() {
        assertThat(SENT.canReject()).isTrue();
        assertThat(ACCEPTED.canReject()).isTrue();
        assertThat(SHIPPED.canReject()).isFalse();
        assertThat(REJECTED.canReject()).isFalse();
    }

    @Test
    void anythingButARejectedDispatchCanShipIncludingMoreParcelsOfAPartialShipment() {
        assertThat(SENT.canShip()).isTrue();
        assertThat(ACCEPTED.canShip()).isTrue();
        assertThat(SHIPPED.canShip()).isTrue();
        assertThat(REJECTED.canShip()).isFalse();
    }
}
