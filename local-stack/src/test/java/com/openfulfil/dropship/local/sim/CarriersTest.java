package com.openfulfil.dropship.local.sim;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class CarriersTest {

    @Test
    void eachDemoSupplierShipsWithItsCarrier() {
        assertThat(Carriers.carrierOf("shenzhen-gadgets")).isEqualTo("SF");
        assertThat(Carriers.carrierOf("hanoi-crafts")).isEqualTo("VNPOST");
        assertThat(Carriers.carrierOf("lyon-linen")).isEqualTo("COLISSIMO");
    }

    @Test
    void trackingNumberIsTheCarrierPrefixAndTwelveDigits() {
        assertThat(Carriers.trackingNumber("SF", "dsp-1")).matches("SF\\d{12}");
        assertThat(Carriers.trackingNumber("VNPOST", "dsp-1")).matches("VN\\d{12}");
        assertThat(Carriers.trackingNumber("COLISSIMO", "dsp-1")).matches("CO\\d{12}");
    }

    @Test
    void aRedeliveredDispatchGetsTheSameTrackingNumber() {
        assertThat(Carriers.trackingNumber("SF", "dsp-7f3a")).isEqualTo(Carriers.trackingNumber("SF", "dsp-7f3a"));
    }

    @Test
    void differentDispatchesGetDifferentTrackingNumbers() {
        Set<String> numbers = new HashSet<>();
        IntStream.range(0, 10_000).forEach(i -> numbers.add(Carriers.trackingNumber("SF", "dispatch-" + i)));
        assertThat(numbers).hasSize(10_000);
    }
}
