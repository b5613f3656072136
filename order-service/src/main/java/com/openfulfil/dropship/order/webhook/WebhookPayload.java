package com.openfulfil.dropship.order.webhook;

import com.openfulfil.dropship.events.model.LineUnits;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.serde.Json;

import java.time.Instant;
import java.util.List;

/**
 * What a storefront receives for each status change of one of its orders. The body of a status
 * change is the same on every attempt, so is its signature: a storefront that sees an
 * {@code eventId} twice has already handled it. A move to PARTIALLY_SHIPPED, PARTIALLY_DELIVERED,
 * RETURNED or REFUNDED carries {@code lines}: per order line, the units ordered, shipped, delivered,
 * returned (back from the customer) and refunded (named by refunds paid back); SHIPPED and DELIVERED say
 * it of every unit.
 */
public record WebhookPayload(String eventId, String type, Instant occurredAt, String orderId, String externalRef,
                             OrderStatus from, OrderStatus to, String reason, List<Line> lines) {
    public static final String TYPE = "order.status_changed";

    /** One order line's units. */
    public record Line(int lineNo, String sku, int ordered, int shipped, int delivered, int returned, int refunded) {
        static Line of(LineUnits units) {
            return new Line(units.lineNo(), units.sku(), units.ordered(), units.shipped(), units.delivered(),
                    units.returned(), units.refunded());
        }
    }

    static WebhookPayload of(OrderStatusChanged change) {
        return new WebhookPayload(change.eventId(), TYPE, change.occurredAt(), change.orderId(),
                change.source().externalRef(), change.from(), change.to(), change.reason(),
                change.units() == null ? null : change.units().stream().map(Line::of).toList());
    }

    byte[] toJson() {
        return Json.mapper().writeValueAsBytes(this);
    }
}
