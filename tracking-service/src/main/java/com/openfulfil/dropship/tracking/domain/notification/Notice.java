package com.openfulfil.dropship.tracking.domain.notification;

import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.model.NotificationKind;
import com.openfulfil.dropship.events.model.ParcelItem;

import java.util.List;

/**
 * One message an order's customer should get. The id is derived from what it announces, so the
 * same fact, however often it is replayed, asks for the same message.
 *
 * @param carrier        set for parcel messages
 * @param trackingNumber set for parcel messages
 * @param contents       what a shipped parcel holds, when its shipment said
 * @param unitsDelivered on a partial delivery, the order's units delivered so far
 * @param unitsOrdered   on a partial delivery, the order's units
 */
public record Notice(String notificationId, NotificationKind kind, String carrier, String trackingNumber,
                     List<ParcelItem> contents, Integer unitsDelivered, Integer unitsOrdered) {

    public Notice {
        contents = contents == null ? null : List.copyOf(contents);
    }

    public Notice(String notificationId, NotificationKind kind, String carrier, String trackingNumber) {
        this(notificationId, kind, carrier, trackingNumber, null, null, null);
    }

    static Notice forOrder(String orderId, NotificationKind kind) {
        return new Notice(EventIds.derived(orderId, kind.name()), kind, null, null);
    }

    /** Some of the order's units have arrived: how many, of how many. */
    static Notice partlyDelivered(String orderId, int delivered, int ordered) {
        NotificationKind kind = NotificationKind.ORDER_PARTIALLY_DELIVERED;
        return new Notice(EventIds.derived(orderId, kind.name()), kind, null, null, null, delivered, ordered);
    }

    static Notice forParcel(String orderId, NotificationKind kind, String carrier, String trackingNumber,
                            String... about) {
        return forParcel(orderId, kind, carrier, trackingNumber, null, about);
    }

    /** A parcel message that also says what the parcel holds ({@code contents} null: it does not say). */
    static Notice forParcel(String orderId, NotificationKind kind, String carrier, String trackingNumber,
                            List<ParcelItem> contents, String... about) {
        String[] parts = new String[3 + about.length];
        parts[0] = orderId;
        parts[1] = kind.name();
        parts[2] = trackingNumber;
        System.arraycopy(about, 0, parts, 3, about.length);
        return new Notice(EventIds.derived(parts), kind, carrier, trackingNumber, contents, null, null);
    }
}
