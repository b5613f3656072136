package com.openfulfil.dropship.ops.orders;

import com.openfulfil.dropship.events.serde.Json;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static com.openfulfil.dropship.ops.orders.OrderAction.CANCEL;
import static com.openfulfil.dropship.ops.orders.OrderAction.RECEIVE_RETURN;
import static com.openfulfil.dropship.ops.orders.OrderAction.REFUND;
import static com.openfulfil.dropship.ops.orders.OrderAction.REROUTE;
import static com.openfulfil.dropship.ops.orders.OrderAction.RESHIP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The order page's view of an order, read from order-service's order API as docs/storefronts.md documents it. */
class OrderDetailTest {
    /** A returned order of two lines from two suppliers, one parcel each, with two refunds and two authorisations. */
    static final String RETURNED_ORDER = """
            {"orderId": "ord-1", "status": "RETURN_REQUESTED", "placedAt": "2026-12-01T10:00:00Z",
             "source": {"channel": "STOREFRONT", "storefrontId": "demo-shop", "externalRef": "SHOP-1001"},
             "currency": "USD", "customer": {"name": "Trần Văn Minh", "email": "minh@example.vn"},
             "shipTo": {"line1": "12 Hàng Bạc", "city": "Hà Nội", "country": "VN"},
             "lines": [
               {"lineNo": 1, "sku": "MUG-001", "title": "Ceramic mug 350 ml", "quantity": 2, "retailPrice": "12.50",
                "salePrice": "12.50", "lineTotal": "25.00", "shipped": 2, "delivered": 2, "returned": 0, "refunded": 0,
                "replaced": 1},
               {"lineNo": 2, "sku": "LAMP-010", "title": "LED desk lamp", "quantity": 3, "retailPrice": "39.00",
                "salePrice": "39.00", "lineTotal": "117.00", "shipped": 1, "delivered": 0, "returned": 0, "refunded": 0}],
             "total": "142.00", "paymentStatus": "PAID", "paymentReference": "pi_3MtwBwLkdIwHu7ix28a3tqPa",
             "requests": {"giftWrap": true, "invoice": false, "note": "leave at the door"},
             "history": [{"status": "PLACED", "at": "2026-12-01T10:00:00Z"},
                         {"status": "RETURN_REQUESTED", "at": "2026-12-05T09:00:00Z", "reason": "DAMAGED"}],
             "fulfilments": [
               {"dispatchId": "d-1", "supplierId": "hanoi-crafts", "status": "SHIPPED", "carrier": "VNPOST",
                "parcels": [{"trackingNumber": "VN418305577291", "status": "DELIVERED",
                             "items": [{"lineNo": 1, "sku": "MUG-001", "quantity": 2, "title": "Ceramic mug 350 ml"}]}]},
               {"dispatchId": "d-2", "supplierId": "shenzhen-gadgets", "status": "SHIPPED", "carrier": "SF",
                "parcels": [{"trackingNumber": "SF902117463310", "status": "IN_TRANSIT"}]}],
             "afterSales": {"reason": "DAMAGED", "description": "The handle broke off", "supplierPaysReturn": true,
               "requestedAt": "2026-12-05T09:00:00Z", "refunded": "10.00", "refundCurrency": "USD",
               "refunds": [
                 {"refundId": "rf_1", "amount": "10.00", "currency": "USD", "status": "SUCCEEDED",
                  "providerRefundId": "re_1", "by": "admin:ops", "note": "one mug broken"},
                 {"refundId": "rf_2", "amount": "15.00", "currency": "USD", "status": "FAILED",
                  "failure": "charge_disputed: The charge is disputed."},
                 {"refundId": "rf_3", "amount": "20.00", "currency": "USD", "status": "REFUSED",
                  "failure": "only 5.00 USD is left to refund of the order's 25.00"},
                 {"refundId": "rf_4", "amount": "5.00", "currency": "USD", "status": "PENDING",
                  "releasedAt": "2026-12-12T09:00:00Z"}],
               "returnAuthorisations": [
                 {"rmaId": "RMA-1", "supplierId": "hanoi-crafts", "dispatchId": "d-1",
                  "items": [{"lineNo": 1, "sku": "MUG-001", "quantity": 2, "title": "Ceramic mug 350 ml"}],
                  "returnTo": "Hanoi Crafts Returns", "returnAddress": {"line1": "12 Hang Gai", "city": "Hanoi",
                  "country": "VN"}, "paidBy": "SUPPLIER", "shippingCharge": "6.50", "currency": "USD",
                  "carrier": "VNPOST", "trackingNumber": "VN000000001", "parcelStatus": "IN_TRANSIT"},
                 {"rmaId": "RMA-2", "supplierId": "shenzhen-gadgets", "dispatchId": "d-2",
                  "items": [{"lineNo": 2, "sku": "LAMP-010", "quantity": 1}], "paidBy": "SUPPLIER"}]},
             "allowedActions": ["RECEIVE_RETURN", "REFUND", "RESHIP"],
             "replacements": [{"orderId": "ord-1-r1", "at": "2026-12-06T10:00:00Z",
                               "lines": [{"lineNo": 1, "quantity": 1}], "by": "admin:ops"}]}""";

