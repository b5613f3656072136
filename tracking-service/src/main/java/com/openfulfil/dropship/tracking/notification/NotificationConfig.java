package com.openfulfil.dropship.tracking.notification;

import com.openfulfil.dropship.support.config.DropshipProperties;
import com.openfulfil.dropship.tracking.config.NotificationProperties;
import com.openfulfil.dropship.tracking.config.SmsProperties;
import com.openfulfil.dropship.tracking.connector.SmsGateway;
import com.openfulfil.dropship.tracking.domain.notification.MailTemplates;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.time.Clock;

/** Chooses how messages leave: a mailbox folder (the default, for a local run) or SMTP; the mailroom sends them. */
@Configuration
class NotificationConfig {
    /**
     * Jakarta Mail looks its stream provider up with a ServiceLoader scan of the class path for every
     * message it builds unless this property names it; named, each lookup is a loaded class.
     */
    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    @Bean
    Mailroom mailroom(MailTemplates templates, Mailer mailer, DropshipProperties dropship) {
        return new Mailroom(templates, mailer, dropship.kafka().bootstrapServers(), dropship.kafka().security());
    }

    /** Text messages, when switched on ({@code dropship.tracking.sms.enabled}). */
    @Bean
    @ConditionalOnProperty(name = "dropship.tracking.sms.enabled", havingValue = "true")
    Textroom textroom(MailTemplates templates, SmsProperties sms, DropshipProperties dropship) {
        return new Textroom(templates, new SmsGateway(sms.providerUrl(), sms.accountSid(), sms.authToken(), sms.from()),
                sms, dropship.kafka().bootstrapServers(), dropship.kafka().security());
    }

    @Bean
    Mailer mailer(NotificationProperties properties, ObjectProvider<JavaMailSenderImpl> smtp, Clock clock) {
        if (properties.delivery() == NotificationProperties.Delivery.SMTP) {
            JavaMailSenderImpl sender = smtp.getIfAvailable();
            if (sender == null) {
                throw new IllegalStateException("dropship.tracking.notifications.delivery=SMTP needs spring.mail.host");
            }
            return new SmtpMailer(sender, properties.from(), clock);
        }
        if (properties.mailboxDir() == null) {
            throw new IllegalStateException("dropship.tracking.notifications.delivery=MAILBOX needs mailbox-dir");
        }
        return new MailboxMailer(properties.mailboxDir(), properties.from(), clock);
    }

    @Bean
    MailTemplates mailTemplates(NotificationProperties properties) {
        return new MailTemplates(properties.trackingPageUrl(), properties.branding());
    }
}
