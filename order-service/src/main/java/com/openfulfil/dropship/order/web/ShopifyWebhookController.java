package com.openfulfil.dropship.order.web;

import com.openfulfil.dropship.events.Signatures;
import com.openfulfil.dropship.events.model.Channel;
import com.openfulfil.dropship.events.serde.Json;
import com.openfulfil.dropship.order.config.OrderProperties;
import com.openfulfil.dropship.support.web.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import java.util.Optional;

/**
 * A Shopify store's {@code orders/create} webhook. The request proves itself with
 * {@code X-Shopify-Hmac-Sha256} (base64 HMAC-SHA256 of the raw body with the store's app secret):
 * anything else is 401 and creates nothing. Shopify retries whatever is not 2xx and in the end
 * drops the subscription, so an order we cannot take (not paid, no product of ours) is answered
 * 200 with the reason, and a delivery Shopify repeats (same {@code X-Shopify-Webhook-Id}, same
 * order) is the same order.
 */
@RestController
class ShopifyWebhookController {
    private static final Logger log = LoggerFactory.getLogger(ShopifyWebhookController.class);
    private static final JsonMapper SNAKE_CASE = Json.mapper().rebuild()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    record Answer(boolean accepted, String orderId, String reason) {
    }

    private final OrderProperties properties;
    private final OrderIntake intake;
    private final Directory directory;

    ShopifyWebhookController(OrderProperties properties, OrderIntake intake, Directory directory) {
        this.properties = properties;
        this.intake = intake;
        this.directory = directory;
    }

    @PostMapping(path = "/webhooks/shopify/orders-create", consumes = "application/json")
    ResponseEntity<Answer> ordersCreate(@RequestHeader(value = "X-Shopify-Shop-Domain", required = false) String shop,
                                        @RequestHeader(value = "X-Shopify-Hmac-Sha256", required = false) String hmac,
                                        @RequestHeader(value = "X-Shopify-Webhook-Id", required = false) String webhookId,
                                        @RequestBody byte[] body) {
        OrderProperties.Storefront storefront = storefrontOf(shop)
                .filter(s -> Signatures.verifyBase64(s.shopifySecret(), body, hmac))
                .orElseThrow(() -> ApiProblem.unauthorized("Missing or invalid X-Shopify-Hmac-Sha256 for shop " + shop));
        ShopifyOrder order;
        try {
            order = SNAKE_CASE.readValue(body, ShopifyOrder.class);
        } catch (JacksonException e) {
            return ResponseEntity.ok(refused(webhookId, null, "not an orders/create payload: " + e.getOriginalMessage()));
        }
        Optional<PlaceOrderRequest> request = order.toRequest(sku -> directory.product(sku).isPresent());
        if (request.isEmpty()) {
            return ResponseEntity.ok(refused(webhookId, order, "none of its lines is a product of this catalog"));
        }
        Caller caller = new Caller(Caller.Kind.STOREFRONT, storefront.id(), storefront.name());
        try {
            OrderIntake.Placed placed = intake.place(caller, request.get(), "shopify:" + order.id(), Channel.SHOPIFY);
            return ResponseEntity.ok(new Answer(true, placed.orderId(), placed.replay() ? "already received" : null));
        } catch (ApiProblem problem) {
            if (problem.status().is4xxClientError() && problem.status().value() != 409) {
                return ResponseEntity.ok(refused(webhookId, order, problem.title() + ": " + problem.getMessage()
                        + (problem.errors().isEmpty() ? "" : " " + problem.errors())));
            }
            if (problem.status().value() == 409) {
                // the same Shopify order sent again with changes: the order we have stands
                return ResponseEntity.ok(new Answer(true, (String) problem.properties().get("orderId"),
                        "already received"));
            }
            throw problem;
        }
    }

    private Optional<OrderProperties.Storefront> storefrontOf(String shop) {
        return properties.storefronts().stream()
                .filter(s -> s.shopifyDomain() != null && s.shopifyDomain().equalsIgnoreCase(shop))
                .filter(s -> s.shopifySecret() != null && !s.shopifySecret().isBlank())
                .findFirst();
    }

    private static Answer refused(String webhookId, ShopifyOrder order, String reason) {
        log.warn("Shopify webhook {} (order {}) not taken: {}", webhookId, order == null ? "?" : order.name(), reason);
        return new Answer(false, null, reason);
    }

}
