package com.openfulfil.dropship.order.web;

import com.openfulfil.dropship.events.storefront.StorefrontWebhookSet;
import com.openfulfil.dropship.order.webhook.DeliveryStatus;
import com.openfulfil.dropship.order.webhook.StorefrontWebhooks;
import com.openfulfil.dropship.support.web.ApiProblem;
import com.openfulfil.dropship.support.web.FieldProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A storefront's status webhook: every status change of its orders is POSTed to the URL it
 * registers, signed with the secret it is given ({@code X-Dropship-Signature: sha256=<hex>}).
 */
@RestController
@RequestMapping("/api/v1/webhook")
class WebhookController {
    private static final int MAX_URL = 2048;

    /** @param rotateSecret true to be given a new signing secret; the old one stops signing at once */
    record WebhookBody(String url, Boolean rotateSecret) {
    }

    /** The webhook as registered; {@code secret} is shown when it is set or rotated, never when read. */
    record WebhookView(String url, String secret, Instant since, Instant updatedAt, DeliveryStatus delivery) {
    }

    private final StorefrontWebhooks webhooks;

    WebhookController(StorefrontWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @PutMapping
    WebhookView register(@AuthenticationPrincipal Caller caller, @RequestBody WebhookBody body) {
        String storefrontId = storefront(caller);
        String url = body.url() == null ? null : body.url().strip();
        String problem = urlProblem(url);
        if (problem != null) {
            throw ApiProblem.invalid(List.of(FieldProblem.of("url", problem)));
        }
        StorefrontWebhookSet set = webhooks.register(storefrontId, url, Boolean.TRUE.equals(body.rotateSecret()));
        return new WebhookView(set.url(), set.secret(), set.since(), set.occurredAt(), webhooks.status(storefrontId));
    }

    @GetMapping
    WebhookView read(@AuthenticationPrincipal Caller caller) {
        String storefrontId = storefront(caller);
        StorefrontWebhookSet set = webhooks.find(storefrontId)
                .orElseThrow(() -> ApiProblem.notFound("No webhook is registered for storefront " + storefrontId + "."));
        return new WebhookView(set.url(), null, set.since(), set.occurredAt(), webhooks.status(storefrontId));
    }

    @DeleteMapping
    ResponseEntity<Void> remove(@AuthenticationPrincipal Caller caller) {
        String storefrontId = storefront(caller);
        if (!webhooks.remove(storefrontId)) {
            throw ApiProblem.notFound("No webhook is registered for storefront " + storefrontId + ".");
        }
        return ResponseEntity.noContent().build();
    }

    private static String storefront(Caller caller) {
        if (caller.kind() != Caller.Kind.STOREFRONT) {
            throw ApiProblem.forbidden("Status webhooks belong to storefronts; call with a storefront's API key.");
        }
        return caller.id();
    }

    static String urlProblem(String url) {
        if (url == null || url.isEmpty()) {
            return "is required: the URL status changes are POSTed to";
        }
        if (url.length() > MAX_URL) {
            return "must be at most " + MAX_URL + " characters";
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "is not a URL: " + e.getReason();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return "must be an http(s) URL";
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return "must name a host";
        }
        if (uri.getUserInfo() != null) {
            return "must not carry credentials; the secret signs every delivery instead";
        }
        if (uri.getFragment() != null) {
            return "must not have a fragment";
        }
        return null;
    }
}
