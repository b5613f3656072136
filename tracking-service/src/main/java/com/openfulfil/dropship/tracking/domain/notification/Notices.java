package com.openfulfil.dropship.tracking.domain.notification;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.model.NotificationKind;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.supplier.ParcelsShipped;
import com.openfulfil.dropship.events.tracking.ParcelDelayed;

import java.util.List;

/**
 * Which messages an event asks for (R4.4): the confirmation when the order is confirmed, a shipping
 * notice per tracking number, a delay notice per silence of a parcel, and one when the whole order
 * is delivered.
 */
public final class Notices {
    private Notices() {
    }

    public static List<Notice> of(Event event) {
        if (event instanceof OrderStatusChanged changed) {
            if (changed.to() == OrderStatus.CONFIRMED) {
                return List.of(Notice.forOrder(changed.orderId(), NotificationKind.ORDER_CONFIRMED));
            }
            if (changed.to() == OrderStatus.DELIVERED) {
                return List.of(Notice.forOrder(changed.orderId(), NotificationKind.ORDER_DELIVERED));
            }
        } else if (event instanceof ParcelsShipped shipped && shipped.trackingNumbers() != null) {
            return shipped.trackingNumbers().stream().distinct()
                    .map(n -> Notice.forParcel(shipped.orderId(), NotificationKind.PARCEL_SHIPPED, shipped.carrier(), n))
                    .toList();
        } else if (event instanceof ParcelDelayed delayed) {
            return List.of(Notice.forParcel(delayed.orderId(), NotificationKind.PARCEL_DELAYED, delayed.carrier(),
                    delayed.trackingNumber(), String.valueOf(delayed.lastHeardAt())));
        }
        return List.of();
    }
}
