package com.openfulfil.dropship.supplierportal.domain;

import com.openfulfil.dropship.events.model.ParcelItem;
import com.openfulfil.dropship.events.model.ShippedParcel;
import com.openfulfil.dropship.events.supplier.DispatchShipped;
import com.openfulfil.dropship.events.supplier.ParcelsShipped;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ship form: each parcel row's tracking number and units of each line (the dispatch: line 1, LL-TT-01 × 2;
 * line 2, LL-NP-04 × 1), every mistake named by its field, and what the portal sends for it.
 */
class ParcelFormTest {
    private final PortalDispatch dispatch = Dispatches.newDispatch("dsp-1");

    @Test
    void eachRowIsAParcelWithTheUnitsTypedAndARowWithNoneHoldsWhatIsLeft() {
        ParcelForm.Parsed parsed = ParcelForm.read(dispatch, List.of("6a1111", "6A2222"),
                Map.of("units-0-1", "2", "units-0-2", "", "units-1-1", " ", "units-1-2", "0"));

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.parcels()).containsExactly(
                new ShippedParcel("6A1111", List.of(new ParcelItem(1, "TOWEL-020", 2))),
                new ShippedParcel("6A2222", null));

        DispatchShipped sent = PortalAnswers.shipParcels(dispatch, "COLISSIMO", parsed.parcels(), Dispatches.SENT);
        assertThat(sent.trackingNumbers()).containsExactly("6A1111", "6A2222");
        assertThat(sent.parcels()).as("only the parcel that names its contents is listed")
                .extracting(ShippedParcel::trackingNumber).containsExactly("6A1111");
        assertThat(PortalAnswers.summary(sent)).isEqualTo("COLISSIMO: 6A1111 (2 × line 1), 6A2222");
        assertThat(PortalAnswers.shipParcels(dispatch, "COLISSIMO", List.of(parsed.parcels().get(1),
                parsed.parcels().get(0)), Dispatches.SENT).eventId()).as("the same shipment in another order")
                .isEqualTo(sent.eventId());
    }

    @Test
    void namesUnitsThatAreNotAWholeNumberUnitsWithoutATrackingNumberAndMoreThanIsLeft() {
        ParcelForm.Parsed parsed = ParcelForm.read(dispatch, List.of("6A1111", "", "6A3333"),
                Map.of("units-0-1", "two", "units-0-2", "1", "units-1-1", "1", "units-2-2", "1"));

        assertThat(parsed.errors()).containsOnlyKeys("units-0-1", "trackingNumbers[1]", "units-2-2");
        assertThat(parsed.errors().get("units-2-2")).isEqualTo("Only 1 of line 2 is left to ship.");
    }

    @Test
    void whatIsLeftCountsTheParcelsAlreadyShipped() {
        PortalDispatch partly = dispatch.on(new ParcelsShipped("s1", Dispatches.SENT, "ord-dsp-1", "dsp-1",
                Dispatches.SUPPLIER, "COLISSIMO", List.of("6A1111"), List.of(new ShippedParcel("6A1111",
                List.of(new ParcelItem(1, "TOWEL-020", 1, "Linen tea towel"))))));

        assertThat(partly.unitsLeft()).isEqualTo(Map.of(1, 1, 2, 1));
        assertThat(partly.parcels()).singleElement().satisfies(p ->
                assertThat(p.contents(partly.details())).isEqualTo("1 × LL-TT-01"));
        assertThat(ParcelForm.read(partly, List.of("6A2222"), Map.of("units-0-1", "2")).errors())
                .containsEntry("units-0-1", "Only 1 of line 1 is left to ship.");
        assertThat(partly.on(new ParcelsShipped("s2", Dispatches.SENT, "ord-dsp-1", "dsp-1", Dispatches.SUPPLIER,
                "COLISSIMO", List.of("6A2222"))).unitsLeft()).as("a parcel that says nothing took the rest")
                .isEqualTo(Map.of(1, 0, 2, 0));
    }
}
