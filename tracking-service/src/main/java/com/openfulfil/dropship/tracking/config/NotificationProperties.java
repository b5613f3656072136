package com.openfulfil.dropship.tracking.config;

import com.openfulfil.dropship.tracking.domain.notification.ExpectedDays;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * Customer messages ({@code dropship.tracking.notifications.*}, env {@code DROPSHIP_TRACKING_NOTIFICATIONS_*}).
 *
 * @param delivery        MAILBOX writes each message into {@code mailboxDir}; SMTP sends through
 *                        {@code spring.mail.host}/{@code port}/{@code username}/{@code password}
 * @param mailboxDir      where MAILBOX writes {@code <notificationId>.eml}
 * @param from            the sender address
 * @param trackingPageUrl the customer tracking page; the tracking number is appended
 * @param expectedDays    what the confirmation promises, by service level
 */
@ConfigurationProperties("dropship.tracking.notifications")
public record NotificationProperties(@DefaultValue("MAILBOX") Delivery delivery, Path mailboxDir,
                                     @DefaultValue("orders@dropship.example") String from,
                                     @DefaultValue("http://localhost:8084/track/") String trackingPageUrl,
                                     @DefaultValue ExpectedDaysByService expectedDays) {

    public enum Delivery { MAILBOX, SMTP }

    public record ExpectedDaysByService(@DefaultValue("10") int standard, @DefaultValue("5") int expedited) {
        public ExpectedDays days() {
            return new ExpectedDays(standard, expedited);
        }
    }
}
