package com.openfulfil.dropship.order.web;

import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.model.Address;
import com.openfulfil.dropship.events.order.AddressChangeRequested;
import com.openfulfil.dropship.events.order.CancelRequested;
import com.openfulfil.dropship.events.order.CompletionRequested;
import com.openfulfil.dropship.events.order.OrderCommand;
import com.openfulfil.dropship.events.model.LineQuantity;
import com.openfulfil.dropship.events.model.OrderLine;
import com.openfulfil.dropship.events.model.ReturnReason;
import com.openfulfil.dropship.events.order.ReceiptConfirmed;
import com.openfulfil.dropship.events.order.RefundIssued;
import com.openfulfil.dropship.events.order.RefundRequested;
import com.openfulfil.dropship.events.order.ReshipRequested;
import com.openfulfil.dropship.events.order.ReturnReceived;
import com.openfulfil.dropship.events.order.ReturnRequested;
import com.openfulfil.dropship.events.order.ReturnShipped;
import com.openfulfil.dropship.events.model.Carrier;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.order.config.OrderProperties;
import com.openfulfil.dropship.order.connector.RefundProperties;
import com.openfulfil.dropship.order.domain.OrderAction;
import com.openfulfil.dropship.order.domain.OrderRecord;
import com.openfulfil.dropship.order.domain.OrderStateMachine;
import com.openfulfil.dropship.order.domain.Replacement;
import com.openfulfil.dropship.support.kafka.EventPublisher;
import com.openfulfil.dropship.support.web.ApiProblem;
import com.openfulfil.dropship.support.web.FieldProblem;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.Set;

/**
 * What callers ask of an existing order. A request the order's state does not allow is refused
 * with 409 and the current state; an allowed one is recorded on {@code orders.commands}, where
 * the order's stream applies it (and ignores it if the state moved on in between).
 */
@Component
class OrderCommands {
    private static final Pattern RETURN_TRACKING_NUMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{3,39}");

    private final OrderReader orders;
    private final EventPublisher publisher;
    private final Clock clock;
    private final Duration returnWindow;
    private final RefundProperties refunds;

    OrderCommands(OrderReader orders, EventPublisher publisher, Clock clock, OrderProperties properties,
                  RefundProperties refunds) {
        this.orders = orders;
        this.refunds = refunds;
        this.publisher = publisher;
        this.clock = clock;
        this.returnWindow = properties.returnWindow();
    }

    /** The order if the caller may see it; 404 otherwise, so others' order ids reveal nothing. */
    OrderRecord visible(Caller caller, String orderId) {
        return visible(caller, orderId, orders.find(orderId));
    }

    static OrderRecord visible(Caller caller, String orderId, Optional<OrderRecord> order) {
        return order.filter(o -> owns(caller, o)).orElseThrow(() -> ApiProblem.notFound("No order " + orderId + "."));
    }

    static boolean owns(Caller caller, OrderRecord order) {
        var source = order.details().source();
        return switch (caller.kind()) {
            case ADMIN -> true;
            case STOREFRONT -> !source.isPartnerOrder() && caller.id().equals(source.storefrontId());
            case PARTNER -> caller.id().equals(source.partnerId());
        };
    }

    void cancel(Caller caller, String orderId, String reason) {
        OrderRecord order = allowed(caller, orderId, OrderAction.CANCEL, "cancelled",
                "An order can be cancelled until it ships; after delivery, ask for a return.");
        send(new CancelRequested(EventIds.random(), clock.instant(), order.orderId(), by(caller), reason));
    }

    /**
     * Ops ship the order to {@code shipTo} instead: taken while the order's stock is not reserved, refused
     * (409, with the reason the order stream would give) after.
     */
    void changeAddress(Caller admin, String orderId, Address shipTo) {
        OrderRecord order = visible(admin, orderId);
        if (!OrderStateMachine.canChangeAddress(order.status())) {
            throw ApiProblem.conflict("illegal-transition", "The order's address cannot be changed now",
                    "The order is " + order.status() + ": " + OrderStateMachine.addressKeptBecause(order.status()) + ".",
                    Map.of("status", order.status().name()));
        }
        send(new AddressChangeRequested(EventIds.random(), clock.instant(), order.orderId(), by(admin), shipTo));
    }

    void confirmReceipt(Caller caller, String orderId, Integer rating, String comment) {
        OrderRecord order = allowed(caller, orderId, OrderAction.CONFIRM_RECEIPT, "confirmed as received",
                "Receipt can be confirmed once the order is delivered.");
        send(new ReceiptConfirmed(EventIds.random(), clock.instant(), order.orderId(), rating, comment));
    }

    void complete(Caller admin, String orderId) {
        OrderRecord order = allowed(admin, orderId, OrderAction.COMPLETE, "completed",
                "An admin can complete an order once it has shipped.");
        send(new CompletionRequested(EventIds.random(), clock.instant(), order.orderId(), by(admin)));
    }

