package com.openfulfil.dropship.order.webhook;

import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.serde.Json;

import java.time.Instant;

/**
 * What a storefront receives for each status change of one of its orders. The body of a status
 * change is the same on every attempt, so is its signature: a storefront that sees an
 * {@code eventId} twice has already handled it.
 */
public record WebhookPayload(String eventId, String type, Instant occurredAt, String orderId, String externalRef,
                             OrderStatus from, OrderStatus to, String reason) {
    public static final String TYPE = "order.status_changed";

    static WebhookPayload of(OrderStatusChanged change) {
        return new WebhookPayload(change.eventId(), TYPE, change.occurredAt(), change.orderId(),
                change.source().externalRef(), change.from(), change.to(), change.reason());
    }

    byte[] toJson() {
        return Json.mapper().writeValueAsBytes(this);
    }
}
