package com.openfulfil.dropship.console.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.util.Map;

/**
 * Where each service's HTTP API is, by module name ({@code order-service} ... {@code commission-service}),
 * for the pages that act through those APIs ({@code DROPSHIP_OPS_SERVICES_ORDER_SERVICE=http://order-service:8081}).
 * The console, the partner app and the supplier portal read the same settings, so one process or three
 * are configured alike.
 */
@ConfigurationProperties("dropship.ops")
public record ServiceAddresses(@DefaultValue Map<String, URI> services) {

    /** The base URL of a service's API, by its module name; refuses a name the settings do not have. */
    public URI service(String module) {
        URI uri = services.get(module);
        if (uri == null) {
            throw new IllegalStateException("No address for " + module + ": set dropship.ops.services." + module);
        }
        return uri;
    }
}
