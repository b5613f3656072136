package com.openfulfil.dropship.tracking.notification;

import com.openfulfil.dropship.support.streams.StateStores;
import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.notification.NotificationRequested;
import com.openfulfil.dropship.tracking.domain.notification.MailTemplates;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

import java.time.Instant;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Sends each requested message once: a notificationId already in the sent store is dropped. The
 * mail leaves before the store's write commits, so a crash in between sends it again with the
 * same Message-ID (at-least-once, recognisable); a mail that cannot be sent goes to the DLQ with
 * the reason, to be replayed.
 */
final class MailSender implements Processor<String, Event, Void, Void> {
    static final String SENT = "notifications-sent";
    private static final Pattern NOTIFICATION_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private final MailTemplates templates;
    private final Mailer mailer;
    private ProcessorContext<Void, Void> context;
    private KeyValueStore<String, String> sent;

    private MailSender(MailTemplates templates, Mailer mailer) {
        this.templates = templates;
        this.mailer = mailer;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        this.sent = context.getStateStore(SENT);
    }

    @Override
    public void process(Record<String, Event> record) {
        NotificationRequested request = (NotificationRequested) record.value();
        if (request.notificationId() == null || !NOTIFICATION_ID.matcher(request.notificationId()).matches()
                || request.email() == null || request.kind() == null) {
            throw new IllegalArgumentException("NotificationRequested " + request.eventId()
                    + " needs a notificationId (letters, digits, '-'), a kind and an e-mail address");
        }
        if (sent.get(request.notificationId()) != null) {
            return;
        }
        mailer.send(templates.render(request));
        sent.put(request.notificationId(), Instant.ofEpochMilli(context.currentSystemTimeMs()).toString());
    }

    static final class Supplier implements ProcessorSupplier<String, Event, Void, Void> {
        private final MailTemplates templates;
        private final Mailer mailer;

        Supplier(MailTemplates templates, Mailer mailer) {
            this.templates = templates;
            this.mailer = mailer;
        }

        @Override
        public Processor<String, Event, Void, Void> get() {
            return new MailSender(templates, mailer);
        }

        @Override
        public Set<StoreBuilder<?>> stores() {
            return Set.of(StateStores.index(SENT));
        }
    }
}
