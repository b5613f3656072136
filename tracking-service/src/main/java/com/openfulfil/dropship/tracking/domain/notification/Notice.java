package com.openfulfil.dropship.tracking.domain.notification;

import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.model.NotificationKind;

/**
 * One message an order's customer should get. The id is derived from what it announces, so the
 * same fact, however often it is replayed, asks for the same message.
 *
 * @param carrier        set for parcel messages
 * @param trackingNumber set for parcel messages
 */
public record Notice(String notificationId, NotificationKind kind, String carrier, String trackingNumber) {

    static Notice forOrder(String orderId, NotificationKind kind) {
        return new Notice(EventIds.derived(orderId, kind.name()), kind, null, null);
    }

    static Notice forParcel(String orderId, NotificationKind kind, String carrier, String trackingNumber,
                            String... about) {
        String[] parts = new String[3 + about.length];
        parts[0] = orderId;
        parts[1] = kind.name();
        parts[2] = trackingNumber;
        System.arraycopy(about, 0, parts, 3, about.length);
        return new Notice(EventIds.derived(parts), kind, carrier, trackingNumber);
    }
}
