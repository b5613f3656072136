package com.openfulfil.dropship.order.webhook;

import com.openfulfil.dropship.events.fixtures.OrderFixtures;
import com.openfulfil.dropship.events.model.LineUnits;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.serde.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a storefront reads: a partial move says, per line, how many units were ordered, shipped and delivered; a
 * move to RETURNED or REFUNDED also how many came back and were refunded.
 */
class WebhookPayloadTest {
    private final OrderStatusChanged placed = new OrderStatusChanged("e-0", OrderFixtures.T0, "o-1", null,
            OrderStatus.PLACED, "placed", OrderFixtures.anOrder().withOrderId("o-1").withStorefront("demo-shop", "SHOP-1")
            .withLine("MUG-001", 2, "12.50").details());

    @Test
    void aPartialDeliveryCarriesEachLinesUnitsAndOtherMovesNone() {
        OrderStatusChanged partly = new OrderStatusChanged("e-1", OrderFixtures.T0, "o-1", OrderStatus.PARTIALLY_SHIPPED,
                OrderStatus.PARTIALLY_DELIVERED, "partially delivered: 1 of 3 units delivered", null, null, null,
                placed.source(), List.of(new LineUnits(1, "MUG-001", 2, 2, 1), new LineUnits(2, "LAMP-010", 1, 0, 0)));

        JsonNode json = Json.mapper().readTree(WebhookPayload.of(partly).toJson());

        assertThat(json.path("to").asString()).isEqualTo("PARTIALLY_DELIVERED");
        assertThat(json.path("externalRef").asString()).isEqualTo("SHOP-1");
        assertThat(json.at("/lines/0/sku").asString()).isEqualTo("MUG-001");
        assertThat(json.at("/lines/0/ordered").asInt()).isEqualTo(2);
        assertThat(json.at("/lines/0/shipped").asInt()).isEqualTo(2);
        assertThat(json.at("/lines/0/delivered").asInt()).isEqualTo(1);
        assertThat(json.at("/lines/0/returned").asInt()).isZero();
        assertThat(json.at("/lines/0/refunded").asInt()).isZero();
        assertThat(json.at("/lines/1/shipped").asInt()).isZero();
        assertThat(Json.mapper().readTree(WebhookPayload.of(placed).toJson()).has("lines")).isFalse();
    }

    @Test
    void aRefundCarriesEachLinesReturnedAndRefundedUnits() {
        OrderStatusChanged refunded = new OrderStatusChanged("e-2", OrderFixtures.T0, "o-1", OrderStatus.RETURNED,
                OrderStatus.REFUNDED, "refunded 12.50 USD", null, null, null, placed.source(),
                List.of(new LineUnits(1, "MUG-001", 2, 2, 2, 2, 1)), "rf_1");

        JsonNode json = Json.mapper().readTree(WebhookPayload.of(refunded).toJson());

        assertThat(json.path("to").asString()).isEqualTo("REFUNDED");
        assertThat(json.at("/lines/0/delivered").asInt()).isEqualTo(2);
        assertThat(json.at("/lines/0/returned").asInt()).isEqualTo(2);
        assertThat(json.at("/lines/0/refunded").asInt()).isEqualTo(1);
    }
}
