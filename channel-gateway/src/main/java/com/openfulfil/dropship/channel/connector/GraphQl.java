package com.openfulfil.dropship.channel.connector;

import com.openfulfil.dropship.events.serde.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * One GraphQL request to a Shopify Admin API, no retries: besides what {@link StoreHttp} makes of the
 * status, a throttled query (200 with a THROTTLED error) is {@link ChannelUnavailableException} and
 * any other error {@link ChannelRefusedException}. The access token goes in its header only.
 */
final class GraphQl {
    private static final Duration THROTTLED_WAIT = Duration.ofSeconds(1);

    private final StoreHttp http;
    private final URI url;
    private final String token;

    GraphQl(URI url, String token, Duration timeout) {
        this.url = url;
        this.token = token;
        this.http = new StoreHttp(timeout);
    }

    /** The {@code data} of the answer. */
    JsonNode call(String query, Map<String, Object> variables) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("query", query);
        body.set("variables", Json.mapper().valueToTree(variables));
        JsonNode answer = http.send(http.request(url).header("Content-Type", "application/json")
                .header("X-Shopify-Access-Token", token == null ? "" : token).POST(StoreHttp.json(body)).build());
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
