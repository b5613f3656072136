package com.openfulfil.dropship.ops.orders;

import com.openfulfil.dropship.events.model.OrderStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.openfulfil.dropship.ops.orders.OrderAction.CANCEL;
import static com.openfulfil.dropship.ops.orders.OrderAction.COMPLETE;
import static com.openfulfil.dropship.ops.orders.OrderAction.RECEIVE_RETURN;
import static com.openfulfil.dropship.ops.orders.OrderAction.REFUND;
import static com.openfulfil.dropship.ops.orders.OrderAction.REROUTE;
import static com.openfulfil.dropship.ops.orders.OrderAction.RESHIP;
import static org.assertj.core.api.Assertions.assertThat;

/** The console offers what order-service allows on an order, the operator's part of it, and reroute where a supplier can be left. */
class OrderActionTest {

    @Test
    void aStuckExceptionOrderOffersRefundAndReshipAndNoCancel() {
        assertThat(OrderAction.offered(OrderStatus.EXCEPTION, List.of("REFUND", "RESHIP"))).containsExactly(REFUND, RESHIP);
    }

    @Test
    void offersNothingOrderServiceDoesNotAllow() {
        assertThat(OrderAction.offered(OrderStatus.EXCEPTION, List.of())).isEmpty();
        assertThat(OrderAction.offered(OrderStatus.PLACED, List.of())).as("order-service did not answer").isEmpty();
    }

    @Test
    void leavesTheCustomersOwnActionsToTheCustomer() {
        assertThat(OrderAction.offered(OrderStatus.DELIVERED, List.of("CONFIRM_RECEIPT", "REQUEST_RETURN", "COMPLETE")))
                .containsExactly(COMPLETE);
    }

    @Test
    void offersEachSettlementOfARequestedReturn() {
        assertThat(OrderAction.offered(OrderStatus.RETURN_REQUESTED, List.of("RECEIVE_RETURN", "REFUND", "RESHIP")))
                .containsExactly(RECEIVE_RETURN, REFUND, RESHIP);
    }

    @Test
    void offersRerouteWhileTheSuppliersHaveTheOrderAndHaveNotShipped() {
        assertThat(OrderAction.offered(OrderStatus.DISPATCHED, List.of("CANCEL"))).containsExactly(CANCEL, REROUTE);
        assertThat(OrderAction.offered(OrderStatus.ACCEPTED, List.of())).containsExactly(REROUTE);
        assertThat(OrderAction.offered(OrderStatus.SHIPPED, List.of("COMPLETE"))).containsExactly(COMPLETE);
    }

    @Test
    void eachActionHasItsOwnPath() {
        for (OrderAction action : OrderAction.values()) {
            assertThat(OrderAction.ofPath(action.path())).contains(action);
        }
        assertThat(REFUND.orderServicePath("o-1")).isEqualTo("/api/v1/admin/orders/o-1/refund");
        assertThat(CANCEL.orderServicePath("o-1")).isEqualTo("/api/v1/orders/o-1/cancel");
    }
}
