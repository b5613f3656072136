package com.openfulfil.dropship.events;

import com.openfulfil.dropship.events.fixtures.OrderFixtures;
import com.openfulfil.dropship.events.model.ParcelItem;
import com.openfulfil.dropship.events.model.ShippedParcel;
import com.openfulfil.dropship.events.serde.Binary;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.supplier.DispatchShipped;
import com.openfulfil.dropship.events.supplier.ParcelsShipped;
import com.openfulfil.dropship.events.tracking.ParcelRegistered;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A shipment names what each parcel holds; one written before parcels named their contents still reads,
 * and a parcel list that contradicts itself is refused with the reason (so it lands in the dead letters).
 */
class ParcelContentsContractTest {
    private final EventSerde serde = new EventSerde();

    private Event read(String json) {
        return serde.deserialize("supplier.shenzhen-gadgets.updates", json.getBytes(StandardCharsets.UTF_8));
    }

    private static String shipped(String rest) {
        return """
                {"type":"DispatchShipped","eventId":"sz-ship-1","occurredAt":"2026-11-03T08:00:00Z","orderId":"ord-1001",
                 "dispatchId":"dsp-7f3a","supplierId":"shenzhen-gadgets","carrier":"SF"%s}
                """.formatted(rest);
    }

    @Test
    void aShipmentWrittenBeforeContentsReadsAsParcelsThatNameNothing() {
        DispatchShipped old = (DispatchShipped) read(shipped(",\"trackingNumbers\":[\"SF1\",\"SF2\"]"));

        assertThat(old.parcels()).isNull();
        assertThat(old.allParcels()).extracting(ShippedParcel::trackingNumber).containsExactly("SF1", "SF2");
        assertThat(old.allParcels()).noneMatch(ShippedParcel::namesContents);
    }

    @Test
    void parcelsAloneNameTheTrackingNumbers() {
        DispatchShipped shipped = (DispatchShipped) read(shipped(",\"parcels\":[{\"trackingNumber\":\"SF1\","
                + "\"items\":[{\"lineNo\":1,\"quantity\":1}]},{\"trackingNumber\":\"SF2\",\"items\":[{\"sku\":\"MUG-001\",\"quantity\":1}]}]"));

        assertThat(shipped.trackingNumbers()).containsExactly("SF1", "SF2");
        assertThat(shipped.allParcels().get(1).items()).containsExactly(new ParcelItem(null, "MUG-001", 1));
    }

    @Test
    void aTrackingNumberWithoutAParcelEntryNamesNothing() {
        DispatchShipped shipped = new DispatchShipped("e", OrderFixtures.T0, "o", "d", "s", "SF", List.of("SF1", "SF2"),
                List.of(new ShippedParcel("SF2", List.of(new ParcelItem(1, null, 2)))));

        assertThat(shipped.allParcels()).extracting(ShippedParcel::namesContents).containsExactly(false, true);
    }

    @Test
    void refusesAParcelOutsideTheTrackingNumbersAnItemWithoutLineOrSkuAndNoUnits() {
        assertThatThrownBy(() -> read(shipped(",\"trackingNumbers\":[\"SF1\"],\"parcels\":[{\"trackingNumber\":\"SF9\","
                + "\"items\":[{\"lineNo\":1,\"quantity\":1}]}]")))
                .isInstanceOf(SerializationException.class).hasMessageContaining("SF9 is not among the trackingNumbers");
        assertThatThrownBy(() -> read(shipped(",\"parcels\":[{\"trackingNumber\":\"SF1\",\"items\":[{\"quantity\":1}]}]")))
                .isInstanceOf(SerializationException.class).hasMessageContaining("lineNo or its sku");
        assertThatThrownBy(() -> read(shipped(",\"parcels\":[{\"trackingNumber\":\"SF1\",\"items\":[{\"lineNo\":1,\"quantity\":0}]}]")))
                .isInstanceOf(SerializationException.class).hasMessageContaining("quantity must be at least 1");
        assertThatThrownBy(() -> read(shipped(",\"parcels\":[{\"trackingNumber\":\"SF1\",\"items\":[]}]")))
                .isInstanceOf(SerializationException.class).hasMessageContaining("items must not be empty");
        assertThatThrownBy(() -> read(shipped(",\"parcels\":[{\"trackingNumber\":\"SF1\",\"items\":[{\"lineNo\":1,\"quantity\":1}]},"
                + "{\"trackingNumber\":\"SF1\",\"items\":[{\"lineNo\":1,\"quantity\":1}]}]")))
                .isInstanceOf(SerializationException.class).hasMessageContaining("SF1 is listed twice");
    }

    @Test
    void aShipmentAndARegistrationWithoutContentsStayThatWayThroughTheBinaryFormat() {
        ParcelsShipped old = new ParcelsShipped("e", OrderFixtures.T0, "o", "d", "s", "SF", List.of("SF1"));
        ParcelRegistered registered = new ParcelRegistered("e", OrderFixtures.T0, "o", "d", "s", "SF", "SF1");

        assertThat(Binary.read(Binary.write(old, Event.class), Event.class)).isEqualTo(old);
        assertThat(((ParcelsShipped) Binary.read(Binary.write(old, Event.class), Event.class)).parcel("SF1")).isNull();
        assertThat(((ParcelRegistered) Binary.read(Binary.write(registered, Event.class), Event.class)).items()).isNull();
    }
}
