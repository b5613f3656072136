package com.openfulfil.dropship.order.web;

import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.order.CancelRequested;
import com.openfulfil.dropship.events.order.CompletionRequested;
import com.openfulfil.dropship.events.order.OrderCommand;
import com.openfulfil.dropship.events.order.ReceiptConfirmed;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.order.domain.OrderRecord;
import com.openfulfil.dropship.order.domain.OrderStateMachine;
import com.openfulfil.dropship.support.kafka.EventPublisher;
import com.openfulfil.dropship.support.web.ApiProblem;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What callers ask of an existing order. A request the order's state does not allow is refused
 * with 409 and the current state; an allowed one is recorded on {@code orders.commands}, where
 * the order's stream applies it (and ignores it if the state moved on in between).
 */
@Component
class OrderCommands {
    private final OrderReader orders;
    private final EventPublisher publisher;
    private final Clock clock;

    OrderCommands(OrderReader orders, EventPublisher publisher, Clock clock) {
        this.orders = orders;
        this.publisher = publisher;
        this.clock = clock;
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
        OrderRecord order = allowed(caller, orderId, OrderStateMachine::canCancel, "cancelled",
                "Only orders not yet sent to a supplier can be cancelled here.");
        send(new CancelRequested(EventIds.random(), clock.instant(), order.orderId(), by(caller), reason));
    }

    void confirmReceipt(Caller caller, String orderId, Integer rating, String comment) {
        OrderRecord order = allowed(caller, orderId, OrderStateMachine::canConfirmReceipt, "confirmed as received",
                "Receipt can be confirmed once the order is delivered.");
        send(new ReceiptConfirmed(EventIds.random(), clock.instant(), order.orderId(), rating, comment));
    }

    void complete(Caller admin, String orderId) {
        OrderRecord order = allowed(admin, orderId, OrderStateMachine::canComplete, "completed",
                "An admin can complete an order once it has shipped.");
        send(new CompletionRequested(EventIds.random(), clock.instant(), order.orderId(), by(admin)));
    }

    private OrderRecord allowed(Caller caller, String orderId, Predicate<OrderStatus> rule, String what, String why) {
        OrderRecord order = visible(caller, orderId);
        if (!rule.test(order.status())) {
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
