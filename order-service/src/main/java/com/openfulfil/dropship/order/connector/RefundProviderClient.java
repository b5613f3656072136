package com.openfulfil.dropship.order.connector;

import com.openfulfil.dropship.events.order.RefundApproved;
import com.openfulfil.dropship.events.serde.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One call to the payment provider's refund API, shaped like Stripe's: {@code POST /v1/refunds},
 * form-encoded, the amount in the currency's minor units, the secret key as a bearer token and the
 * refund's own id as {@code Idempotency-Key}, so asking again for the same refund pays it once; and
 * {@code GET /v1/refunds/{id}}, how a refund it answered {@code pending} stands now. No retries here:
 * {@link RefundPayer} and {@link PendingRefundFollower} ask again what throws {@link ProviderUnavailableException}.
 */
final class RefundProviderClient {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final URI refunds;
    private final String secretKey;
    private final RefundProperties properties;
    private final HttpClient http;

    RefundProviderClient(RefundProperties properties) {
        this.refunds = URI.create(properties.providerUrl().toString().replaceAll("/+$", "") + "/v1/refunds");
        this.secretKey = properties.secretKey();
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * The provider's answer: the refund it made (succeeded, pending or failed), or its refusal (a 4xx
     * that says the request itself is wrong: no such payment, more than was charged).
     *
     * @throws ProviderUnavailableException when there is no answer to act on and the refund must be asked again
     */
    ProviderRefund refund(RefundApproved refund) {
        String form;
        try {
            form = form(refund);
        } catch (ArithmeticException | IllegalArgumentException e) {
            return ProviderRefund.refused("the amount " + refund.amount() + " " + refund.currency()
                    + " cannot be paid in the currency's minor units");
        }
        HttpRequest call = HttpRequest.newBuilder(refunds).timeout(properties.requestTimeout())
                .header("Authorization", "Bearer " + secretKey)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(IDEMPOTENCY_KEY, refund.refundId())
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(call, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ProviderUnavailableException(refunds + " did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException("Interrupted while calling " + refunds, e);
        }
        return answer(refund, response.statusCode(), response.body());
    }

    /**
     * How the provider's refund {@code providerRefundId} stands now: succeeded, still pending, failed with
     * the provider's reason, or unknown: the provider has no such refund ({@code 404}, or an error with the code
     * {@code resource_missing}).
     *
     * @throws ProviderUnavailableException when there is no answer to act on (any other answer but a refund
     *                                      object: the refund is asked about again later)
     */
    ProviderRefund status(String providerRefundId) {
        URI uri = URI.create(refunds + "/" + encode(providerRefundId));
        HttpRequest call = HttpRequest.newBuilder(uri).timeout(properties.requestTimeout())
                .header("Authorization", "Bearer " + secretKey)
                .GET()
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(call, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ProviderUnavailableException(uri + " did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException("Interrupted while calling " + uri, e);
        }
        if (response.statusCode() / 100 != 2) {
            if (notFound(response)) {
                return new ProviderRefund(providerRefundId, ProviderRefund.UNKNOWN, parseOrEmpty(response.body())
                        .path("error").path("message").asString("HTTP " + response.statusCode()));
            }
            throw new ProviderUnavailableException(uri + " answered " + response.statusCode(), null);
        }
        return refundObject(parse(response.body()), "refund " + providerRefundId);
    }

    /** The provider has no such refund: a 404, or a 400 whose error code says so. */
    private static boolean notFound(HttpResponse<String> response) {
        return response.statusCode() == 404 || response.statusCode() == 400
                && "resource_missing".equals(parseOrEmpty(response.body()).path("error").path("code").asString(""));
    }

    private static JsonNode parseOrEmpty(String body) {
        try {
            return Json.mapper().readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (JacksonException e) {
            return Json.mapper().createObjectNode();
        }
    }

    private ProviderRefund answer(RefundApproved refund, int status, String body) {
        // 401/403: our key is wrong or revoked, which ops fix; the customer's refund is not what failed
        if (status >= 500 || status == 429 || status == 409 || status == 408 || status == 401 || status == 403) {
            throw new ProviderUnavailableException(refunds + " answered " + status + " for refund " + refund.refundId(),
                    null);
        }
        JsonNode json = parse(body);
        if (status / 100 != 2) {
            JsonNode error = json.path("error");
            String code = error.path("code").asString("");
            String message = error.path("message").asString("HTTP " + status);
            return ProviderRefund.refused(code.isEmpty() ? message : code + ": " + message);
        }
        return refundObject(json, "refund " + refund.refundId());
    }

    /** A refund object as the provider answers it, by its {@code status}. */
    private static ProviderRefund refundObject(JsonNode json, String which) {
        String refundStatus = json.path("status").asString("");
        return switch (refundStatus) {
            case ProviderRefund.SUCCEEDED -> new ProviderRefund(json.path("id").asString(), ProviderRefund.SUCCEEDED, null);
            // requires_action: the provider waits on the customer (bank details), the money has not moved yet
            case ProviderRefund.PENDING, "requires_action" ->
                    new ProviderRefund(json.path("id").asString(), ProviderRefund.PENDING, null);
            case ProviderRefund.FAILED, "canceled" -> new ProviderRefund(json.path("id").asString(),
                    ProviderRefund.FAILED, json.path("failure_reason").asString(refundStatus));
            default -> throw new ProviderUnavailableException("unexpected refund status '" + refundStatus + "' for "
                    + which, null);
        };
    }

    private JsonNode parse(String body) {
        try {
            return Json.mapper().readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (JacksonException e) {
            throw new ProviderUnavailableException(refunds + " answered something that is not JSON", e);
        }
    }

    /** The form Stripe's {@code POST /v1/refunds} takes; the amount in minor units (12.50 USD is 1250). */
    static String form(RefundApproved refund) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("payment_intent", refund.paymentReference());
        fields.put("amount", minorUnits(refund.amount(), refund.currency()).toPlainString());
        fields.put("currency", refund.currency().toLowerCase(Locale.ROOT));
        if (refund.reason() != null) {
            fields.put("reason", refund.reason());
        }
        fields.put("metadata[order_id]", refund.orderId());
        fields.put("metadata[refund_id]", refund.refundId());
        return fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    static BigDecimal minorUnits(BigDecimal amount, String currency) {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return amount.movePointRight(digits).setScale(0, RoundingMode.UNNECESSARY);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
