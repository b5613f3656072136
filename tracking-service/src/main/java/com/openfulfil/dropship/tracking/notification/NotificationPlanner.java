package com.openfulfil.dropship.tracking.notification;

import com.openfulfil.dropship.support.streams.KeyedState;
import com.openfulfil.dropship.support.streams.StateStores;
import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.notification.NotificationRequested;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.tracking.domain.notification.ExpectedDays;
import com.openfulfil.dropship.tracking.domain.notification.Notice;
import com.openfulfil.dropship.tracking.domain.notification.Notices;
import com.openfulfil.dropship.tracking.domain.notification.Recipient;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The order's messages (keyed by orderId): each event's notices go out as NotificationRequested
 * once the order's customer is known; until then they wait in the recipient store.
 */
final class NotificationPlanner implements Processor<String, Event, String, Event> {
    static final String RECIPIENTS = "notification-recipients";
    private final ExpectedDays expectedDays;
    private ProcessorContext<String, Event> context;
    private KeyedState<Recipient> recipients;

    private NotificationPlanner(ExpectedDays expectedDays) {
        this.expectedDays = expectedDays;
    }

    @Override
    public void init(ProcessorContext<String, Event> context) {
        this.context = context;
        this.recipients = KeyedState.of(context, RECIPIENTS);
    }

    @Override
    public void process(Record<String, Event> record) {
        String orderId = Objects.requireNonNull(record.key(), "an order's event must be keyed by its orderId");
        Recipient current = recipients.get(orderId);
        Recipient known = current == null ? Recipient.unknown() : current;
        // the order's first transition (and a few later ones) carries the order, and with it the customer
        Recipient recipient = record.value() instanceof OrderStatusChanged changed && changed.order() != null
                ? known.of(orderId, changed.order()) : known;
        List<Notice> notices = Notices.of(record.value());
        Recipient next = recipient.known() ? recipient.withNothingWaiting() : recipient.waitingFor(notices);
        if (recipient.known()) {
            recipient.waitingFor(notices).waiting().forEach(n -> forward(record, orderId, recipient, n));
        }
        recipients.save(orderId, current, next);
    }

    private void forward(Record<String, Event> record, String orderId, Recipient recipient, Notice notice) {
        Instant now = KeyedState.now(context);
        Integer days = notice.trackingNumber() == null ? expectedDays.of(recipient.priority()) : null;
        context.forward(record.withKey(orderId).withValue(new NotificationRequested(notice.notificationId(), now,
                orderId, recipient.orderReference(), notice.notificationId(), notice.kind(), recipient.locale(), recipient.name(),
                recipient.email(), notice.carrier(), notice.trackingNumber(), days, recipient.storefrontId(),
                recipient.phone(), notice.contents(), notice.unitsDelivered(), notice.unitsOrdered(),
                notice.returnInstructions())));
    }

    static final class Supplier implements ProcessorSupplier<String, Event, String, Event> {
        private final ExpectedDays expectedDays;

        Supplier(ExpectedDays expectedDays) {
            this.expectedDays = expectedDays;
        }

        @Override
        public Processor<String, Event, String, Event> get() {
            return new NotificationPlanner(expectedDays);
        }

        @Override
        public Set<StoreBuilder<?>> stores() {
            return Set.of(StateStores.keyValue(RECIPIENTS, Recipient.class));
        }
    }
}
