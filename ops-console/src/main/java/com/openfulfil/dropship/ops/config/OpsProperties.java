package com.openfulfil.dropship.ops.config;

import com.openfulfil.dropship.events.model.OrderStatus;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The console's settings ({@code DROPSHIP_OPS_...}).
 *
 * @param users          who may log in; each has the OPS role. Passwords are stored only as bcrypt hashes
 * @param deadlines      how long an order may stay in each status before it shows as stuck
 * @param sampleInterval how often topic offsets and consumer lag are read
 * @param services       where each service's HTTP API is, by module name ({@code order-service} ...
 *                       {@code commission-service}), for the pages that act through those APIs
 */
@ConfigurationProperties("dropship.ops")
public record OpsProperties(@DefaultValue List<User> users, @DefaultValue Map<OrderStatus, Duration> deadlines,
                            @DefaultValue("2s") Duration sampleInterval, @DefaultValue Map<String, URI> services) {

    /** The base URL of a service's API, by its module name; refuses a name the settings do not have. */
    public URI service(String module) {
        URI uri = services.get(module);
        if (uri == null) {
            throw new IllegalStateException("No address for " + module + ": set dropship.ops.services." + module);
        }
        return uri;
    }

    /** @param passwordBcrypt the bcrypt hash of the password ({@code $2a$...}) */
    public record User(String name, String passwordBcrypt) {
    }
}