    private static OrderDetail read(String json) {
        return Json.mapper().readValue(json, OrderDetail.class);
    }

    private static OrderDetail withStatus(String status, List<String> allowed) {
        return new OrderDetail("ord-2", status, null, null, "USD", null, null, null, null, null, null, null, null,
                null, null, null, null, allowed, null, null);
    }

    @Test
    void eachLineCountsItsUnitsOrderedShippedDeliveredReturnedRefundedAndReplaced() {
        OrderDetail order = read(RETURNED_ORDER);

        OrderDetail.Line mugs = order.lines().get(0);
        assertThat(List.of(mugs.quantity(), mugs.shipped(), mugs.delivered(), mugs.returned(), mugs.refunded(),
                mugs.replaced())).containsExactly(2, 2, 2, 0, 0, 1);
        assertThat(mugs.allDelivered()).isTrue();
        assertThat(mugs.notShipped()).isZero();

        OrderDetail.Line lamps = order.lines().get(1);
        assertThat(lamps.replaced()).as("absent: none replaced").isZero();
        assertThat(lamps.notShipped()).isEqualTo(2);
        assertThat(lamps.onTheirWay()).isEqualTo(1);
        assertThat(lamps.allDelivered()).isFalse();
        assertThat(order.unitsOrdered()).isEqualTo(5);
    }

    @Test
    void eachParcelSaysItsCarrierSupplierAndWhatItHolds() {
        assertThat(read(RETURNED_ORDER).parcels()).containsExactly(
                new OrderDetail.Parcel("hanoi-crafts", "d-1", "VNPOST", "VN418305577291", "DELIVERED",
                        "2 \u00d7 Ceramic mug 350 ml"),
                new OrderDetail.Parcel("shenzhen-gadgets", "d-2", "SF", "SF902117463310", "IN_TRANSIT", ""));
    }

    @Test
    void refundsKeepTheirOrderStatusAndWhyOneWasNotPaid() {
        OrderDetail order = read(RETURNED_ORDER);

        assertThat(order.refunds()).extracting(OrderDetail.Refund::refundId, OrderDetail.Refund::status,
                OrderDetail.Refund::notPaid).containsExactly(
                tuple("rf_1", "SUCCEEDED", false),
                tuple("rf_2", "FAILED", true),
                tuple("rf_3", "REFUSED", true),
                tuple("rf_4", "PENDING", false));
        assertThat(order.refunds().get(1).failure()).isEqualTo("charge_disputed: The charge is disputed.");
        assertThat(order.refunds().get(0).amount()).isEqualByComparingTo("10.00");
        assertThat(order.refunds().get(3).releasedAt()).as("a pending refund no longer followed")
                .isEqualTo(java.time.Instant.parse("2026-12-12T09:00:00Z"));
        assertThat(order.refunds().get(0).releasedAt()).isNull();
        assertThat(order.refunded()).isEqualByComparingTo("10.00");
        assertThat(order.refundCurrency()).isEqualTo("USD");
    }

