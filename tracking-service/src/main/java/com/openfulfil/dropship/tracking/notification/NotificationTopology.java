package com.openfulfil.dropship.tracking.notification;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.supplier.ParcelsShipped;
import com.openfulfil.dropship.events.supplier.ReturnAuthorised;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.events.tracking.ParcelDelayed;
import com.openfulfil.dropship.tracking.domain.notification.ExpectedDays;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;

import java.util.List;

/** The customer messages, wired on the tracking stream (every input is keyed by orderId here). */
public final class NotificationTopology {
    /** The topics the messages come from. */
    public static final List<String> INPUTS = List.of(Topics.ORDERS_LIFECYCLE.name(), Topics.TRACKING_EVENTS.name(),
            Topics.FULFILMENT_EVENTS.name());

    private NotificationTopology() {
    }

    /** The messages are sent off the stream thread, by the {@link Mailroom}. */
    public static void wire(KStream<String, Event> events, ExpectedDays expectedDays) {
        // an order's lifecycle, shipments, delays and return authorisations become the messages its customer should get
        events.filter((key, event) -> event instanceof OrderStatusChanged || event instanceof ParcelsShipped
                        || event instanceof ParcelDelayed || event instanceof ReturnAuthorised)
                .process(new NotificationPlanner.Supplier(expectedDays))
                .to(Topics.NOTIFICATIONS_OUTBOUND.name(), Produced.with(Serdes.String(), new EventSerde()));
    }
}
