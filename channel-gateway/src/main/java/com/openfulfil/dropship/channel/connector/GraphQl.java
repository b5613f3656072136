package com.openfulfil.dropship.channel.connector;

import com.openfulfil.dropship.events.serde.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;

/**
 * One GraphQL request to a Shopify Admin API, no retries: 2xx with data is an answer; 5xx, 429 (with its
 * {@code Retry-After}), a throttled query and no answer at all are {@link ChannelUnavailableException};
 * any other refusal is {@link ChannelRefusedException}. The access token goes in its header only.
 */
final class GraphQl {
    private static final Duration THROTTLED_WAIT = Duration.ofSeconds(1);

    private final HttpClient http;
    private final URI url;
    private final String token;
    private final Duration timeout;

    GraphQl(URI url, String token, Duration timeout) {
        this.url = url;
        this.token = token;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** The {@code data} of the answer. */
    JsonNode call(String query, Map<String, Object> variables) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("query", query);
        body.set("variables", Json.mapper().valueToTree(variables));
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("X-Shopify-Access-Token", token == null ? "" : token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(body))).build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ChannelUnavailableException(url + " did not answer: " + e, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChannelUnavailableException("Interrupted while calling " + url, null, e);
        }
        return data(response);
    }

    private JsonNode data(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (status == 429 || status >= 500 || status == 408) {
            OptionalLong seconds = response.headers().firstValueAsLong("Retry-After");
            throw new ChannelUnavailableException(url + " answered " + status,
                    seconds.isPresent() ? Duration.ofSeconds(seconds.getAsLong()) : null, null);
        }
        if (status >= 300) {
            throw new ChannelRefusedException(url + " refused the call with " + status);
        }
        JsonNode answer;
        try {
            answer = Json.mapper().readTree(response.body());
        } catch (JacksonException e) {
            throw new ChannelUnavailableException(url + " answered something that is not JSON", null, e);
        }
        JsonNode errors = answer.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            boolean throttled = false;
            for (JsonNode error : errors) {
                throttled |= "THROTTLED".equals(error.path("extensions").path("code").asString(""));
            }
            if (throttled) {
                throw new ChannelUnavailableException(url + " throttled the query", THROTTLED_WAIT, null);
            }
            throw new ChannelRefusedException(url + " refused the query: " + errors);
        }
        return answer.path("data");
    }

    /** A mutation's {@code userErrors}: none is success, any is a refusal naming them. */
    static void checkUserErrors(JsonNode payload, String mutation) {
        JsonNode userErrors = payload.path("userErrors");
        if (userErrors.isArray() && !userErrors.isEmpty()) {
            throw new ChannelRefusedException(mutation + " refused: " + userErrors);
        }
    }
}