    @Test
    void anOrderWithoutAfterSalesHasNoRefundsNorReturnsAndNothingRefunded() {
        OrderDetail order = read("{\"orderId\": \"ord-3\", \"status\": \"PLACED\", \"currency\": \"EUR\"}");

        assertThat(order.refunds()).isEmpty();
        assertThat(order.returnAuthorisations()).isEmpty();
        assertThat(order.parcels()).isEmpty();
        assertThat(order.lines()).isEmpty();
        assertThat(order.refunded()).isEqualTo(BigDecimal.ZERO);
        assertThat(order.refundCurrency()).isEqualTo("EUR");
    }

    @Test
    void eachReturnAuthorisationSaysItsUnitsWhoPaysAndWhereItStands() {
        List<OrderDetail.ReturnAuthorisation> rmas = read(RETURNED_ORDER).returnAuthorisations();

        assertThat(rmas.get(0).units()).isEqualTo("2 \u00d7 Ceramic mug 350 ml");
        assertThat(rmas.get(0).paidBy()).isEqualTo("SUPPLIER");
        assertThat(rmas.get(0).state()).as("the return parcel's last status").isEqualTo("IN_TRANSIT");
        assertThat(rmas.get(1).units()).as("named by sku without a title").isEqualTo("1 \u00d7 LAMP-010");
        assertThat(rmas.get(1).state()).isEqualTo("AUTHORISED");
        assertThat(rmas.get(1).returnAddress()).isNull();
    }

    @Test
    void aReturnIsSentOnceItHasTrackingAndReceivedOnceItsSupplierHasIt() {
        OrderDetail.ReturnAuthorisation sent = new OrderDetail.ReturnAuthorisation("RMA-3", "lyon-linen", "d-3",
                List.of(), null, null, "CUSTOMER", null, null, null, "COLISSIMO", "6A12345678901", null, null, null);
        assertThat(sent.state()).isEqualTo("SENT");
        OrderDetail.ReturnAuthorisation received = new OrderDetail.ReturnAuthorisation("RMA-3", "lyon-linen", "d-3",
                List.of(), null, null, "CUSTOMER", null, null, null, "COLISSIMO", "6A12345678901", null, "DELIVERED",
                java.time.Instant.parse("2026-12-06T10:00:00Z"));
        assertThat(received.state()).isEqualTo("RECEIVED");
    }

    @Test
    void offersExactlyTheOperatorsActionsOrderServiceAllowsNow() {
        assertThat(read(RETURNED_ORDER).offered()).containsExactly(RECEIVE_RETURN, REFUND, RESHIP);
        assertThat(withStatus("DELIVERED", List.of("CONFIRM_RECEIPT", "REQUEST_RETURN")).offered())
                .as("the customer's own steps are not offered").isEmpty();
        assertThat(withStatus("REFUNDED", List.of()).offered()).as("all of it refunded").isEmpty();
        assertThat(withStatus("REFUNDED", List.of("REFUND")).offered()).containsExactly(REFUND);
    }

    @Test
    void offersRerouteOnlyWhileTheSuppliersHaveTheOrderAndHaveNotShipped() {
        assertThat(withStatus("DISPATCHED", List.of("CANCEL")).offered()).containsExactly(CANCEL, REROUTE);
        assertThat(withStatus("SHIPPED", List.of("COMPLETE")).offered()).doesNotContain(REROUTE);
        assertThat(withStatus("A_STATUS_ADDED_LATER", List.of("REFUND")).offered())
                .as("a status this console does not know: only what order-service lists").containsExactly(REFUND);
    }

    @Test
    void saysWhichStorefrontOrPartnerTheOrderCameThrough() {
        assertThat(read(RETURNED_ORDER).placedThrough()).isEqualTo("storefront demo-shop");
        OrderDetail partner = read("""
                {"orderId": "ord-4", "status": "PLACED", "source": {"channel": "PARTNER", "storefrontId": "partners",
                 "partnerId": "p-lan", "partnerName": "Nguyễn Thị Lan"}}""");
        assertThat(partner.placedThrough()).isEqualTo("partner Nguyễn Thị Lan (p-lan)");
    }
}
