package com.openfulfil.dropship.events.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CarrierTest {

    @Test
    void findsACarrierByItsCodeInAnyCaseAndWithBlanksAround() {
        assertThat(Carrier.find("SF")).contains(Carrier.SF);
        assertThat(Carrier.find(" vnpost ")).contains(Carrier.VNPOST);
        assertThat(Carrier.SF.code()).isEqualTo("SF");
    }

    @Test
    void findsACarrierByTheOtherIdsItGoesBy() {
        assertThat(Carrier.find("laposte")).contains(Carrier.COLISSIMO);
        assertThat(Carrier.find("DHLEXPRESS")).contains(Carrier.DHL);
        assertThat(Carrier.find("SFExpress")).contains(Carrier.SF);
    }

    @Test
    void anUnknownOrMissingIdFindsNothing() {
        assertThat(Carrier.find("ACME")).isEmpty();
        assertThat(Carrier.find("")).isEmpty();
        assertThat(Carrier.find(null)).isEmpty();
    }

    @Test
    void anUnknownCarrierIsRefusedNamingTheSettingAndTheKnownCarriers() {
        assertThat(Carrier.require("laposte", "some.setting")).isEqualTo(Carrier.COLISSIMO);
        assertThatThrownBy(() -> Carrier.require("ACME", "dropship.ops.supplier-portal.carriers"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("dropship.ops.supplier-portal.carriers: \"ACME\" is not a carrier we support")
                .hasMessageContaining("SF (SF Express)").hasMessageContaining("VNPOST (Vietnam Post)");
    }

    @Test
    void everyCarrierHasANameAndNoIdNamesTwoCarriers() {
        List<String> ids = new ArrayList<>();
        for (Carrier carrier : Carrier.values()) {
            assertThat(carrier.displayName()).as(carrier.code()).isNotBlank();
            ids.add(carrier.code());
            ids.addAll(carrier.aliases());
        }
        assertThat(ids).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(Carrier.find(id)).isPresent());
        assertThat(Carrier.known().split(", ")).hasSize(Carrier.values().length);
    }
}
