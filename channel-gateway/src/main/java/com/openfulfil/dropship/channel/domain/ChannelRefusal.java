package com.openfulfil.dropship.channel.domain;

import java.time.Instant;

/**
 * A change a channel asked for that we did not make ({@code channels.refusals}): ops see why, and
 * settle it with the merchant (the order on the channel and ours now differ).
 */
public record ChannelRefusal(String refusalId, Instant occurredAt, Platform platform, String storeId,
                             String orderId, String externalRef, String asked, String reason) {
}
