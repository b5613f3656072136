package com.openfulfil.dropship.ops.orders;

import com.openfulfil.dropship.console.connector.GatewayClient;
import com.openfulfil.dropship.events.serde.Json;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** supplier-gateway's reroute, as the stuck-orders page asks for it. */
final class Reroutes {
    private Reroutes() {
    }

    /**
     * Moves the parts of {@code orderId} still with their suppliers to their backup offers, in the
     * operator's name; answers where each part goes. {@link GatewayClient.Refused} with the gateway's
     * reason when it cannot be done (shipped, no backup left, no such order).
     */
    static String send(GatewayClient gateway, String orderId, String reason, String operator) {
        byte[] body = Json.mapper().writeValueAsBytes(Map.of("reason", reason, "requestedBy", operator));
        HttpResponse<String> response = gateway.postAsAdmin("/api/v1/admin/orders/" + orderId + "/reroute", body);
        if (response.statusCode() != 202) {
            throw new GatewayClient.Unavailable("supplier-gateway answered " + response.statusCode()
                    + " to the reroute", null);
        }
        return moves(response.body());
    }

    /** "supplier → backup, other backup" for each part that moves. */
    static String moves(String answer) {
        List<String> moves = new ArrayList<>();
        Json.mapper().readTree(answer).path("moves").forEach(move -> {
            List<String> to = new ArrayList<>();
            move.path("to").forEach(t -> to.add(t.path("supplierId").asString("")));
            moves.add(move.path("supplierId").asString("") + " \u2192 " + String.join(", ", to));
        });
        return String.join("; ", moves);
    }
}
