package com.openfulfil.dropship.tracking.domain.notification;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.model.LineUnits;
import com.openfulfil.dropship.events.model.NotificationKind;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.model.ParcelItem;
import com.openfulfil.dropship.events.model.ReturnInstructions;
import com.openfulfil.dropship.events.model.ShippedParcel;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.supplier.ParcelsShipped;
import com.openfulfil.dropship.events.supplier.ReturnAuthorised;
import com.openfulfil.dropship.events.tracking.ParcelDelayed;

import java.util.List;
import java.util.Map;

/**
 * Which messages an event asks for (R4.4): the confirmation when the order is confirmed, a shipping
 * notice per tracking number (saying what the parcel holds when its shipment did), a delay notice per
 * silence of a parcel, one when some of the order's units have arrived and others not yet, one when
 * every unit is delivered, and one when it ends any other way a customer must hear of: cancelled,
 * rejected (out of stock) or refunded, one when a replacement is sent (reshipped), and one per supplier
 * that authorises the order's return, saying where to send what (R5.2).
 */
public final class Notices {
    /** The order's own states that tell the customer something, and the message each asks for. */
    private static final Map<OrderStatus, NotificationKind> ORDER_NOTICES = Map.of(
            OrderStatus.CONFIRMED, NotificationKind.ORDER_CONFIRMED,
            OrderStatus.DELIVERED, NotificationKind.ORDER_DELIVERED,
            OrderStatus.CANCELLED, NotificationKind.ORDER_CANCELLED,
            OrderStatus.REJECTED, NotificationKind.ORDER_REJECTED,
            OrderStatus.REFUNDED, NotificationKind.ORDER_REFUNDED,
            OrderStatus.RESHIPPED, NotificationKind.ORDER_RESHIPPED);

    private Notices() {
    }

    public static List<Notice> of(Event event) {
        if (event instanceof OrderStatusChanged changed && changed.to() == OrderStatus.PARTIALLY_DELIVERED) {
            return List.of(partlyDelivered(changed));
        } else if (event instanceof OrderStatusChanged changed) {
            NotificationKind kind = ORDER_NOTICES.get(changed.to());
            return kind == null ? List.of() : List.of(Notice.forOrder(changed.orderId(), kind));
        } else if (event instanceof ParcelsShipped shipped && shipped.trackingNumbers() != null) {
            return shipped.trackingNumbers().stream().distinct()
                    .map(n -> Notice.forParcel(shipped.orderId(), NotificationKind.PARCEL_SHIPPED, shipped.carrier(), n,
                            contents(shipped, n)))
                    .toList();
        } else if (event instanceof ReturnAuthorised authorised) {
            return List.of(Notice.returnAuthorised(authorised.orderId(), authorised.items(),
                    new ReturnInstructions(authorised.rmaId(), authorised.returnTo(), authorised.returnAddress(),
                            authorised.paidBy())));
        } else if (event instanceof ParcelDelayed delayed && !ReturnAuthorised.isRmaId(delayed.dispatchId())) {
            // a return parcel running late is the supplier's and ops' business: its sender is not waiting for it
            return List.of(Notice.forParcel(delayed.orderId(), NotificationKind.PARCEL_DELAYED, delayed.carrier(),
                    delayed.trackingNumber(), String.valueOf(delayed.lastHeardAt())));
        }
        return List.of();
    }

    /** The units the move to PARTIALLY_DELIVERED counts; without them (never, from order-service) the message says no number. */
    private static Notice partlyDelivered(OrderStatusChanged changed) {
        if (changed.units() == null) {
            return Notice.partlyDelivered(changed.orderId(), 0, 0);
        }
        return Notice.partlyDelivered(changed.orderId(), changed.units().stream().mapToInt(LineUnits::delivered).sum(),
                changed.units().stream().mapToInt(LineUnits::ordered).sum());
    }

    private static List<ParcelItem> contents(ParcelsShipped shipped, String trackingNumber) {
        ShippedParcel parcel = shipped.parcel(trackingNumber);
        return parcel == null ? null : parcel.items();
    }
}