    void requestReturn(Caller caller, String orderId, ReturnReason reason, String description, List<String> photoUrls) {
        OrderRecord order = allowed(caller, orderId, OrderAction.REQUEST_RETURN, "returned",
                "A return can be asked for once the order is delivered.");
        if (!OrderStateMachine.returnWindowOpen(order, clock.instant(), returnWindow)) {
            Instant deliveredAt = OrderStateMachine.returnWindowOpened(order);
            throw ApiProblem.conflict("return-window-closed", "The return window has closed",
                    "Returns are accepted for " + returnWindow.toDays() + " days after delivery (delivered " + deliveredAt
                            + ").", Map.of("status", order.status().name(), "deliveredAt", deliveredAt.toString()));
        }
        send(new ReturnRequested(EventIds.random(), clock.instant(), order.orderId(), reason, description, photoUrls,
                by(caller)));
    }

    /**
     * The return parcel of the authorisation {@code rmaId}: 400 naming each bad field, 409 when the order is not
     * in a return or has no such authorisation; the order's storefront or partner, or an admin.
     */
    void shipReturn(Caller caller, String orderId, OrderController.ReturnTrackingBody body) {
        List<FieldProblem> problems = new ArrayList<>();
        String rmaId = body == null ? null : body.rmaId();
        Optional<Carrier> carrier = Carrier.find(body == null ? null : body.carrier());
        String trackingNumber = body == null || body.trackingNumber() == null ? null : body.trackingNumber().strip();
        if (rmaId == null || rmaId.isBlank() || rmaId.length() > 40) {
            problems.add(FieldProblem.of("rmaId", "must be the RMA number of the order's return authorisation"));
        }
        if (carrier.isEmpty()) {
            problems.add(FieldProblem.of("carrier", "must be one of " + Carrier.known()));
        }
        if (trackingNumber == null || !RETURN_TRACKING_NUMBER.matcher(trackingNumber).matches()) {
            problems.add(FieldProblem.of("trackingNumber", "must be 4 to 40 letters, digits or '-'"));
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
        OrderRecord order = visible(caller, orderId);
        if (!OrderStateMachine.canShipReturn(order.status())) {
            throw ApiProblem.conflict("illegal-transition", "The order is not being returned",
                    "The order is " + order.status() + ". A return parcel is taken while the return is open"
                            + " (RETURN_REQUESTED).", Map.of("status", order.status().name()));
        }
        if (order.afterSalesOrNone().authorisation(rmaId).isEmpty()) {
            throw ApiProblem.conflict("no-return-authorisation", "No such return authorisation",
                    "The order has no return authorisation " + rmaId + "; see afterSales.returnAuthorisations.",
                    Map.of("status", order.status().name()));
        }
        send(new ReturnShipped(EventIds.random(), clock.instant(), order.orderId(), rmaId, carrier.get().code(),
                trackingNumber, by(caller)));
    }

    void receiveReturn(Caller admin, String orderId) {
        OrderRecord order = allowed(admin, orderId, OrderAction.RECEIVE_RETURN, "marked as returned",
                "Only a requested return can be received.");
        send(new ReturnReceived(EventIds.random(), clock.instant(), order.orderId(), by(admin)));
    }

    /**
     * Refunds {@code amount} (by default all that is left to refund). Through the payment provider when the
     * order carries a payment reference and a provider is configured: a refund request with an id of its own,
     * which the order's stream accepts only if it still fits what is left to refund (another request may have
     * passed this check at the same moment) and the refund connector then pays off the stream; otherwise
     * recorded at once, offline.
     */
    RefundAccepted refund(Caller admin, String orderId, BigDecimal amount, String reason, String note,
                          List<LineQuantity> lines) {
        OrderRecord order = allowed(admin, orderId, OrderAction.REFUND, "refunded",
                "A refund settles a return, or an order lost in transit (EXCEPTION).");
        String currency = order.details().currency();
        List<LineQuantity> units = lines == null || lines.isEmpty() ? null : lines;
        checkRefundLines(order, units);
        BigDecimal refund = refundAmount(order, amount, units);
        String refundId = "rf_" + EventIds.random();
        String paymentReference = order.details().paymentReference();
        if (paymentReference == null || !refunds.enabled()) {
            send(new RefundIssued(EventIds.random(), clock.instant(), order.orderId(), refund, currency, by(admin), note,
                    refundId, null, null, units));
            return new RefundAccepted(refundId, refund, currency, "OFFLINE", paymentReference == null
                    ? "The order has no payment reference: the refund is recorded, pay it back outside the pipeline."
                    : "No payment provider is configured: the refund is recorded, pay it back outside the pipeline.");
        }
        send(new RefundRequested(EventIds.random(), clock.instant(), order.orderId(), refundId, refund, currency,
                paymentReference, reason, by(admin), note, units));
        return new RefundAccepted(refundId, refund, currency, "REQUESTED",
                "Paid through the payment provider once the order accepts it; the order's afterSales.refunds shows"
                        + " the outcome, or the refund REFUSED with why if another refund took what was left.");
    }

    /** Each named line must be one of the order's, named once, with at most its units not yet refunded. */
    private static void checkRefundLines(OrderRecord order, List<LineQuantity> lines) {
        if (lines == null) {
            return;
        }
        List<FieldProblem> problems = OrderStateMachine.unrefundableUnits(order, lines).stream()
                .map(p -> FieldProblem.of("lines[" + p.index() + "]." + p.field(), p.why())).toList();
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
    }

    /**
     * {@code amount}; without it, what {@code lines}' units were sold for, or (no lines) all that is left to
     * refund. Refused (naming {@code amount}, or {@code lines} when their price is the amount) above what is left,
     * or in fractions of a cent.
     */
    private static BigDecimal refundAmount(OrderRecord order, BigDecimal amount, List<LineQuantity> lines) {
        String currency = order.details().currency();
        BigDecimal left = OrderStateMachine.refundable(order);
        if (amount == null && lines != null) {
            BigDecimal value = OrderStateMachine.saleValue(order, lines);
            if (value.signum() <= 0 || value.compareTo(left) > 0) {
                throw ApiProblem.invalid(List.of(FieldProblem.of("lines", "are sold for " + value + " " + currency
                        + ", which is not more than 0 and at most what is left to refund: " + left + " " + currency
                        + " of the order's total " + order.details().total() + "; name an amount to pay back less")));
            }
            return value;
        }
        BigDecimal refund = amount == null ? left : amount;
        if (refund.signum() <= 0 || refund.compareTo(left) > 0) {
            throw ApiProblem.invalid(List.of(FieldProblem.of("amount", "must be more than 0 and at most what is left to"
                    + " refund: " + left + " " + currency + " of the order's total " + order.details().total()
                    + " (refunded or being refunded: " + order.details().total().subtract(left) + ")")));
        }
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        if (refund.stripTrailingZeros().scale() > Math.max(0, digits)) {
            throw ApiProblem.invalid(List.of(FieldProblem.of("amount", "has more decimals than " + currency
                    + " allows (" + digits + ")")));
        }
        return refund;
    }

    /** The answer to a refund: its id, and whether it went to the payment provider or was recorded offline. */
    record RefundAccepted(String refundId, BigDecimal amount, String currency, String status, String detail) {
    }

    /**
     * Reships {@code lines}' units of the order (every unit when null or empty) as a replacement order;
     * its id follows from the order's, so a request sent twice places one replacement.
     *
     * @return the replacement order's id
     */
    String reship(Caller admin, String orderId, String note, List<LineQuantity> lines) {
        OrderRecord order = allowed(admin, orderId, OrderAction.RESHIP, "reshipped",
                "Reshipping settles a return, or an order lost in transit (EXCEPTION).");
        checkReshipLines(order, lines);
        String replacementId = Replacement.idFor(order.orderId(), order.replacements().size() + 1);
        send(new ReshipRequested(EventIds.random(), clock.instant(), order.orderId(), by(admin), note, replacementId,
                lines == null || lines.isEmpty() ? null : lines));
        return replacementId;
    }

    /** Each named line must be one of the order's, named once, with at most the units it was ordered with. */
    private static void checkReshipLines(OrderRecord order, List<LineQuantity> lines) {
        if (lines == null) {
            return;
        }
        List<FieldProblem> problems = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            LineQuantity line = lines.get(i);
            Optional<OrderLine> ordered = order.details().line(line.lineNo());
            if (ordered.isEmpty()) {
                problems.add(FieldProblem.of("lines[" + i + "].lineNo", "is not a line of the order"));
            } else if (!seen.add(line.lineNo())) {
                problems.add(FieldProblem.of("lines[" + i + "].lineNo", "is named twice"));
            } else if (line.quantity() > ordered.get().quantity()) {
                problems.add(FieldProblem.of("lines[" + i + "].quantity", "is more than the "
                        + ordered.get().quantity() + " unit(s) ordered"));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
    }

    /** What {@code order} allows {@code caller} to ask of it now; the same rules refuse a request below. */
    List<OrderAction> allowedActions(Caller caller, OrderRecord order) {
        return OrderAction.allowed(order, caller.isAdmin(), clock.instant(), returnWindow);
    }

    private OrderRecord allowed(Caller caller, String orderId, OrderAction action, String what, String why) {
        if (action.adminOnly() && !caller.isAdmin()) {
            throw ApiProblem.forbidden("Only an admin can ask for an order to be " + what + ".");
        }
        OrderRecord order = visible(caller, orderId);
        if (!action.allowedIn(order.status())) {
            throw ApiProblem.conflict("illegal-transition", "The order cannot be " + what + " now",
                    "The order is " + order.status() + ". " + why, Map.of("status", order.status().name()));
        }
        return order;
    }

    private void send(OrderCommand command) {
        publisher.publishAndWait(Topics.ORDER_COMMANDS, command.orderId(), command);
    }

    private static String by(Caller caller) {
        return caller.kind().name().toLowerCase() + ":" + caller.id();
    }
}
