package com.openfulfil.dropship.supplierportal.domain;

import com.openfulfil.dropship.events.model.ParcelItem;
import com.openfulfil.dropship.events.model.RejectionReason;
import com.openfulfil.dropship.events.model.ReturnPayer;
import com.openfulfil.dropship.events.model.ReturnReason;
import com.openfulfil.dropship.events.supplier.CancellationRefused;
import com.openfulfil.dropship.events.supplier.CancellationRequested;
import com.openfulfil.dropship.events.supplier.DispatchCancelled;
import com.openfulfil.dropship.events.supplier.ParcelsShipped;
import com.openfulfil.dropship.events.supplier.ReturnAuthorised;
import com.openfulfil.dropship.events.supplier.SupplierAccepted;
import com.openfulfil.dropship.events.supplier.SupplierRejected;
import com.openfulfil.dropship.support.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PortalDispatchTest {
    private static final String SUPPLIER = Dispatches.SUPPLIER;
    private final PortalDispatch fresh = Dispatches.newDispatch("dsp-1");

    @Test
    void theGatewaysEventsMoveTheDispatchAndARepeatedOneChangesNothing() {
        SupplierAccepted accepted = new SupplierAccepted("a", Dispatches.SENT, "ord-dsp-1", "dsp-1", SUPPLIER);
        ParcelsShipped first = new ParcelsShipped("s1", Dispatches.SENT, "ord-dsp-1", "dsp-1", SUPPLIER, "COLISSIMO",
                List.of("6A1111", "6A2222"));
        ParcelsShipped further = new ParcelsShipped("s2", Dispatches.SENT, "ord-dsp-1", "dsp-1", SUPPLIER, "DHL",
                List.of("6A2222", "JD3333"));
        PortalDispatch shipped = fresh.on(accepted).on(accepted).on(first).on(first).on(further);
        assertThat(shipped.stage()).isEqualTo(Stage.SHIPPED);
        assertThat(shipped.parcels()).extracting(PortalDispatch.ShippedParcel::trackingNumber)
                .containsExactly("6A1111", "6A2222", "JD3333");
        assertThat(shipped.on(new SupplierRejected("r", Dispatches.SENT, "ord-dsp-1", "dsp-1", SUPPLIER,
                RejectionReason.OTHER, "late"))).isEqualTo(shipped);
    }

    @Test
    void aCancellationIsAskedThenAnswered() {
        CancellationRequested asked = new CancellationRequested("c", Dispatches.SENT, "ord-dsp-1", "dsp-1", SUPPLIER,
                "Customer changed their mind");
        PortalDispatch pending = fresh.withCancellationRequest(asked);
        assertThat(pending.cancellation().awaitingAnswer()).isTrue();
        PortalDispatch refused = pending.on(new CancellationRefused("x", Dispatches.SENT, "ord-dsp-1", "dsp-1",
                SUPPLIER, "already shipped"));
        assertThat(refused.cancellation().answer()).isEqualTo(PortalDispatch.Cancellation.Answer.REFUSED);
        PortalDispatch cancelled = pending.on(new DispatchCancelled("y", Dispatches.SENT, "ord-dsp-1", "dsp-1", SUPPLIER));
        assertThat(cancelled.stage()).isEqualTo(Stage.CANCELLED);
        assertThat(cancelled.stage().canShip()).isFalse();
    }

    @Test
    void anAuthorisedReturnTellsTheSupplierItsNumberWhatComesBackAndWhoPaysOnce() {
        PortalDispatch requested = fresh.withRequest(Dispatches.requested("dsp-1"));
        int line = requested.details().items().get(0).lineNo();
        String sku = requested.details().items().get(0).sku();
        String supplierSku = requested.details().items().get(0).supplierSku();
        String rmaId = ReturnAuthorised.rmaId("ord-dsp-1", SUPPLIER);
        ReturnAuthorised authorised = new ReturnAuthorised("ra", Dispatches.SENT, "ord-dsp-1", "dsp-1", SUPPLIER, rmaId,
                ReturnReason.DAMAGED, List.of(new ParcelItem(line, sku, 1, "title")), "Returns desk", null,
                ReturnPayer.SUPPLIER, new BigDecimal("6.50"), "EUR");

        PortalDispatch returning = requested.on(authorised);
        assertThat(returning.returnNotice().rmaId()).isEqualTo(rmaId);
        assertThat(returning.returnNotice().contents(returning.details())).isEqualTo("1 × " + supplierSku);
        assertThat(returning.returnNotice().supplierPays()).isTrue();
        assertThat(returning.stage()).as("the dispatch itself does not move").isEqualTo(requested.stage());
        assertThat(returning.on(authorised)).isEqualTo(returning);
        assertThat(fresh.returnNotice()).isNull();
    }

    @Test
    void theDomainIsFreeOfSpringAndKafka() {
        ArchitectureRules.checkDomainIsPure("com.openfulfil.dropship.supplierportal");
    }
}
