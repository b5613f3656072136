package com.openfulfil.dropship.ops.orders;

import com.openfulfil.dropship.console.connector.ServiceClient;
import com.openfulfil.dropship.events.serde.Json;
import tools.jackson.core.JacksonException;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * order-service's order API as the console's order page reads it, with the admin key
 * ({@code dropship.ops.order-actions.admin-key}): {@code GET /api/v1/orders/{orderId}}. An order it does not
 * know (404), or an id that cannot be an order's, is empty; no answer, a 5xx, a refused key or an answer
 * that is not the order API's is {@link Unavailable}, in words an operator reads.
 */
public class OrderReader extends ServiceClient {
    private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final OrderActionsProperties properties;

    public OrderReader(URI orderService, OrderActionsProperties properties) {
        super("order-service", orderService, Duration.ofSeconds(5));
        this.properties = properties;
    }

    /** Whether {@code orderId} can be an order's id: letters, digits and '-', as order-service makes them. */
    public static boolean isOrderId(String orderId) {
        return orderId != null && ORDER_ID.matcher(orderId).matches();
    }

    /** The order as order-service has it now; empty when it has no such order. */
    public Optional<OrderDetail> order(String orderId) {
        if (!isOrderId(orderId)) {
            return Optional.empty();
        }
        if (!properties.enabled()) {
            throw new Unavailable("the console has no order-service admin key "
                    + "(DROPSHIP_OPS_ORDER_ACTIONS_ADMIN_KEY), so it cannot read orders", null);
        }
        HttpResponse<String> response = call(request("/api/v1/orders/" + orderId)
                .header("Accept", "application/json").header("X-Api-Key", properties.adminKey()).GET().build());
        int status = response.statusCode();
        if (status == 404) {
            return Optional.empty();
        }
        if (status == 401 || status == 403) {
            throw new Unavailable("order-service refused the console's admin key (HTTP " + status + ": "
                    + problem(response.body()) + ")", null);
        }
        if (status != 200) {
            throw new Unavailable("order-service answered HTTP " + status, null);
        }
        try {
            OrderDetail order = Json.mapper().readValue(response.body(), OrderDetail.class);
            if (order == null || order.orderId() == null) {
                throw new Unavailable("order-service's answer is not an order", null);
            }
            return Optional.of(order);
        } catch (JacksonException e) {
            throw new Unavailable("order-service's answer is not its order API's", e);
        }
    }
}
