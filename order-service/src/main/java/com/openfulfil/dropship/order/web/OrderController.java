package com.openfulfil.dropship.order.web;

import com.openfulfil.dropship.order.domain.OrderRecord;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.support.web.ApiProblem;
import com.openfulfil.dropship.support.web.FieldProblem;
import jakarta.validation.Valid;
import com.openfulfil.dropship.events.model.LineQuantity;
import com.openfulfil.dropship.events.model.ReturnReason;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The order API storefronts, partners and the admin call (docs/storefronts.md, "order-service (port 8081)"). */
@RestController
@RequestMapping("/api/v1")
class OrderController {
    private static final int MAX_PAGE = 100;

    record PlacedResponse(String orderId, String status) {
    }

    record CancelBody(@Size(max = 500) String reason) {
    }

    record ReceiptBody(@Min(1) @Max(5) Integer rating, @Size(max = 2000) String comment) {
    }

    record ReturnBody(@NotNull ReturnReason reason, @Size(max = 2000) String description,
                      @Size(max = 10) List<@NotBlank @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
                              String> photoUrls) {
    }

    /** A return parcel: checked by {@link OrderCommands#shipReturn}, which names each bad field at once. */
    record ReturnTrackingBody(String rmaId, String carrier, String trackingNumber) {
    }

    /** {@code reason} as the payment provider takes it; absent, the provider records none. */
    record RefundBody(@Positive BigDecimal amount,
                      @Pattern(regexp = "requested_by_customer|duplicate|fraudulent",
                              message = "must be requested_by_customer, duplicate or fraudulent") String reason,
                      @Size(max = 500) String note,
                      @Size(max = 100) List<@NotNull @Valid RefundLine> lines) {
    }

    /** Units of one order line a refund pays back. */
    record RefundLine(@NotNull @Min(1) Integer lineNo, @NotNull @Min(1) @Max(10_000) Integer quantity) {
    }

    record NoteBody(@Size(max = 500) String note) {
    }

    /** What to reship: some units of some lines, or (no lines) every unit of the order. */
    record ReshipBody(@Size(max = 500) String note, @Size(max = 100) List<@NotNull @Valid ReshipLine> lines) {
    }

    record ReshipLine(@NotNull @Min(1) Integer lineNo, @NotNull @Min(1) @Max(10_000) Integer quantity) {
    }

    /** Where the order ships to instead, checked as at placing. */
    record AddressBody(@NotNull @Valid PlaceOrderRequest.AddressPart shipTo) {
    }

    record ReshipResponse(String replacementOrderId) {
    }

    private final OrderIntake intake;
    private final OrderCommands commands;
    private final OrderReader orders;

    OrderController(OrderIntake intake, OrderCommands commands, OrderReader orders) {
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
        Optional<OrderRecord> stored = orders.find(orderId);
        if (stored.isPresent()) {
            OrderRecord order = OrderCommands.visible(caller, orderId, stored);
            return OrderView.of(order, commands.allowedActions(caller, order));
        }
        // an order accepted a moment ago by this instance may not be through the stream yet: shown,
        // but nothing can be asked of it until it is (a command would not find it)
        return OrderView.of(OrderCommands.visible(caller, orderId, intake.inFlight(orderId)), List.of());
    }

