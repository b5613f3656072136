package com.openfulfil.dropship.supplierportal.domain;

import com.openfulfil.dropship.events.model.RejectionReason;
import com.openfulfil.dropship.events.supplier.CancellationRefused;
import com.openfulfil.dropship.events.supplier.CancellationRequested;
import com.openfulfil.dropship.events.supplier.DispatchCancelled;
import com.openfulfil.dropship.events.supplier.ParcelsShipped;
import com.openfulfil.dropship.events.supplier.SupplierAccepted;
import com.openfulfil.dropship.events.supplier.SupplierRejected;
import com.openfulfil.dropship.support.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

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
    void theDomainIsFreeOfSpringAndKafka() {
        ArchitectureRules.checkDomainIsPure("com.openfulfil.dropship.supplierportal");
    }
}
