package com.openfulfil.dropship.events.order;

import com.openfulfil.dropship.events.model.LineUnits;
import com.openfulfil.dropship.events.model.OrderDetails;
import com.openfulfil.dropship.events.model.OrderSource;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.model.ReturnReason;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Every transition of an order. {@code from} is null for the first state. {@code source} (who placed
 * it, under which reference) is always there; the order itself ({@code order}) travels only on the
 * first transition and on those that leave the way to delivery ({@link #CARRIES_ORDER}: completion,
 * cancellation, refusal, exceptions and after-sales), where a reader settles accounts or tells the
 * customer. A reader that needs the order on the other transitions keeps it from the first.
 *
 * @param refundAmount on a move to REFUNDED, what the customer got back, in the order's currency
 *                     (commission is clawed back in proportion); absent on every other transition
 * @param returnReason on a move to RETURN_REQUESTED, why the customer sends it back (wrong or missing
 *                     items count against the supplier's scorecard); absent on every other transition
 * @param units        on a move to PARTIALLY_SHIPPED, PARTIALLY_DELIVERED, RETURNED or REFUNDED
 *                     ({@link #CARRIES_UNITS}), how far each line's units have got, back and refunded included;
 *                     absent on every other transition (SHIPPED and DELIVERED say it for every unit)
 * @param refundId     on a move to REFUNDED, the id of the refund that moved it (a pending refund that later
 *                     fails is named by it in {@link PendingRefundFailed}); absent on every other transition, and
 *                     on a move for a refund recorded before refunds had ids
 */
public record OrderStatusChanged(String eventId, Instant occurredAt, String orderId, OrderStatus from,
                                 OrderStatus to, String reason, OrderDetails order, BigDecimal refundAmount,
                                 ReturnReason returnReason, OrderSource source, List<LineUnits> units,
                                 String refundId)
        implements OrderEvent {

    /** The states whose transitions carry the order besides the first. */
    public static final Set<OrderStatus> CARRIES_ORDER = EnumSet.of(OrderStatus.COMPLETED, OrderStatus.REJECTED,
            OrderStatus.CANCELLING, OrderStatus.CANCELLED, OrderStatus.EXCEPTION, OrderStatus.RETURN_REQUESTED,
            OrderStatus.RETURNED, OrderStatus.REFUNDED, OrderStatus.RESHIPPED);

    /** The states whose transitions say how far each line's units have got, and which came back or were refunded. */
    public static final Set<OrderStatus> CARRIES_UNITS = EnumSet.of(OrderStatus.PARTIALLY_SHIPPED,
            OrderStatus.PARTIALLY_DELIVERED, OrderStatus.RETURNED, OrderStatus.REFUNDED);

    public OrderStatusChanged {
        source = source == null && order != null ? order.source() : source;
        units = units == null ? null : List.copyOf(units);
    }

    public OrderStatusChanged(String eventId, Instant occurredAt, String orderId, OrderStatus from, OrderStatus to,
                              String reason, OrderDetails order, BigDecimal refundAmount, ReturnReason returnReason,
                              OrderSource source, List<LineUnits> units) {
        this(eventId, occurredAt, orderId, from, to, reason, order, refundAmount, returnReason, source, units, null);
    }

    public OrderStatusChanged(String eventId, Instant occurredAt, String orderId, OrderStatus from, OrderStatus to,
                              String reason, OrderDetails order, BigDecimal refundAmount, ReturnReason returnReason,
                              OrderSource source) {
        this(eventId, occurredAt, orderId, from, to, reason, order, refundAmount, returnReason, source, null, null);
    }

    public OrderStatusChanged(String eventId, Instant occurredAt, String orderId, OrderStatus from, OrderStatus to,
                              String reason, OrderDetails order) {
        this(eventId, occurredAt, orderId, from, to, reason, order, null, null, null, null, null);
    }

    public OrderStatusChanged(String eventId, Instant occurredAt, String orderId, OrderStatus from, OrderStatus to,
                              String reason, OrderDetails order, BigDecimal refundAmount) {
        this(eventId, occurredAt, orderId, from, to, reason, order, refundAmount, null, null, null, null);
    }

    public OrderStatusChanged(String eventId, Instant occurredAt, String orderId, OrderStatus from, OrderStatus to,
                              String reason, OrderDetails order, BigDecimal refundAmount, ReturnReason returnReason) {
        this(eventId, occurredAt, orderId, from, to, reason, order, refundAmount, returnReason, null, null, null);
    }

    /** Whether a transition to {@code to} carries the order ({@code first}: the order's first transition). */
    public static boolean carriesOrder(OrderStatus to, boolean first) {
        return first || CARRIES_ORDER.contains(to);
    }
}
