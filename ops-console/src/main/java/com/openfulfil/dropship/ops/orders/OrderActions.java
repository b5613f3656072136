package com.openfulfil.dropship.ops.orders;

import com.openfulfil.dropship.events.serde.Json;
import com.openfulfil.dropship.ops.config.OpsProperties;
import com.openfulfil.dropship.ops.supplier.connector.GatewayClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Acts on an order through the services' APIs with their admin keys: cancel or complete through
 * order-service, reroute through supplier-gateway. The answer says what happened in words an operator
 * reads on the page (the service's problem detail when it refuses, e.g. an order that has shipped
 * cannot be cancelled).
 */
@Component
public class OrderActions {
    private static final Logger log = LoggerFactory.getLogger(OrderActions.class);
    private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private final OrderActionsProperties properties;
    private final OpsProperties ops;
    private final GatewayClient gateway;

    public OrderActions(OrderActionsProperties properties, OpsProperties ops, GatewayClient gateway) {
        this.properties = properties;
        this.ops = ops;
        this.gateway = gateway;
    }

    public boolean enabled() {
        return properties.enabled();
    }

    /** Done, or the reason it was not; never throws for a refusal. */
    public Outcome act(OrderAction action, String orderId, String reason, String actor) {
        if (!isOrderId(orderId)) {
            return Outcome.refused("That is not an order id.");
        }
        if (action == OrderAction.REROUTE) {
            return reroute(orderId, reason, actor);
        }
        if (!enabled()) {
            return Outcome.refused("The console has no order-service admin key (dropship.ops.order-actions.admin-key).");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(action, orderId))
                .timeout(Duration.ofSeconds(10))
                .header("X-Api-Key", properties.adminKey());
        if (action == OrderAction.CANCEL) {
            // the cancellation's reason, kept in the order's history, names the operator
            String note = (reason == null || reason.isBlank() ? "stuck order" : reason.strip()) + " (ops: " + actor + ")";
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                    Json.mapper().writeValueAsString(Map.of("reason", note)), StandardCharsets.UTF_8));
        } else {
            request.POST(HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                log.info("{}: {} order {}", actor, action.path(), orderId);
                return Outcome.done(action.label() + " sent for order " + orderId
                        + "; its history shows the result in a moment.");
            }
            return Outcome.refused("order-service refused to " + action.path() + " order " + orderId + ": "
                    + problemText(response));
        } catch (IOException e) {
            return Outcome.refused("order-service did not answer (" + e.getMessage() + "); nothing was changed.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.refused("Interrupted; nothing was changed.");
        }
    }

    /** Through supplier-gateway, with its admin key: the supplier is asked to cancel, and the lines move once it agrees. */
    private Outcome reroute(String orderId, String reason, String actor) {
        String why = reason == null || reason.isBlank() ? "stuck at its supplier" : reason.strip();
        try {
            String moves = gateway.reroute(orderId, why, actor);
            log.info("{}: reroute order {}", actor, orderId);
            return Outcome.done("Reroute sent for order " + orderId + " (" + moves
                    + "): the supplier is asked to cancel, and the lines move once it agrees.");
        } catch (GatewayClient.Refused e) {
            return Outcome.refused("supplier-gateway refused to reroute order " + orderId + ": " + e.getMessage());
        } catch (GatewayClient.Unavailable e) {
            return Outcome.refused(e.getMessage() + "; nothing was changed.");
        }
    }

    private static boolean isOrderId(String orderId) {
        return orderId != null && ORDER_ID.matcher(orderId).matches();
    }

    private URI uri(OrderAction action, String orderId) {
        String base = ops.service("order-service").toString().replaceAll("/+$", "");
        return URI.create(action == OrderAction.CANCEL
                ? base + "/api/v1/orders/" + orderId + "/cancel"
                : base + "/api/v1/admin/orders/" + orderId + "/complete");
    }

    /** The problem detail's detail (or title), else the status code. */
    static String problemText(HttpResponse<String> response) {
        try {
            JsonNode problem = Json.mapper().readTree(response.body());
            String detail = problem.path("detail").asString("");
            return !detail.isBlank() ? detail : problem.path("title").asString("HTTP " + response.statusCode());
        } catch (RuntimeException e) {
            return "HTTP " + response.statusCode();
        }
    }

    /** What the page says after the action. */
    public record Outcome(boolean done, String message) {
        static Outcome done(String message) {
            return new Outcome(true, message);
        }

        static Outcome refused(String message) {
            return new Outcome(false, message);
        }
    }
}
