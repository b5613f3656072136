package com.openfulfil.dropship.ops.orders;

import com.openfulfil.dropship.events.model.OrderStatus;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What an operator can do to a stuck order from the console, through the services' own APIs (so the
 * services decide, and the order's history records the operator's name). order-service says which of
 * its actions an order allows now (the {@code allowedActions} of {@code GET /api/v1/orders/{id}}); the
 * console offers exactly those an operator takes: cancel, complete, receive a return, refund, reship
 * (confirming receipt and asking for a return are the customer's word, not an operator's). Reroute
 * goes through supplier-gateway, for an order whose suppliers have it but have not shipped.
 */
public enum OrderAction {
    /** Cancel the order: at once before a supplier has it, through the supplier's handshake after. */
    CANCEL("cancel", "Cancel", "CANCEL", "/api/v1/orders/%s/cancel", true),
    /** Complete a shipped or delivered order whose customer never confirmed receipt. */
    COMPLETE("complete", "Complete", "COMPLETE", "/api/v1/admin/orders/%s/complete", false),
    /** The goods of a requested return came back. */
    RECEIVE_RETURN("return-received", "Return received", "RECEIVE_RETURN", "/api/v1/admin/orders/%s/returns/received",
            false),
    /** Refund the customer (all they paid unless an amount is given): settles a return or a lost order. */
    REFUND("refund", "Refund", "REFUND", "/api/v1/admin/orders/%s/refund", true),
    /** Send a replacement: settles a return or a lost order. */
    RESHIP("reship", "Reship", "RESHIP", "/api/v1/admin/orders/%s/reship", true),
    /**
     * Move the parts still with an unresponsive supplier to their backup offers, through
     * supplier-gateway: the supplier is asked to cancel, and the lines move once it agrees.
     */
    REROUTE("reroute", "Reroute", null, null, true);

    /** Where supplier-gateway can still move a supplier's part: sent or accepted, not shipped. */
    private static final Set<OrderStatus> REROUTABLE = Set.of(OrderStatus.DISPATCHED, OrderStatus.ACCEPTED);

    private final String path;
    private final String label;
    private final String orderServiceName;
    private final String orderServicePath;
    private final boolean takesReason;

    OrderAction(String path, String label, String orderServiceName, String orderServicePath, boolean takesReason) {
        this.path = path;
        this.label = label;
        this.orderServiceName = orderServiceName;
        this.orderServicePath = orderServicePath;
        this.takesReason = takesReason;
    }

    /**
     * The actions to offer on an order in {@code status} (as the console last saw it, null when not known) of
     * which order-service allows {@code allowed} (its {@code allowedActions}) now.
     */
    public static List<OrderAction> offered(OrderStatus status, Collection<String> allowed) {
        return Arrays.stream(values())
                .filter(a -> a == REROUTE ? status != null && REROUTABLE.contains(status) : allowed.contains(a.orderServiceName))
                .toList();
    }

    public static Optional<OrderAction> ofPath(String path) {
        return Arrays.stream(values()).filter(a -> a.path.equals(path)).findFirst();
    }

    public String path() {
        return path;
    }

    public String label() {
        return label;
    }

    /** The operator may say why (kept in the order's history, or told to the supplier). */
    public boolean takesReason() {
        return takesReason;
    }

    /** A refund may be for less than the order's total. */
    public boolean takesAmount() {
        return this == REFUND;
    }

    boolean throughOrderService() {
        return orderServicePath != null;
    }

    /** The order-service path that takes this action on {@code orderId}. */
    String orderServicePath(String orderId) {
        return orderServicePath.formatted(orderId);
    }
}
