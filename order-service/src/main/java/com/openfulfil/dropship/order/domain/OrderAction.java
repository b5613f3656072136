package com.openfulfil.dropship.order.domain;

import com.openfulfil.dropship.events.model.OrderStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * What a caller may ask of an existing order, and the one rule that says when. The order API refuses
 * an action the order does not allow (409) and lists those it does ({@code allowedActions}); both ask
 * here, so a client that offers what the list says is never refused for the order's state. The
 * order's own side (its storefront or partner) may cancel, confirm receipt and ask for a return; the
 * admin may do those too, and settles orders: completes, receives a return, refunds, reships.
 */
public enum OrderAction {
    CANCEL(false),
    CONFIRM_RECEIPT(false),
    REQUEST_RETURN(false),
    COMPLETE(true),
    RECEIVE_RETURN(true),
    REFUND(true),
    RESHIP(true);

    private final boolean adminOnly;

    OrderAction(boolean adminOnly) {
        this.adminOnly = adminOnly;
    }

    public boolean adminOnly() {
        return adminOnly;
    }

    /** Whether the state machine takes this action in {@code status} (a return also needs its window open). */
    public boolean allowedIn(OrderStatus status) {
        return switch (this) {
            case CANCEL -> OrderStateMachine.canCancel(status);
            case CONFIRM_RECEIPT -> OrderStateMachine.canConfirmReceipt(status);
            case REQUEST_RETURN -> OrderStateMachine.canRequestReturn(status);
            case COMPLETE -> OrderStateMachine.canComplete(status);
            case RECEIVE_RETURN -> OrderStateMachine.canReceiveReturn(status);
            case REFUND -> OrderStateMachine.canRefund(status);
            case RESHIP -> OrderStateMachine.canReship(status);
        };
    }

    /**
     * What {@code order} allows the admin (or, with {@code admin} false, the order's own storefront or
     * partner) to ask of it at {@code now}, in this enum's order: a return only while its window is open, a
     * refund only while some of what the customer paid is left to refund.
     */
    public static List<OrderAction> allowed(OrderRecord order, boolean admin, Instant now, Duration returnWindow) {
        return Arrays.stream(values())
                .filter(action -> admin || !action.adminOnly)
                .filter(action -> action.allowedIn(order.status()))
                .filter(action -> action != REQUEST_RETURN || OrderStateMachine.returnWindowOpen(order, now, returnWindow))
                .filter(action -> action != REFUND || OrderStateMachine.refundable(order).signum() > 0)
                .toList();
    }
}
