package com.openfulfil.dropship.tracking.config;

import com.openfulfil.dropship.tracking.domain.notification.Branding;
import com.openfulfil.dropship.tracking.domain.notification.ExpectedDays;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.util.Map;

/**
 * Customer messages ({@code dropship.tracking.notifications.*}, env {@code DROPSHIP_TRACKING_NOTIFICATIONS_*}).
 *
 * @param delivery        MAILBOX writes each message into {@code mailboxDir}; SMTP sends through
 *                        {@code spring.mail.host}/{@code port}/{@code username}/{@code password}
 * @param mailboxDir      where MAILBOX writes {@code <notificationId>.eml}
 * @param from            the sender address
 * @param trackingPageUrl the customer tracking page; the tracking number is appended
 * @param expectedDays    what the confirmation promises, by service level
 * @param brandName       the name heading the e-mails of an order whose store is not configured below
 *                        (a partner's order)
 * @param stores          by storefront id: the store's name and logo (an https address) as its customers
 *                        see them at the top of each e-mail ({@code ..._STORES_<ID>_NAME}, {@code ..._LOGO_URL})
 */
@ConfigurationProperties("dropship.tracking.notifications")
public record NotificationProperties(@DefaultValue("MAILBOX") Delivery delivery, Path mailboxDir,
                                     @DefaultValue("orders@dropship.example") String from,
                                     @DefaultValue("http://localhost:8084/track/") String trackingPageUrl,
                                     @DefaultValue ExpectedDaysByService expectedDays,
                                     @DefaultValue("Dropship") String brandName,
                                     Map<String, Branding.Store> stores) {

    public Branding branding() {
        return new Branding(brandName, stores);
    }

    public enum Delivery { MAILBOX, SMTP }

    public record ExpectedDaysByService(@DefaultValue("10") int standard, @DefaultValue("5") int expedited) {
        public ExpectedDays days() {
            return new ExpectedDays(standard, expedited);
        }
    }
}
