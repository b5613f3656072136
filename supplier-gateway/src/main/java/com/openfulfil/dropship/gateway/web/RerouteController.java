package com.openfulfil.dropship.gateway.web;

import com.openfulfil.dropship.events.model.LineAllocation;
import com.openfulfil.dropship.events.supplier.DispatchRerouted;
import com.openfulfil.dropship.events.supplier.RerouteRequested;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.gateway.config.GatewayProperties;
import com.openfulfil.dropship.gateway.domain.Dispatch;
import com.openfulfil.dropship.gateway.domain.OrderDispatches;
import com.openfulfil.dropship.gateway.domain.Routing;
import com.openfulfil.dropship.gateway.stream.DispatchTopology;
import com.openfulfil.dropship.support.kafka.EventPublisher;
import com.openfulfil.dropship.support.security.Caller;
import com.openfulfil.dropship.support.streams.StoreQueries;
import com.openfulfil.dropship.support.web.ApiProblem;
import com.openfulfil.dropship.support.web.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Ops move a supplier's part of an order that is stuck there (sent or accepted, nothing shipped) to
 * the backup offers the allocation ranked for its lines (R3.2). The request is checked against the
 * order's dispatches now, so the operator hears at once when it cannot be done and where each line
 * would go; the gateway's stream then asks the supplier to cancel and moves the lines once it agrees.
 * With several gateway instances the request is answered by the one holding the order ({@link FiguresRouting}).
 */
@RestController
class RerouteController {
    static final int MAX_REASON = 200;
    static final int MAX_OPERATOR = 64;

    private final StoreQueries stores;
    private final EventPublisher publisher;
    private final Routing routing;

    RerouteController(StoreQueries stores, EventPublisher publisher, GatewayProperties properties) {
        this.stores = stores;
        this.publisher = publisher;
        this.routing = new Routing(properties.supplierIds(), properties.branding().packing(), properties.countries());
    }

    /** {@code dispatchId} optional: without it, every part of the order still with its supplier moves. */
    record RerouteBody(String dispatchId, String reason, String requestedBy) {
    }

    /** What will happen: each part moving, from which supplier, and where each of its lines goes. */
    record RerouteAccepted(String orderId, List<Move> moves) {
    }

    record Move(String dispatchId, String supplierId, List<Target> to, String next) {
    }

    record Target(String supplierId, List<Integer> lines) {
    }

    @PostMapping("/api/v1/admin/orders/{orderId}/reroute")
    @ResponseStatus(HttpStatus.ACCEPTED)
    RerouteAccepted reroute(@PathVariable String orderId, Caller caller,
                            @RequestBody(required = false) RerouteBody body) {
        SupplierAccess.requireOperator(caller);
        RerouteBody request = validated(body);
        OrderDispatches order = stores.<OrderDispatches>get(DispatchTopology.STORE, orderId)
                .orElseThrow(() -> ApiProblem.notFound("No order " + orderId + " has been dispatched by this gateway"));
        Instant now = Instant.now();
        List<Dispatch> chosen = request.dispatchId() == null ? order.movable()
                : order.dispatches().stream().filter(d -> d.dispatchId().equals(request.dispatchId())).toList();
        if (request.dispatchId() != null && chosen.isEmpty()) {
            throw ApiProblem.notFound("Order " + orderId + " has no dispatch " + request.dispatchId());
        }
        if (chosen.isEmpty()) {
            throw ApiProblem.conflict("nothing-to-reroute", "Nothing to reroute",
                    "No part of order " + orderId + " is still with its supplier unshipped",
                    Map.of("orderId", orderId));
        }
        List<Move> moves = new ArrayList<>();
        for (Dispatch dispatch : chosen) {
            Optional<String> refusal = order.rerouteRefusal(dispatch.dispatchId(), routing, now);
            if (refusal.isPresent()) {
                throw ApiProblem.conflict("cannot-reroute", "Cannot reroute", refusal.get(),
                        Map.of("orderId", orderId, "dispatchId", dispatch.dispatchId()));
            }
            List<Target> targets = order.reroutePlan(dispatch.dispatchId(), routing, now).orElseThrow().stream()
                    .map(RerouteController::target).toList();
            moves.add(new Move(dispatch.dispatchId(), dispatch.supplierId(), targets,
                    "asking " + dispatch.supplierId() + " to cancel; the lines move once it agrees"));
        }
        for (Dispatch dispatch : chosen) {
            publisher.publishAndWait(Topics.FULFILMENT_COMMANDS, orderId, new RerouteRequested(
                    "reroute-" + UUID.randomUUID(), now, orderId, dispatch.dispatchId(), dispatch.supplierId(),
                    request.requestedBy(), request.reason()));
        }
        return new RerouteAccepted(orderId, moves);
    }

    private static Target target(DispatchRerouted rerouted) {
        return new Target(rerouted.newSupplierId(), rerouted.lines().stream().map(LineAllocation::lineNo).toList());
    }

    private static RerouteBody validated(RerouteBody body) {
        List<FieldProblem> errors = new ArrayList<>();
        if (body == null) {
            throw ApiProblem.invalid(List.of(FieldProblem.of("reason", "is required"),
                    FieldProblem.of("requestedBy", "is required")));
        }
        String reason = body.reason() == null ? "" : body.reason().strip();
        String operator = body.requestedBy() == null ? "" : body.requestedBy().strip();
        if (reason.isEmpty()) {
            errors.add(FieldProblem.of("reason", "is required: say why the part moves"));
        } else if (reason.length() > MAX_REASON) {
            errors.add(FieldProblem.of("reason", "must be at most " + MAX_REASON + " characters"));
        }
        if (operator.isEmpty()) {
            errors.add(FieldProblem.of("requestedBy", "is required: the operator's name"));
        } else if (operator.length() > MAX_OPERATOR) {
            errors.add(FieldProblem.of("requestedBy", "must be at most " + MAX_OPERATOR + " characters"));
        }
        if (body.dispatchId() != null && body.dispatchId().isBlank()) {
            errors.add(FieldProblem.of("dispatchId", "must not be blank; leave it out to move every open part"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        return new RerouteBody(body.dispatchId(), reason, operator);
    }
}
