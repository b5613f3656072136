package com.openfulfil.dropship.gateway.stream;

import com.openfulfil.dropship.events.model.PackingInstructions;
import com.openfulfil.dropship.events.model.ParcelItem;
import com.openfulfil.dropship.events.model.ShippedParcel;
import com.openfulfil.dropship.events.supplier.DispatchShipped;
import com.openfulfil.dropship.events.supplier.ParcelsShipped;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.events.tracking.ParcelRegistered;
import com.openfulfil.dropship.gateway.Allocations;
import com.openfulfil.dropship.gateway.domain.Dispatch;
import com.openfulfil.dropship.gateway.domain.DispatchPlan;
import com.openfulfil.dropship.gateway.domain.DispatchStatus;
import com.openfulfil.dropship.gateway.domain.OrderDispatches;
import com.openfulfil.dropship.support.testing.TopologyHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Parcels say what they hold, unit by unit: the gateway passes each parcel's contents on (to the order,
 * to tracking), a parcel that names nothing holds what its dispatch has left, and a shipment that names an
 * item the dispatch does not have, or more units than are left, is refused whole with the reason (the
 * stream's dead-letter handler parks it with that reason) and changes nothing.
 */
class PartialShipmentTopologyTest {
    private static final String HANOI = "hanoi-crafts";
    private static final Instant AT = Instant.parse("2026-11-02T11:00:00Z");
    private static final String ORDER = "o-split";

    private final TopologyHarness harness = TopologyHarness.of(builder -> DispatchTopology.build(
            builder.stream(List.of(Topics.ORDER_ALLOCATIONS.name(), Topics.ORDERS_LIFECYCLE.name())),
            builder.stream(Topics.SUPPLIER_UPDATES),
            new DispatchSettings(Set.of(HANOI, "shenzhen-gadgets"), new PackingInstructions(true, "Acme Home", null))));
    /** Hanoi's part of the two-supplier order: line 1, MUG-001 × 2 (HN-MUG-001), and line 3, TOWEL-020 × 3. */
    private final String dispatch = DispatchPlan.dispatchId(ORDER, HANOI);

    @BeforeEach
    void allocate() {
        harness.pipe(Topics.ORDER_ALLOCATIONS, Allocations.twoSuppliers(ORDER));
        harness.read(Topics.FULFILMENT_EVENTS);
    }

    @AfterEach
    void close() {
        harness.close();
    }

    private void ship(String eventId, List<String> trackingNumbers, List<ShippedParcel> parcels) {
        harness.pipe(Topics.supplierUpdates(HANOI).name(), ORDER,
                new DispatchShipped(eventId, AT, ORDER, dispatch, HANOI, "VNPOST", trackingNumbers, parcels));
    }

    private Dispatch stored() {
        OrderDispatches order = harness.<OrderDispatches>store(DispatchTopology.STORE).get(ORDER);
        return order.dispatch(dispatch).orElseThrow();
    }

    @Test
    void aParcelNamingItsContentsPassesThemOnAndALaterParcelNamingNothingHoldsTheRest() {
        ship("ship-1", List.of("VN1"), List.of(new ShippedParcel("VN1", List.of(new ParcelItem(1, null, 2),
                new ParcelItem(null, "HN-TOWEL-020", 1)))));

        assertThat(harness.readValues(Topics.FULFILMENT_EVENTS, ParcelsShipped.class)).singleElement().satisfies(s -> {
            assertThat(s.trackingNumbers()).containsExactly("VN1");
            assertThat(s.parcel("VN1").items()).containsExactly(
                    new ParcelItem(1, "MUG-001", 2, "Product MUG-001"),
                    new ParcelItem(3, "TOWEL-020", 1, "Product TOWEL-020"));
        });
        assertThat(harness.readValues(Topics.TRACKING_REGISTRATIONS, ParcelRegistered.class)).singleElement()
                .satisfies(r -> assertThat(r.items()).extracting(ParcelItem::lineNo, ParcelItem::quantity)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 2), org.assertj.core.groups.Tuple.tuple(3, 1)));
        assertThat(stored().shippedUnits()).isEqualTo(Map.of(1, 2, 3, 1));

        ship("ship-2", List.of("VN2"), null);

        assertThat(harness.readValues(Topics.FULFILMENT_EVENTS, ParcelsShipped.class)).singleElement()
                .satisfies(s -> assertThat(s.parcel("VN2").items()).as("what the first parcel left")
                        .containsExactly(new ParcelItem(3, "TOWEL-020", 2, "Product TOWEL-020")));
        assertThat(stored().shippedUnits()).isEqualTo(Map.of(1, 2, 3, 3));
        assertThat(stored().trackingNumbers()).containsExactly("VN1", "VN2");
    }

    @Test
    void shippingMoreUnitsThanAreLeftIsRefusedWithTheReasonAndChangesNothing() {
        assertThatThrownBy(() -> ship("ship-too-many", List.of("VN1", "VN2"), List.of(
                new ShippedParcel("VN1", List.of(new ParcelItem(3, null, 2))),
                new ShippedParcel("VN2", List.of(new ParcelItem(3, null, 2))))))
                .rootCause().isInstanceOf(RefusedUpdateException.class)
                .hasMessageContaining("DispatchShipped ship-too-many for dispatch " + dispatch + " refused")
                .hasMessageContaining("parcels[1].items[0].quantity: ships 4 of line 3 (TOWEL-020) but 3 are left "
                        + "to ship of the 3 dispatched");

        assertThat(harness.read(Topics.FULFILMENT_EVENTS)).isEmpty();
        assertThat(harness.read(Topics.TRACKING_REGISTRATIONS)).isEmpty();
        assertThat(stored().status()).isEqualTo(DispatchStatus.SENT);
        assertThat(stored().trackingNumbers()).isEmpty();
    }

    @Test
    void anItemTheDispatchDoesNotHaveIsRefusedNamingTheField() {
        assertThatThrownBy(() -> ship("ship-lamp", List.of("VN1"), List.of(new ShippedParcel("VN1",
                List.of(new ParcelItem(1, null, 1), new ParcelItem(null, "LAMP-010", 1))))))
                .rootCause().isInstanceOf(RefusedUpdateException.class)
                .hasMessageContaining("parcels[0].items[1].sku: LAMP-010 is not in dispatch " + dispatch);
        assertThatThrownBy(() -> ship("ship-line-2", List.of("VN1"), List.of(new ShippedParcel("VN1",
                List.of(new ParcelItem(2, null, 1))))))
                .rootCause().hasMessageContaining("parcels[0].items[0].lineNo: line 2 is not in dispatch " + dispatch
                        + " (its lines: 1, 3)");

        assertThat(harness.read(Topics.FULFILMENT_EVENTS)).isEmpty();
        assertThat(stored().shippedUnits()).isEmpty();
    }

    @Test
    void aShipmentWrittenBeforeParcelsNamedContentsStillShipsEverythingLeft() {
        ship("old-style", List.of("VN1"), null);

        assertThat(harness.readValues(Topics.FULFILMENT_EVENTS, ParcelsShipped.class)).singleElement()
                .satisfies(s -> assertThat(s.parcel("VN1").items()).extracting(ParcelItem::lineNo, ParcelItem::quantity)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 2), org.assertj.core.groups.Tuple.tuple(3, 3)));
        assertThat(stored().shippedUnits()).isEqualTo(Map.of(1, 2, 3, 3));

        // a further parcel naming nothing is taken, as it always was; it holds nothing more that we know of
        ship("old-style-2", List.of("VN2"), null);
        assertThat(harness.readValues(Topics.FULFILMENT_EVENTS, ParcelsShipped.class)).singleElement()
                .satisfies(s -> assertThat(s.parcel("VN2").namesContents()).isFalse());
    }

    @Test
    void severalParcelsNamingNothingShareWhatIsLeftWithoutSayingWhichHoldsWhat() {
        ship("old-style-two", List.of("VN1", "VN2"), null);

        assertThat(harness.readValues(Topics.FULFILMENT_EVENTS, ParcelsShipped.class)).singleElement().satisfies(s -> {
            assertThat(s.trackingNumbers()).containsExactly("VN1", "VN2");
            assertThat(s.parcels()).noneMatch(ShippedParcel::namesContents);
        });
        assertThat(stored().shippedUnits()).isEqualTo(Map.of(1, 2, 3, 3));
    }

    @Test
    void aReplayedShipmentIsOldNewsEvenIfItNowNamesMoreThanIsLeft() {
        ship("ship-1", List.of("VN1"), null);
        harness.read(Topics.FULFILMENT_EVENTS);

        ship("ship-1-again", List.of("VN1"), List.of(new ShippedParcel("VN1", List.of(new ParcelItem(1, null, 2)))));

        assertThat(harness.read(Topics.FULFILMENT_EVENTS)).isEmpty();
    }
}
