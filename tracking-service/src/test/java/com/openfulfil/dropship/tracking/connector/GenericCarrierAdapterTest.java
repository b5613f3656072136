package com.openfulfil.dropship.tracking.connector;

import com.openfulfil.dropship.events.model.ParcelStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class GenericCarrierAdapterTest {
    private final GenericCarrierAdapter adapter = new GenericCarrierAdapter();

    @ParameterizedTest
    @EnumSource(ParcelStatus.class)
    void acceptsOurOwnNamesInAnyCase(ParcelStatus status) {
        assertThat(adapter.status(status.name())).contains(status);
        assertThat(adapter.status(status.name().toLowerCase(Locale.ROOT))).contains(status);
    }

    @ParameterizedTest
    @CsvSource({
            "delivered, DELIVERED",
            "in_transit, IN_TRANSIT",
            "InTransit, IN_TRANSIT",
            "in-transit, IN_TRANSIT",
            "out_for_delivery, OUT_FOR_DELIVERY",
            "picked_up, INFO_RECEIVED",
            "exception, EXCEPTION",
            "failed_attempt, ATTEMPT_FAIL",
            "AttemptFail, ATTEMPT_FAIL",
            "ready_for_pickup, AVAILABLE_FOR_PICKUP",
            "Returned to sender, EXCEPTION"})
    void mapsCommonSynonyms(String raw, ParcelStatus expected) {
        assertThat(adapter.status(raw)).contains(expected);
    }

    @Test
    void anUnknownWordMapsToNothing() {
        assertThat(adapter.status("teleported")).isEmpty();
        assertThat(adapter.status("")).isEmpty();
        assertThat(adapter.status(null)).isEmpty();
    }

    @Test
    void aCarrierWithItsOwnAdapterUsesItAndEveryOtherCarrierTheGenericOne() {
        CarrierAdapter sf = new CarrierAdapter() {
            @Override
            public boolean handles(String carrier) {
                return carrier.equalsIgnoreCase("SF");
            }

            @Override
            public Optional<ParcelStatus> status(String rawStatus) {
                return rawStatus.equals("80") ? Optional.of(ParcelStatus.DELIVERED) : Optional.empty();
            }
        };
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("sfAdapter", sf);
        CarrierAdapters adapters = new CarrierAdapters(beans.getBeanProvider(CarrierAdapter.class));

        assertThat(adapters.forCarrier("SF")).isSameAs(sf);
        assertThat(adapters.forCarrier("SF").status("80")).contains(ParcelStatus.DELIVERED);
        assertThat(adapters.forCarrier("DHL")).isInstanceOf(GenericCarrierAdapter.class);
    }
}
