package com.openfulfil.dropship.events.notification;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.OrderScoped;

/** Messages to customers ({@code notifications.outbound}, keyed by orderId). */
public sealed interface NotificationMessage extends Event, OrderScoped permits NotificationRequested {
}
