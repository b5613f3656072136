package com.openfulfil.dropship.events.storefront;

import com.openfulfil.dropship.events.Event;

/** What order-service keeps about storefronts ({@code storefronts.webhooks}, compacted, keyed by storefrontId). */
public sealed interface StorefrontMessage extends Event permits StorefrontWebhookSet {
    String storefrontId();
}
