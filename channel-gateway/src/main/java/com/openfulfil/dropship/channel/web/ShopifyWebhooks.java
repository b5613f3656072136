package com.openfulfil.dropship.channel.web;

import com.openfulfil.dropship.channel.config.ChannelProperties;
import com.openfulfil.dropship.channel.connector.InboundChanges;
import com.openfulfil.dropship.channel.domain.InboundChange;
import com.openfulfil.dropship.channel.domain.Platform;
import com.openfulfil.dropship.channel.domain.StoreActivity;
import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.Signatures;
import com.openfulfil.dropship.events.serde.Json;
import com.openfulfil.dropship.support.web.ApiProblem;
import com.openfulfil.dropship.support.web.FieldProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * A Shopify store's {@code orders/cancelled} and {@code orders/updated} webhooks ({@code orders/create}
 * stays with order-service). Each proves itself with {@code X-Shopify-Hmac-Sha256} (base64 HMAC-SHA256
 * of the raw body with the store's webhook secret): anything else is 401 and records nothing. A signed
 * change is recorded on {@code channels.inbound} and answered 202; the order's task then decides it:
 * a cancellation becomes our cancel command, a refused one and every changed address go to
 * {@code channels.refusals} with the reason.
 */
@RestController
class ShopifyWebhooks {
    private static final JsonMapper SNAKE_CASE = Json.mapper().rebuild()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    record Answer(String orderId, String externalRef, String status) {
    }

    private final ChannelProperties properties;
    private final InboundChanges changes;
    private final StoreActivity activity;

    ShopifyWebhooks(ChannelProperties properties, InboundChanges changes, StoreActivity activity) {
        this.properties = properties;
        this.changes = changes;
        this.activity = activity;
    }

    @PostMapping(path = "/webhooks/shopify/orders-cancelled", consumes = "application/json")
    ResponseEntity<Answer> ordersCancelled(@RequestHeader(value = "X-Shopify-Shop-Domain", required = false) String shop,
                                           @RequestHeader(value = "X-Shopify-Hmac-Sha256", required = false) String hmac,
                                           @RequestHeader(value = "X-Shopify-Webhook-Id", required = false) String webhookId,
                                           @RequestBody byte[] body) {
        return record(shop, hmac, webhookId, body, InboundChange.Kind.CANCELLED);
    }

    @PostMapping(path = "/webhooks/shopify/orders-updated", consumes = "application/json")
    ResponseEntity<Answer> ordersUpdated(@RequestHeader(value = "X-Shopify-Shop-Domain", required = false) String shop,
                                         @RequestHeader(value = "X-Shopify-Hmac-Sha256", required = false) String hmac,
                                         @RequestHeader(value = "X-Shopify-Webhook-Id", required = false) String webhookId,
                                         @RequestBody byte[] body) {
        return record(shop, hmac, webhookId, body, InboundChange.Kind.UPDATED);
    }

    private ResponseEntity<Answer> record(String shop, String hmac, String webhookId, byte[] body,
                                          InboundChange.Kind kind) {
        ChannelProperties.ShopifyStore store = properties.shopifyByDomain(shop)
                .filter(s -> Signatures.verifyBase64(s.webhookSecret(), body, hmac))
                .orElseThrow(() -> ApiProblem.unauthorized("Missing or invalid X-Shopify-Hmac-Sha256 for shop " + shop));
        activity.heardFrom(store.id());
        ShopifyOrderChange order = read(body);
        // the order id order-service gave the store's order when its orders/create webhook placed it
        String orderId = EventIds.derived("STOREFRONT", store.id(), "shopify:" + order.id());
        String changeId = EventIds.derived(store.id(), kind.name(), webhookId != null ? webhookId
                : new String(body, java.nio.charset.StandardCharsets.UTF_8));
        changes.record(new InboundChange(changeId, Platform.SHOPIFY, store.id(), kind, orderId, order.externalRef(),
                order.cancelReason(), kind == InboundChange.Kind.UPDATED && order.shippingAddress() != null
                ? order.shippingAddress().toAddress() : null, null));
        return ResponseEntity.accepted().body(new Answer(orderId, order.externalRef(), "recorded"));
    }

    private static ShopifyOrderChange read(byte[] body) {
        ShopifyOrderChange order;
        try {
            order = SNAKE_CASE.readValue(body, ShopifyOrderChange.class);
        } catch (JacksonException e) {
            throw ApiProblem.invalid(List.of(FieldProblem.of("body", "is not a Shopify order: " + e.getOriginalMessage())));
        }
        if (order.id() == null) {
            throw ApiProblem.invalid(List.of(FieldProblem.of("id", "is required: the Shopify order's id")));
        }
        return order;
    }
}
