package com.openfulfil.dropship.ops.orders;

import com.openfulfil.dropship.events.model.OrderStatus;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What an operator can do to a stuck order from the console, through the services' own APIs (so
 * the order's state machine decides, and the order's history records it with the operator's name):
 * cancel and complete through order-service, reroute through supplier-gateway.
 */
public enum OrderAction {
    /** Cancel the order: at once before a supplier has it, through the supplier's handshake after. */
    CANCEL("cancel", "Cancel", Set.of(OrderStatus.PLACED, OrderStatus.CONFIRMED, OrderStatus.DISPATCHED,
            OrderStatus.ACCEPTED, OrderStatus.EXCEPTION)),
    /**
     * Move the parts still with an unresponsive supplier to their backup offers, through
     * supplier-gateway: the supplier is asked to cancel, and the lines move once it agrees.
     */
    REROUTE("reroute", "Reroute", Set.of(OrderStatus.DISPATCHED, OrderStatus.ACCEPTED)),
    /** Complete a shipped or delivered order whose customer never confirmed receipt. */
    COMPLETE("complete", "Complete", Set.of(OrderStatus.SHIPPED, OrderStatus.IN_TRANSIT, OrderStatus.DELIVERED));

    private final String path;
    private final String label;
    private final Set<OrderStatus> offeredIn;

    OrderAction(String path, String label, Set<OrderStatus> offeredIn) {
        this.path = path;
        this.label = label;
        this.offeredIn = offeredIn;
    }

    /** The actions that make sense for an order in {@code status}. */
    public static List<OrderAction> offeredIn(OrderStatus status) {
        return Arrays.stream(values()).filter(a -> a.offeredIn.contains(status)).toList();
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
}
