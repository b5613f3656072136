package com.openfulfil.dropship.events.order;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.OrderScoped;

/**
 * What a customer or admin asked of an order through the API, the refunds the order accepted, and what
 * came of a refund asked of the payment provider ({@code orders.commands}, internal to order-service).
 */
public sealed interface OrderCommand extends Event, OrderScoped
        permits CancelRequested, ReceiptConfirmed, CompletionRequested, ReturnRequested, ReturnReceived, RefundIssued,
        ReshipRequested, RefundRequested, RefundApproved, RefundFailed, AddressChangeRequested, ReturnShipped,
        PendingRefundReleased {
}
