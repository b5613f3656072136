package com.openfulfil.dropship.ops.orders;

import com.openfulfil.dropship.console.config.ServiceAddresses;
import com.openfulfil.dropship.console.connector.GatewayClient;
import com.openfulfil.dropship.events.serde.Json;
import com.openfulfil.dropship.ops.domain.OrderTrack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Acts on an order through the services' APIs with their admin keys: cancel, complete, receive a
 * return, refund or reship through order-service, reroute through supplier-gateway; and asks
 * order-service which of its actions each order allows now, so the page offers exactly those. The
 * answer to an action says what happened in words an operator reads on the page (the service's
 * problem detail when it refuses, e.g. an order that has shipped cannot be cancelled).
 */
@Component
public class OrderActions {
    private static final Logger log = LoggerFactory.getLogger(OrderActions.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    /** Orders asked about at once: a page of 200 stuck orders is read in a few rounds, within the admin key's budget. */
    private static final int ASKED_AT_ONCE = 8;

    private final OrderActionsProperties properties;
    private final ServiceAddresses services;
    private final GatewayClient gateway;

    public OrderActions(OrderActionsProperties properties, ServiceAddresses services, GatewayClient gateway) {
        this.properties = properties;
        this.services = services;
        this.gateway = gateway;
    }

    public boolean enabled() {
        return properties.enabled();
    }

    /**
     * What the page offers on each order, by order id, from what order-service allows on it now.
     * An order order-service did not answer for (down, too slow) is offered only what does not go
     * through it, and counted in {@link Offers#unanswered}.
     */
    public Offers offers(List<OrderTrack> orders) {
        Map<String, Set<String>> allowed = enabled() ? allowedNow(orders.stream().map(OrderTrack::orderId).toList())
                : Map.of();
        Map<String, List<OrderAction>> byOrder = new LinkedHashMap<>();
        int unanswered = 0;
        for (OrderTrack order : orders) {
            Set<String> now = allowed.get(order.orderId());
            unanswered += now == null ? 1 : 0;
            byOrder.put(order.orderId(), OrderAction.offered(order.status(), now == null ? Set.of() : now));
        }
        return new Offers(byOrder, enabled() ? unanswered : 0);
    }

    /** {@code allowedActions} of each order as order-service gives them to the admin; an order it did not answer for is absent. */
    private Map<String, Set<String>> allowedNow(List<String> orderIds) {
        Map<String, Set<String>> allowed = new HashMap<>();
        for (int from = 0; from < orderIds.size(); from += ASKED_AT_ONCE) {
            List<String> round = orderIds.subList(from, Math.min(orderIds.size(), from + ASKED_AT_ONCE));
            List<CompletableFuture<Set<String>>> answers = round.stream().map(this::allowedOn).toList();
            boolean reached = false;
            for (int i = 0; i < round.size(); i++) {
                try {
                    allowed.put(round.get(i), answers.get(i).join());
                    reached = true;
                } catch (CompletionException e) {
                    log.debug("order-service did not say what order {} allows: {}", round.get(i), e.getMessage());
                }
            }
            if (!reached) {
                break; // nobody answered a whole round: order-service is away, and the page need not wait for each order
            }
        }
        return allowed;
    }

    private CompletableFuture<Set<String>> allowedOn(String orderId) {
        if (!OrderReader.isOrderId(orderId)) {
            return CompletableFuture.completedFuture(Set.of());
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(orderService() + "/api/v1/orders/" + orderId))
                .timeout(Duration.ofSeconds(5)).header("X-Api-Key", properties.adminKey())
                .header("Accept", "application/json").GET().build();
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() == 404) {
                return Set.of(); // order-service does not know the order: nothing can be asked of it
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode());
            }
            JsonNode actions = Json.mapper().readTree(response.body()).path("allowedActions");
            return StreamSupport.stream(actions.spliterator(), false).map(JsonNode::asString)
                    .collect(Collectors.toUnmodifiableSet());
        });
    }

    /** Done, or the reason it was not; never throws for a refusal. */
    public Outcome act(OrderAction action, String orderId, String reason, String amount, String actor) {
        if (!OrderReader.isOrderId(orderId)) {
            return Outcome.refused("That is not an order id.");
        }
        if (action == OrderAction.REROUTE) {
            return reroute(orderId, reason, actor);
        }
        if (!enabled()) {
            return Outcome.refused("The console has no order-service admin key (dropship.ops.order-actions.admin-key).");
        }
        BigDecimal refund = null;
        if (action.takesAmount() && amount != null && !amount.isBlank()) {
            try {
                refund = new BigDecimal(amount.strip());
            } catch (NumberFormatException e) {
                return Outcome.refused("The amount \"" + amount.strip() + "\" is not a number (e.g. 12.50); nothing was changed.");
            }
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(orderService() + action.orderServicePath(orderId)))
                .timeout(Duration.ofSeconds(10))
                .header("X-Api-Key", properties.adminKey());
        Map<String, Object> body = body(action, reason, refund, actor);
        if (body.isEmpty()) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                    Json.mapper().writeValueAsString(body), StandardCharsets.UTF_8));
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                log.info("{}: {} order {}", actor, action.path(), orderId);
                return Outcome.done(action.label() + " sent for order " + orderId
                        + "; its history shows the result in a moment.");
            }
            return Outcome.refused("order-service refused " + action.label() + " for order " + orderId + ": "
                    + problemText(response));
        } catch (IOException e) {
            return Outcome.refused("order-service did not answer (" + e.getMessage() + "); nothing was changed.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.refused("Interrupted; nothing was changed.");
        }
    }

    /** The request's body: the operator's reason, kept in the order's history with their name. */
    private static Map<String, Object> body(OrderAction action, String reason, BigDecimal amount, String actor) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (action.takesReason()) {
            String note = (reason == null || reason.isBlank() ? "stuck order" : reason.strip()) + " (ops: " + actor + ")";
            body.put(action == OrderAction.CANCEL ? "reason" : "note", note);
        }
        if (amount != null) {
            body.put("amount", amount.toPlainString());
        }
        return body;
    }

    /** Through supplier-gateway, with its admin key: the supplier is asked to cancel, and the lines move once it agrees. */
    private Outcome reroute(String orderId, String reason, String actor) {
        String why = reason == null || reason.isBlank() ? "stuck at its supplier" : reason.strip();
        try {
            String moves = Reroutes.send(gateway, orderId, why, actor);
            log.info("{}: reroute order {}", actor, orderId);
            return Outcome.done("Reroute sent for order " + orderId + " (" + moves
                    + "): the supplier is asked to cancel, and the lines move once it agrees.");
        } catch (GatewayClient.Refused e) {
            return Outcome.refused("supplier-gateway refused to reroute order " + orderId + ": " + e.getMessage());
        } catch (GatewayClient.Unavailable e) {
            return Outcome.refused(e.getMessage() + "; nothing was changed.");
        }
    }

    private String orderService() {
        return services.service("order-service").toString().replaceAll("/+$", "");
    }

    /** The problem detail's detail (or title), with each bad field it names; else the status code. */
    static String problemText(HttpResponse<String> response) {
        try {
            JsonNode problem = Json.mapper().readTree(response.body());
            String detail = problem.path("detail").asString("");
            String text = !detail.isBlank() ? detail : problem.path("title").asString("HTTP " + response.statusCode());
            List<String> fields = new ArrayList<>();
            problem.path("errors").forEach(e -> fields.add(e.path("field").asString("") + " "
                    + e.path("message").asString("")));
            return fields.isEmpty() ? text : text + " (" + String.join("; ", fields) + ")";
        } catch (RuntimeException e) {
            return "HTTP " + response.statusCode();
        }
    }

    /**
     * What the stuck-orders page offers on each order, and how many orders order-service did not
     * say anything about (they are offered only what does not go through it).
     */
    public record Offers(Map<String, List<OrderAction>> byOrder, int unanswered) {
        public List<OrderAction> on(String orderId) {
            return byOrder.getOrDefault(orderId, List.of());
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
