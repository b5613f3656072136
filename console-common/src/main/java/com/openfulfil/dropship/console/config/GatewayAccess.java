package com.openfulfil.dropship.console.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the console and the supplier portal reach supplier-gateway's admin API. The settings keep the
 * names they had when the portal was part of the console ({@code DROPSHIP_OPS_SUPPLIER_PORTAL_GATEWAY_ADMIN_KEY},
 * {@code ..._GATEWAY_TIMEOUT}), so deployments need no change.
 *
 * @param gatewayAdminKey supplier-gateway's {@code X-Admin-Key}: scorecards, and the console's reroutes
 * @param gatewayTimeout  how long an answer to supplier-gateway may take
 */
@ConfigurationProperties("dropship.ops.supplier-portal")
public record GatewayAccess(@DefaultValue("") String gatewayAdminKey, @DefaultValue("10s") Duration gatewayTimeout) {
}
