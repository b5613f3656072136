package com.openfulfil.dropship.console.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;

/**
 * Where each service's HTTP API is, by module name ({@code order-service} ... {@code channel-gateway}),
 * for the pages that act through those APIs ({@code DROPSHIP_OPS_SERVICES_ORDER_SERVICE=http://order-service:8081}).
 * The console, the partner app and the supplier portal read the same settings, so one process or three
 * are configured alike.
 */
@ConfigurationProperties("dropship.ops")
public record ServiceAddresses(@DefaultValue Services services) {

    /**
     * One setting per service rather than a map by name: a map's key cannot come from an environment
     * variable with its dash ({@code ..._SUPPLIER_GATEWAY} would be the key {@code supplier.gateway}),
     * a named setting can.
     */
    public record Services(URI orderService, URI catalogService, URI supplierGateway, URI trackingService,
                           URI commissionService, URI channelGateway) {
    }

    /** The base URL of a service's API, by its module name; refuses a name the settings do not have. */
    public URI service(String module) {
        URI uri = switch (module) {
            case "order-service" -> services.orderService();
            case "catalog-service" -> services.catalogService();
            case "supplier-gateway" -> services.supplierGateway();
            case "tracking-service" -> services.trackingService();
            case "commission-service" -> services.commissionService();
            case "channel-gateway" -> services.channelGateway();
            default -> null;
        };
        if (uri == null) {
            throw new IllegalStateException("No address for " + module + ": set dropship.ops.services." + module);
        }
        return uri;
    }
}
