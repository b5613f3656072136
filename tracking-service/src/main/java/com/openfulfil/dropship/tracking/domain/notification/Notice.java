package com.openfulfil.dropship.tracking.domain.notification;

import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.model.NotificationKind;
import com.openfulfil.dropship.events.model.ParcelItem;
import com.openfulfil.dropship.events.model.ReturnInstructions;

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
 * @param returnInstructions on a return authorisation, where to send the units {@code contents} names
 */
public record Notice(String notificationId, NotificationKind kind, String carrier, String trackingNumber,
                     List<ParcelItem> contents, Integer unitsDelivered, Integer unitsOrdered,
                     ReturnInstructions returnInstructions) {

    public Notice {
        contents = contents == null ? null : List.copyOf(contents);
    }

    public Notice(String notificationId, NotificationKind kind, String carrier, String trackingNumber,
                  List<ParcelItem> contents, Integer unitsDelivered, Integer unitsOrdered) {
        this(notificationId, kind, carrier, trackingNumber, contents, unitsDelivered, unitsOrdered, null);
    }

    public Notice(String notificationId, NotificationKind kind, String carrier, String trackingNumber) {
        this(notificationId, kind, carrier, trackingNumber, null, null, null);
    }

    /** A return authorised at one supplier: one message per RMA number, however often it is replayed. */
    static Notice returnAuthorised(String orderId, List<ParcelItem> items, ReturnInstructions instructions) {
        return new Notice(returnAuthorisedId(orderId, instructions.rmaId()), NotificationKind.RETURN_AUTHORISED, null,
                null, items, null, null, instructions);
    }

    /** The id of the message announcing the return {@code rmaId} of the order. */
    public static String returnAuthorisedId(String orderId, String rmaId) {
        return EventIds.derived(orderId, NotificationKind.RETURN_AUTHORISED.name(), rmaId);
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
