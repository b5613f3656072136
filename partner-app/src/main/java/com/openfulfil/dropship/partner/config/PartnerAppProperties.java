package com.openfulfil.dropship.partner.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.ZoneId;

/**
 * The partner app's settings ({@code DROPSHIP_OPS_PARTNER_...}); the services it calls are
 * console-common's {@code dropship.ops.services} ({@code ServiceAddresses}).
 *
 * @param timeZone the zone order times are shown in
 */
@ConfigurationProperties("dropship.ops.partner")
public record PartnerAppProperties(@DefaultValue("UTC") ZoneId timeZone) {
}
