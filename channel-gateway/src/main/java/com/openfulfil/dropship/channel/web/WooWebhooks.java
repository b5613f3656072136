package com.openfulfil.dropship.channel.web;

import com.openfulfil.dropship.channel.config.ChannelProperties;
import com.openfulfil.dropship.channel.connector.Catalog;
import com.openfulfil.dropship.channel.connector.InboundChanges;
import com.openfulfil.dropship.channel.domain.InboundChange;
import com.openfulfil.dropship.channel.domain.Platform;
import com.openfulfil.dropship.channel.domain.StoreActivity;
import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.Signatures;
import com.openfulfil.dropship.events.model.OrderDetails;
import com.openfulfil.dropship.events.serde.Json;
import com.openfulfil.dropship.support.web.ApiProblem;
import com.openfulfil.dropship.support.web.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * A WooCommerce store's {@code order.created} and {@code order.updated} webhooks, both to
 * {@code /webhooks/woocommerce/<store id>}. Each proves itself with {@code X-WC-Webhook-Signature}
 * (base64 HMAC-SHA256 of the raw body with the webhook's secret): anything else is 401 and records
 * nothing. The store's ping when a webhook is created ({@code webhook_id=<n>}, form-encoded) is
 * answered 200. A paid order (processing) is placed with us once, however often it is delivered; a
 * cancelled one becomes our cancel command; an unpaid one, or one without products of ours, is
 * answered 200 with the reason (WooCommerce disables a webhook that keeps failing).
 */
@RestController
class WooWebhooks {
    private static final Logger log = LoggerFactory.getLogger(WooWebhooks.class);
    private static final JsonMapper SNAKE_CASE = Json.mapper().rebuild()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    record Answer(boolean accepted, String orderId, String externalRef, String reason) {
    }

    private final ChannelProperties properties;
    private final InboundChanges changes;
    private final Catalog catalog;
    private final StoreActivity activity;

    WooWebhooks(ChannelProperties properties, InboundChanges changes, Catalog catalog, StoreActivity activity) {
        this.properties = properties;
        this.changes = changes;
        this.catalog = catalog;
        this.activity = activity;
    }

    @PostMapping(path = "/webhooks/woocommerce/{storeId}")
    ResponseEntity<Answer> order(@PathVariable String storeId,
                                 @RequestHeader(value = "X-WC-Webhook-Signature", required = false) String signature,
                                 @RequestHeader(value = "X-WC-Webhook-Topic", required = false) String topic,
                                 @RequestHeader(value = "X-WC-Webhook-Delivery-ID", required = false) String deliveryId,
                                 @RequestBody(required = false) byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        if (topic == null && new String(raw, StandardCharsets.UTF_8).startsWith("webhook_id=")) {
            return ResponseEntity.ok(new Answer(true, null, null, "ping"));
        }
        ChannelProperties.WooStore store = properties.wooStore(storeId)
                .filter(s -> Signatures.verifyBase64(s.webhookSecret(), raw, signature))
                .orElseThrow(() -> ApiProblem.unauthorized("Missing or invalid X-WC-Webhook-Signature for store "
                        + storeId));
        activity.heardFrom(store.id());
        WooOrder order = read(raw);
        String orderId = EventIds.derived("STOREFRONT", store.id(), "woocommerce:" + order.id());
        String changeId = EventIds.derived(store.id(), deliveryId != null ? deliveryId
                : new String(raw, StandardCharsets.UTF_8));
        if (order.cancelled()) {
            changes.record(new InboundChange(changeId, Platform.WOOCOMMERCE, store.id(), InboundChange.Kind.CANCELLED,
                    orderId, order.externalRef(), "cancelled in WooCommerce", null, null));
            return ResponseEntity.ok(new Answer(true, orderId, order.externalRef(), "cancellation recorded"));
        }
        if (!order.paid()) {
            return ResponseEntity.ok(refused(store, order, "not paid (status " + order.status() + ")"));
        }
        if (!catalog.ready()) {
            throw ApiProblem.unavailable("The catalog is still being read; send the order again in a moment.");
        }
        WooOrder.Result result = order.toDetails(store.id(), catalog::product);
        Optional<OrderDetails> details = result.details();
        if (details.isEmpty()) {
            return ResponseEntity.ok(refused(store, order, result.refusal()));
        }
        changes.record(new InboundChange(changeId, Platform.WOOCOMMERCE, store.id(), InboundChange.Kind.PLACED, orderId,
                order.externalRef(), null, details.get().shipTo(), details.get()));
        return ResponseEntity.ok(new Answer(true, orderId, order.externalRef(), null));
    }

    private static WooOrder read(byte[] body) {
        WooOrder order;
        try {
            order = SNAKE_CASE.readValue(body, WooOrder.class);
        } catch (JacksonException e) {
            throw ApiProblem.invalid(List.of(FieldProblem.of("body", "is not a WooCommerce order: "
                    + e.getOriginalMessage())));
        }
        if (order.id() == null) {
            throw ApiProblem.invalid(List.of(FieldProblem.of("id", "is required: the WooCommerce order's id")));
        }
        return order;
    }

    private static Answer refused(ChannelProperties.WooStore store, WooOrder order, String reason) {
        log.warn("WooCommerce order {} of store {} not taken: {}", order.id(), store.id(), reason);
        return new Answer(false, null, order.externalRef(), reason);
    }
}
