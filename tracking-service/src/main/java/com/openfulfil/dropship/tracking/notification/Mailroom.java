package com.openfulfil.dropship.tracking.notification;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.notification.NotificationRequested;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.tracking.domain.notification.MailTemplates;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Sends the customers' e-mails: a {@link Courier} of its own group ({@value #GROUP}). A notification
 * id it sent lately (the last {@value Courier#REMEMBERED} of them) is not sent again, so a fact
 * announced twice reaches the customer once; a crash between sending and committing sends it again
 * after the restart, with the same Message-ID, derived from the notification's id (at least once,
 * recognisably). A mail server or mailbox that fails holds the partition back and is tried again.
 * Only a request that can never be sent (no e-mail address, a malformed id) goes to the dead-letter
 * topic.
 */
public final class Mailroom extends Courier {
    static final String GROUP = "tracking-service-mailer";
    private static final Logger log = LoggerFactory.getLogger(Mailroom.class);
    static final Pattern NOTIFICATION_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final MailTemplates templates;
    private final Mailer mailer;
    private final EventSerde serde = new EventSerde();
    private final Counter sent = Metrics.counter("dropship.notifications.sent");
    private final Counter failed = Metrics.counter("dropship.notifications.failures");

    public Mailroom(MailTemplates templates, Mailer mailer, String bootstrapServers, Map<String, Object> security) {
        super(GROUP, bootstrapServers, security);
        this.templates = templates;
        this.mailer = mailer;
    }

    @Override
    protected boolean deliver(ConsumerRecord<String, byte[]> record) {
        Event event;
        try {
            event = serde.deserialize(record.topic(), record.headers(), record.value());
        } catch (RuntimeException e) {
            return deadLetter(record, e);
        }
        if (!(event instanceof NotificationRequested request)) {
            return true;
        }
        if (request.notificationId() == null || !NOTIFICATION_ID.matcher(request.notificationId()).matches()
                || request.email() == null || request.kind() == null) {
            return deadLetter(record, new IllegalArgumentException("NotificationRequested " + request.eventId()
                    + " needs a notificationId (letters, digits, '-'), a kind and an e-mail address"));
        }
        if (sentLately(request.notificationId())) {
            return true;
        }
        try {
            mailer.send(templates.render(request));
            remember(request.notificationId());
            sent.increment();
            return true;
        } catch (RuntimeException e) {
            failed.increment();
            log.warn("Could not send notification {} ({}); it is tried again shortly", request.notificationId(),
                    e.getMessage());
            return false;
        }
    }
}
