package com.openfulfil.dropship.ops.channels;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the console reaches channel-gateway's API for ops ({@code DROPSHIP_OPS_CHANNELS_ADMIN_KEY}); where
 * it is comes with the other services' addresses ({@code DROPSHIP_OPS_SERVICES_CHANNEL_GATEWAY}).
 *
 * @param adminKey channel-gateway's {@code X-Admin-Key}, in clear (the gateway holds its SHA-256)
 * @param timeout  how long an answer may take
 */
@ConfigurationProperties("dropship.ops.channels")
public record ChannelsAccess(@DefaultValue("") String adminKey, @DefaultValue("5s") Duration timeout) {
}
