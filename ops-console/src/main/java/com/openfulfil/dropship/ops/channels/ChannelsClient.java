package com.openfulfil.dropship.ops.channels;

import com.openfulfil.dropship.console.connector.ServiceClient;
import com.openfulfil.dropship.events.serde.Json;
import tools.jackson.core.JacksonException;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * channel-gateway's API for ops, as the sales channels page calls it with ops' key: the connected stores
 * ({@code GET /api/v1/channels/stores}) and a refused call sent again
 * ({@code POST /api/v1/channels/stores/{store}/failures/{id}/retry}). A 4xx is {@link Refused} in the
 * gateway's words; no answer, a 5xx or a timeout is {@link Unavailable}.
 */
public class ChannelsClient extends ServiceClient {
    static final String ADMIN_KEY_HEADER = "X-Admin-Key";
    private static final String STORES = "/api/v1/channels/stores";

    private final ChannelsAccess access;

    public ChannelsClient(URI gateway, ChannelsAccess access) {
        super("channel-gateway", gateway, access.timeout());
        this.access = access;
    }

    private record Stores(List<ConnectedStore> stores) {
    }

    /** Every store the gateway connects, in its order. */
    public List<ConnectedStore> stores() {
        HttpResponse<String> response = send(adminRequest(STORES).GET().build());
        try {
            Stores stores = Json.mapper().readValue(response.body(), Stores.class);
            return stores.stores() == null ? List.of() : stores.stores();
        } catch (JacksonException e) {
            throw new Unavailable("channel-gateway's list of stores is not what its API answers", e);
        }
    }

    /** Sends the store's refused call {@code failureId} again. */
    public void retry(String storeId, String failureId) {
        send(adminRequest(STORES + "/" + segment(storeId) + "/failures/" + segment(failureId) + "/retry")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private HttpRequest.Builder adminRequest(String path) {
        return request(path).header("Accept", "application/json").header(ADMIN_KEY_HEADER, access.adminKey());
    }

    /** A store or failure id as one path segment: ids are ours, but a page's form must not reach another route. */
    private static String segment(String id) {
        if (id == null || !id.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new Refused("Not a store or failure id: " + id);
        }
        return id;
    }
}
