package com.openfulfil.dropship.order.webhook;

import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.storefront.StorefrontWebhookSet;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.config.DropshipProperties;
import com.openfulfil.dropship.support.kafka.EventPublisher;
import com.openfulfil.dropship.support.security.ApiKeys;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Storefronts' status webhooks: where each storefront wants its orders' status changes, and the
 * deliveries to it. Registrations live on {@code storefronts.webhooks}; every instance of
 * order-service reads them all and takes its share of each storefront's deliveries.
 */
@Component
public class StorefrontWebhooks implements SmartLifecycle {
    private static final String GROUP = "order-service";

    private final EventPublisher publisher;
    private final WebhookProperties properties;
    private final Clock clock;
    private final String bootstrapServers;
    private final Map<String, Object> security;
    private final HttpClient http;
    private final Map<String, WebhookDeliverer> deliverers = new HashMap<>();
    private final WebhookRegistry registry;
    private volatile boolean running;

    StorefrontWebhooks(EventPublisher publisher, WebhookProperties properties, Clock clock,
                       DropshipProperties dropship) {
        this.publisher = publisher;
        this.properties = properties;
        this.clock = clock;
        this.bootstrapServers = dropship.kafka().bootstrapServers();
        this.security = dropship.kafka().security();
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.registry = new WebhookRegistry(bootstrapServers, security, GROUP, this::changed, properties::backoff);
    }

    /** The storefront's webhook, if it registered one. */
    public Optional<StorefrontWebhookSet> find(String storefrontId) {
        return registry.find(storefrontId);
    }

    /**
     * Sets where the storefront's status changes go. A storefront that already has a webhook keeps
     * its secret (unless it asks for a new one) and its deliveries carry on, to the new URL; one
     * registering afresh gets a new secret and the changes from now on.
     */
    public StorefrontWebhookSet register(String storefrontId, String url, boolean newSecret) {
        Instant now = clock.instant();
        Optional<StorefrontWebhookSet> existing = registry.find(storefrontId);
        StorefrontWebhookSet webhook = new StorefrontWebhookSet(EventIds.random(), now, storefrontId,
                existing.map(StorefrontWebhookSet::subscriptionId).orElseGet(() -> "sub_" + EventIds.random()),
                url,
                existing.filter(w -> !newSecret).map(StorefrontWebhookSet::secret)
                        .orElseGet(() -> ApiKeys.generate("whsec_")),
                existing.map(StorefrontWebhookSet::since).orElse(now));
        publisher.publishAndWait(Topics.STOREFRONT_WEBHOOKS, storefrontId, webhook);
        registry.apply(storefrontId, webhook);
        return webhook;
    }

    /** Stops the storefront's deliveries; changes not yet delivered are dropped with the webhook. */
    public boolean remove(String storefrontId) {
        if (registry.find(storefrontId).isEmpty()) {
            return false;
        }
        publisher.publishAndWait(Topics.STOREFRONT_WEBHOOKS, storefrontId, null);
        registry.apply(storefrontId, null);
        return true;
    }

    /** How this instance's share of the storefront's deliveries is going. */
    public DeliveryStatus status(String storefrontId) {
        synchronized (deliverers) {
            WebhookDeliverer deliverer = deliverers.get(storefrontId);
            return deliverer == null ? DeliveryStatus.NONE : deliverer.status();
        }
    }

    private void changed(String storefrontId, StorefrontWebhookSet webhook) {
        synchronized (deliverers) {
            WebhookDeliverer current = deliverers.get(storefrontId);
            if (current != null && webhook != null && current.subscriptionId().equals(webhook.subscriptionId())) {
                return;
            }
            if (current != null) {
                deliverers.remove(storefrontId).close();
            }
            if (webhook != null && running) {
                WebhookDeliverer next = new WebhookDeliverer(webhook, registry::find, properties, http, clock,
                        bootstrapServers, security, GROUP);
                deliverers.put(storefrontId, next);
                next.start();
            }
        }
    }

    @Override
    public void start() {
        running = true;
        registry.start();
    }

    @Override
    public void stop() {
        running = false;
        registry.close();
        synchronized (deliverers) {
            deliverers.values().forEach(WebhookDeliverer::close);
            deliverers.clear();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