    /** The caller's orders, newest first; {@code status} filters by one or more states (comma-separated). */
    @GetMapping("/orders")
    OrderPage list(@AuthenticationPrincipal Caller caller, @RequestParam(defaultValue = "") String status,
                   @RequestParam(defaultValue = "0") String page, @RequestParam(defaultValue = "20") String size) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<OrderStatus> statuses = statuses(status, problems);
        int pageNo = number(page, "page", 0, 10_000, problems);
        int pageSize = number(size, "size", 1, MAX_PAGE, problems);
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
        OrderReader.Share share = orders.list(new OrderQuery(caller.kind(), caller.id(), statuses, (pageNo + 1) * pageSize));
        List<OrderPage.Summary> items = share.newest().stream().skip((long) pageNo * pageSize)
                .map(OrderPage.Summary::of).toList();
        return new OrderPage(items, pageNo, pageSize, share.total());
    }

    private static Set<OrderStatus> statuses(String status, List<FieldProblem> problems) {
        Set<OrderStatus> statuses = EnumSet.noneOf(OrderStatus.class);
        for (String name : status.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            try {
                statuses.add(OrderStatus.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                problems.add(FieldProblem.of("status", name.strip() + " is not an order status; one of "
                        + Arrays.toString(OrderStatus.values())));
            }
        }
        return statuses;
    }

    private static int number(String value, String field, int min, int max, List<FieldProblem> problems) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(FieldProblem.of(field, "must be a whole number from " + min + " to " + max));
        return min;
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

    /** The customer reports a problem with a delivered order (R5.1, R5.2), with photos. */
    @PostMapping("/orders/{orderId}/returns")
    ResponseEntity<Void> requestReturn(@AuthenticationPrincipal Caller caller, @PathVariable String orderId,
                                       @Valid @RequestBody ReturnBody body) {
        commands.requestReturn(caller, orderId, body.reason(), body.description(), body.photoUrls());
        return ResponseEntity.accepted().build();
    }

    /**
     * The customer sent an authorised return back: the parcel's carrier and tracking number, followed like any
     * parcel; its delivery is the return received at that supplier.
     */
    @PostMapping("/orders/{orderId}/returns/tracking")
    ResponseEntity<Void> returnTracking(@AuthenticationPrincipal Caller caller, @PathVariable String orderId,
                                        @RequestBody ReturnTrackingBody body) {
        commands.shipReturn(caller, orderId, body);
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/admin/orders/{orderId}/returns/received")
    ResponseEntity<Void> returnReceived(@AuthenticationPrincipal Caller caller, @PathVariable String orderId) {
        commands.receiveReturn(caller, orderId);
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/admin/orders/{orderId}/refund")
    ResponseEntity<OrderCommands.RefundAccepted> refund(@AuthenticationPrincipal Caller caller,
                                                        @PathVariable String orderId,
                                                        @Valid @RequestBody(required = false) RefundBody body) {
        List<LineQuantity> lines = body == null || body.lines() == null ? null
                : body.lines().stream().map(l -> new LineQuantity(l.lineNo(), l.quantity())).toList();
        return ResponseEntity.accepted().body(commands.refund(caller, orderId, body == null ? null : body.amount(),
                body == null ? null : body.reason(), body == null ? null : body.note(), lines));
    }

    /** Places a replacement order for the named units (every unit when none are named); answers its id and where to read it. */
    @PostMapping("/admin/orders/{orderId}/reship")
    ResponseEntity<ReshipResponse> reship(@AuthenticationPrincipal Caller caller, @PathVariable String orderId,
                                          @Valid @RequestBody(required = false) ReshipBody body) {
        List<LineQuantity> lines = body == null || body.lines() == null ? null
                : body.lines().stream().map(l -> new LineQuantity(l.lineNo(), l.quantity())).toList();
        String replacement = commands.reship(caller, orderId, body == null ? null : body.note(), lines);
        return ResponseEntity.accepted().location(URI.create("/api/v1/orders/" + replacement))
                .body(new ReshipResponse(replacement));
    }

    /** Ships the order to another address, while its stock is not reserved (409 naming the state after). */
    @PostMapping("/admin/orders/{orderId}/address")
    ResponseEntity<Void> changeAddress(@AuthenticationPrincipal Caller caller, @PathVariable String orderId,
                                       @Valid @RequestBody AddressBody body) {
        commands.changeAddress(caller, orderId, body.shipTo().toAddress());
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/admin/orders/{orderId}/complete")
    ResponseEntity<Void> complete(@AuthenticationPrincipal Caller caller,
                                  @PathVariable String orderId) {
        commands.complete(caller, orderId);
        return ResponseEntity.accepted().build();
    }

    private static ResponseEntity<PlacedResponse> accepted(OrderIntake.Placed placed) {
        return ResponseEntity.accepted().location(URI.create("/api/v1/orders/" + placed.orderId()))
                .body(new PlacedResponse(placed.orderId(), "PLACED"));
    }
}
