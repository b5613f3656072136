package com.openfulfil.dropship.ops.channels;

import com.openfulfil.dropship.console.connector.GatewayClient;
import com.openfulfil.dropship.events.serde.Json;
import tools.jackson.core.JacksonException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * channel-gateway's API for ops, as the sales channels page calls it with ops' key: the connected stores
 * ({@code GET /api/v1/channels/stores}) and a refused call sent again
 * ({@code POST /api/v1/channels/stores/{store}/failures/{id}/retry}). A 4xx is {@link Refused} in the
 * gateway's words; no answer, a 5xx or a timeout is {@link Unavailable}.
 */
public class ChannelsClient {
    static final String ADMIN_KEY_HEADER = "X-Admin-Key";
    private static final String STORES = "/api/v1/channels/stores";

    private final URI gateway;
    private final ChannelsAccess access;
    // HTTP/1.1 outright: the default first tries an h2c upgrade on every new connection
    private final HttpClient http;

    public ChannelsClient(URI gateway, ChannelsAccess access) {
        this.gateway = gateway;
        this.access = access;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(access.timeout()).build();
    }

    /** The gateway refused the call (4xx): the message is its words. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /** The gateway could not be reached or failed (5xx, timeout, an answer that is not its API's). */
    public static final class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private record Stores(List<ConnectedStore> stores) {
    }

    /** Every store the gateway connects, in its order. */
    public List<ConnectedStore> stores() {
        HttpResponse<String> response = send(request(STORES).GET().build());
        try {
            Stores stores = Json.mapper().readValue(response.body(), Stores.class);
            return stores.stores() == null ? List.of() : stores.stores();
        } catch (JacksonException e) {
            throw new Unavailable("channel-gateway's list of stores is not what its API answers", e);
        }
    }

    /** Sends the store's refused call {@code failureId} again. */
    public void retry(String storeId, String failureId) {
        send(request(STORES + "/" + segment(storeId) + "/failures/" + segment(failureId) + "/retry")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(gateway.resolve(path)).timeout(access.timeout())
                .header("Accept", "application/json").header(ADMIN_KEY_HEADER, access.adminKey());
    }

    /** The answer when 2xx; {@link Refused} for a 4xx other than 408 and 429, {@link Unavailable} otherwise. */
    private HttpResponse<String> send(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Unavailable("channel-gateway did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while calling channel-gateway", e);
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return response;
        }
        if (status / 100 == 4 && status != 408 && status != 429) {
            throw new Refused(GatewayClient.problem(response.body()));
        }
        throw new Unavailable("channel-gateway answered " + status, null);
    }

    /** A store or failure id as one path segment: ids are ours, but a page's form must not reach another route. */
    private static String segment(String id) {
        if (id == null || !id.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new Refused("Not a store or failure id: " + id);
        }
        return id;
    }
}
