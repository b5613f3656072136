package com.openfulfil.dropship.tracking.connector;

import com.openfulfil.dropship.events.model.ParcelStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** Three carriers' own status codes, normalised to one status set. */
class CarrierCodesTest {
    private final CarrierAdapters adapters = adapters();

    private static CarrierAdapters adapters() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("sf", new SfExpressAdapter());
        beans.addBean("colissimo", new ColissimoAdapter());
        beans.addBean("dhl", new DhlAdapter());
        return new CarrierAdapters(beans.getBeanProvider(CarrierAdapter.class));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "SF, 54, INFO_RECEIVED",
            "SF, 50, IN_TRANSIT",
            "sf, 31, IN_TRANSIT",
            "SF, 44, OUT_FOR_DELIVERY",
            "SF, 70, ATTEMPT_FAIL",
            "SF, 33, EXCEPTION",
            "SF, 80, DELIVERED",
            "COLISSIMO, DR1, INFO_RECEIVED",
            "COLISSIMO, pc1, IN_TRANSIT",
            "COLISSIMO, ET3, IN_TRANSIT",
            "COLISSIMO, MD2, OUT_FOR_DELIVERY",
            "COLISSIMO, AG1, AVAILABLE_FOR_PICKUP",
            "COLISSIMO, ND1, ATTEMPT_FAIL",
            "COLISSIMO, RE1, EXCEPTION",
            "COLISSIMO, DI1, DELIVERED",
            "DHL, SA, INFO_RECEIVED",
            "DHL, pre-transit, INFO_RECEIVED",
            "DHL, DF, IN_TRANSIT",
            "DHL, transit, IN_TRANSIT",
            "DHL, WC, OUT_FOR_DELIVERY",
            "DHL, NH, ATTEMPT_FAIL",
            "DHL, failure, EXCEPTION",
            "DHL, OK, DELIVERED",
            "DHL, delivered, DELIVERED"})
    void eachCarriersCodesMapToTheNormalisedSet(String carrier, String raw, ParcelStatus expected) {
        assertThat(adapters.forCarrier(carrier).status(raw)).contains(expected);
    }

    @Test
    void aCarrierMayAlsoSpeakTheGenericWords() {
        assertThat(adapters.forCarrier("SF").status("in_transit")).contains(ParcelStatus.IN_TRANSIT);
        assertThat(adapters.forCarrier("COLISSIMO").status("DELIVERED")).contains(ParcelStatus.DELIVERED);
    }

    @Test
    void anotherCarriersCodeIsNotUnderstood() {
        assertThat(adapters.forCarrier("SF").status("DI1")).isEmpty();
        assertThat(adapters.forCarrier("DHL").status("80")).isEmpty();
        assertThat(adapters.forCarrier("VNPOST")).isInstanceOf(GenericCarrierAdapter.class);
        assertThat(adapters.forCarrier("VNPOST").status("OK")).isEmpty();
    }

    @Test
    void aCarrierIsKnownByTheOtherIdsItGoesByToo() {
        assertThat(adapters.forCarrier("laposte").status("DI1")).contains(ParcelStatus.DELIVERED);
        assertThat(adapters.forCarrier("DHLEXPRESS").status("WC")).contains(ParcelStatus.OUT_FOR_DELIVERY);
        assertThat(adapters.forCarrier("SFEXPRESS").status("80")).contains(ParcelStatus.DELIVERED);
    }
}
