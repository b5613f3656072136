package com.openfulfil.dropship.events.storefront;

import java.time.Instant;

/**
 * Where a storefront wants its orders' status changes POSTed, and the secret they are signed with
 * ({@code X-Dropship-Signature}). Removing the webhook is a tombstone for the storefront's key.
 *
 * @param subscriptionId stays the same while the storefront changes its URL or secret, so deliveries
 *                       carry on where they were; a webhook registered afresh gets a new one
 * @param since          status changes from this moment on are delivered
 */
public record StorefrontWebhookSet(String eventId, Instant occurredAt, String storefrontId, String subscriptionId,
                                   String url, String secret, Instant since) implements StorefrontMessage {
}
