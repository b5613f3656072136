package com.openfulfil.dropship.ops.config;

import com.openfulfil.dropship.events.model.OrderStatus;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The console's settings ({@code DROPSHIP_OPS_...}).
 *
 * @param users          who may log in; each has the OPS role. Passwords are stored only as bcrypt hashes
 * @param deadlines      how long an order may stay in each status before it shows as stuck
 * @param sampleInterval how often topic offsets and consumer lag are read
 * @param trackingPageUrl the customer tracking page the order page links each parcel to; the tracking number is
 *                        appended (tracking-service's {@code dropship.tracking.notifications.tracking-page-url})
 *
 * Where each service's API is ({@code dropship.ops.services}) is console-common's {@code ServiceAddresses}:
 * the partner app and the supplier portal read it too.
 */
@ConfigurationProperties("dropship.ops")
public record OpsProperties(@DefaultValue List<User> users, @DefaultValue Map<OrderStatus, Duration> deadlines,
                            @DefaultValue("2s") Duration sampleInterval,
                            @DefaultValue("http://localhost:8084/track/") String trackingPageUrl) {

    /** @param passwordBcrypt the bcrypt hash of the password ({@code $2a$...}) */
    public record User(String name, String passwordBcrypt) {
    }
}
