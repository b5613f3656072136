package com.openfulfil.dropship.order.web;

import com.openfulfil.dropship.order.domain.OrderRecord;
import com.openfulfil.dropship.support.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Optional;

/** The order API storefronts and partners call (API.md). */
@RestController
@RequestMapping("/api/v1")
class OrderController {
    record PlacedResponse(String orderId, String status) {
    }

    record CancelBody(@Size(max = 500) String reason) {
    }

    record ReceiptBody(@Min(1) @Max(5) Integer rating, @Size(max = 2000) String comment) {
    }

    private final OrderIntake intake;
    private final OrderCommands commands;
    private final OrderStore orders;

    OrderController(OrderIntake intake, OrderCommands commands, OrderStore orders) {
        this.intake = intake;
        this.commands = commands;
        this.orders = orders;
    }

    @PostMapping("/orders")
    ResponseEntity<PlacedResponse> place(@AuthenticationPrincipal Caller caller,
                                         @RequestHeader(value = "Idempotency-Key", required = false) String key,
                                         @RequestBody PlaceOrderRequest request) {
        if (caller.kind() != Caller.Kind.STOREFRONT) {
            throw ApiProblem.forbidden(caller.kind() == Caller.Kind.PARTNER
                    ? "Partners place orders at /api/v1/partner-orders." : "Only storefronts place orders here.");
        }
        return accepted(intake.place(caller, request, key));
    }

    @PostMapping("/partner-orders")
    ResponseEntity<PlacedResponse> placeForPartner(@AuthenticationPrincipal Caller caller,
                                                   @RequestHeader(value = "Idempotency-Key", required = false) String key,
                                                   @RequestBody PlaceOrderRequest request) {
        if (caller.kind() != Caller.Kind.PARTNER) {
            throw ApiProblem.forbidden("Only partners granted by an admin may place partner orders.");
        }
        return accepted(intake.place(caller, request, key));
    }

    @GetMapping("/orders/{orderId}")
    OrderView get(@AuthenticationPrincipal Caller caller, @PathVariable String orderId) {
        // an order accepted a moment ago by this instance may not be through the stream yet
        Optional<OrderRecord> order = orders.find(orderId).or(() -> intake.inFlight(orderId));
        return OrderView.of(OrderCommands.visible(caller, orderId, order));
    }

    @PostMapping("/orders/{orderId}/cancel")
    ResponseEntity<Void> cancel(@AuthenticationPrincipal Caller caller,
                                @PathVariable String orderId, @Valid @RequestBody(required = false) CancelBody body) {
        commands.cancel(caller, orderId, body == null ? null : body.reason());
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/orders/{orderId}/confirm-receipt")
    ResponseEntity<Void> confirmReceipt(@AuthenticationPrincipal Caller caller,
                                        @PathVariable String orderId,
                                        @Valid @RequestBody(required = false) ReceiptBody body) {
        commands.confirmReceipt(caller, orderId, body == null ? null : body.rating(), body == null ? null : body.comment());
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/admin/orders/{orderId}/complete")
    ResponseEntity<Void> complete(@AuthenticationPrincipal Caller caller,
                                  @PathVariable String orderId) {
        if (!caller.isAdmin()) {
            throw ApiProblem.forbidden("Only an admin can complete an order.");
        }
        commands.complete(caller, orderId);
        return ResponseEntity.accepted().build();
    }

    private static ResponseEntity<PlacedResponse> accepted(OrderIntake.Placed placed) {
        return ResponseEntity.accepted().location(URI.create("/api/v1/orders/" + placed.orderId()))
                .body(new PlacedResponse(placed.orderId(), "PLACED"));
    }
}
