package com.openfulfil.dropship.catalog.domain;

import com.openfulfil.dropship.events.model.LineAllocation;
import com.openfulfil.dropship.events.model.OfferRef;
import com.openfulfil.dropship.events.model.OrderDetails;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * All-or-nothing allocation of one order: each line is reserved by the task that owns its product;
 * once every line has answered, the order is allocated if all are reserved, otherwise rejected and
 * whatever was reserved is given back. After the decision, late or repeated answers change nothing,
 * except that stock reserved for an order that no longer wants it is released.
 */
public record OrderAllocation(String orderId, OrderDetails order, Decision decision, List<AllocationLine> lines) {
    static final String REJECTED_REASON = "order rejected: not every line could be reserved";
    static final String CANCELLED_REASON = "order cancelled";
    static final String ENDED_REASON = "order ended without shipping it";

    public OrderAllocation {
        lines = List.copyOf(lines);
    }

    public static AllocationStep place(String orderId, OrderDetails order) {
        List<AllocationLine> asked = order.lines().stream().map(AllocationLine::asked).toList();
        return new AllocationStep(new OrderAllocation(orderId, order, Decision.PENDING, asked),
                order.lines().stream().<AllocationAction>map(line -> new AllocationAction.Reserve(
                        AllocationLine.asked(line), null, line.supplierId())).toList());
    }

    public AllocationStep reserved(int lineNo, OfferRef chosen, List<OfferRef> backups) {
        Optional<AllocationLine> found = line(lineNo);
        if (found.isEmpty()) {
            return unchanged();
        }
        AllocationLine line = found.get();
        if (decision == Decision.REJECTED || decision == Decision.CANCELLED || decision == Decision.ENDED) {
            return releaseLate(line.reserved(chosen, backups));
        }
        if (decision == Decision.ALLOCATED && line.status() == LineStatus.ASKED) {
            return new AllocationStep(with(line.reserved(chosen, backups)), List.of()); // a rerouted line, held again
        }
        if (decision != Decision.PENDING || line.status() != LineStatus.ASKED) {
            return unchanged();
        }
        return with(line.reserved(chosen, backups)).decideIfComplete();
    }

    public AllocationStep unavailable(int lineNo, int available) {
        Optional<AllocationLine> found = line(lineNo);
        if (found.isEmpty() || found.get().status() != LineStatus.ASKED) {
            return unchanged();
        }
        OrderAllocation next = with(found.get().shortOf(available));
        return decision == Decision.PENDING ? next.decideIfComplete() : new AllocationStep(next, List.of());
    }

    /** A supplier shipped its parcels: every line it holds leaves stock, once. */
    public AllocationStep shipped(String supplierId) {
        if (decision != Decision.ALLOCATED) {
            return unchanged();
        }
        return transition(decision, l -> l.heldBy(supplierId), LineStatus.CONSUMED, null);
    }

    /**
     * supplier-gateway moved {@code fromSupplier}'s lines to backup offers (R3.2): each line's hold
     * there is given back and the same quantity reserved at the backup the dispatch went to, so the
     * reservation follows the parcel. A line no longer held by {@code fromSupplier} (a replay) is left.
     */
    public AllocationStep rerouted(String fromSupplier, List<LineAllocation> moved) {
        if (decision != Decision.ALLOCATED) {
            return unchanged();
        }
        OrderAllocation next = this;
        List<AllocationAction> actions = new ArrayList<>();
        for (LineAllocation target : moved) {
            Optional<AllocationLine> held = line(target.lineNo()).filter(l -> l.heldBy(fromSupplier));
            if (held.isPresent()) {
                AllocationLine moving = held.get().movingTo(target.chosen(), target.backups());
                next = next.with(moving);
                actions.add(new AllocationAction.Release(held.get(), "rerouted to " + target.chosen().supplierId()));
                actions.add(new AllocationAction.Reserve(moving, target.chosen().supplierId()));
            }
        }
        return new AllocationStep(next, actions);
    }

    /** The order was cancelled: every line still held is given back, once. */
    public AllocationStep cancelled() {
        if (decision == Decision.CANCELLED) {
            return unchanged();
        }
        return transition(Decision.CANCELLED, l -> l.status() == LineStatus.RESERVED, LineStatus.RELEASED,
                CANCELLED_REASON);
    }

    /**
     * The order reached an end (refunded, reshipped, completed by an admin, an exception settled):
     * whatever it still holds and did not ship goes back to stock, once.
     */
    public AllocationStep ended() {
        if (decision != Decision.ALLOCATED || lines.stream().noneMatch(l -> l.status() == LineStatus.RESERVED)) {
            return unchanged();
        }
        return transition(Decision.ENDED, l -> l.status() == LineStatus.RESERVED, LineStatus.RELEASED, ENDED_REASON);
    }

    public Optional<AllocationLine> line(int lineNo) {
        return lines.stream().filter(l -> l.lineNo() == lineNo).findFirst();
    }

    private AllocationStep decideIfComplete() {
        if (lines.stream().anyMatch(l -> l.status() == LineStatus.ASKED)) {
            return new AllocationStep(this, List.of());
        }
        if (lines.stream().allMatch(l -> l.status() == LineStatus.RESERVED)) {
            return new AllocationStep(new OrderAllocation(orderId, order, Decision.ALLOCATED, lines),
                    List.of(new AllocationAction.Allocate(lines.stream().map(AllocationLine::allocation).toList())));
        }
        AllocationStep released = transition(Decision.REJECTED, l -> l.status() == LineStatus.RESERVED,
                LineStatus.RELEASED, REJECTED_REASON);
        List<AllocationAction> actions = new ArrayList<>();
        actions.add(new AllocationAction.Reject(lines.stream().filter(l -> l.status() == LineStatus.SHORT)
                .map(AllocationLine::shortLine).toList()));
        actions.addAll(released.actions());
        return new AllocationStep(released.state(), actions);
    }

    /** A reservation that arrived after the order stopped wanting stock: hand it straight back, once per line. */
    private AllocationStep releaseLate(AllocationLine answered) {
        LineStatus current = line(answered.lineNo()).map(AllocationLine::status).orElse(LineStatus.RELEASED);
        if (current == LineStatus.RELEASED || current == LineStatus.CONSUMED) {
            return unchanged();
        }
        AllocationLine released = answered.with(LineStatus.RELEASED);
        String reason = switch (decision) {
            case CANCELLED -> CANCELLED_REASON;
            case ENDED -> ENDED_REASON;
            default -> REJECTED_REASON;
        };
        return new AllocationStep(with(released), List.of(new AllocationAction.Release(released, reason)));
    }

    /** Moves the matching lines to {@code next}, with one action each (release when a reason is given, else consume). */
    private AllocationStep transition(Decision nextDecision, Predicate<AllocationLine> which, LineStatus next,
                                      String reason) {
        List<AllocationLine> updated = new ArrayList<>();
        List<AllocationAction> actions = new ArrayList<>();
        for (AllocationLine line : lines) {
            if (which.test(line)) {
                AllocationLine moved = line.with(next);
                updated.add(moved);
                actions.add(next == LineStatus.RELEASED ? new AllocationAction.Release(moved, reason)
                        : new AllocationAction.Consume(moved));
            } else {
                updated.add(line);
            }
        }
        return new AllocationStep(new OrderAllocation(orderId, order, nextDecision, updated), actions);
    }

    private OrderAllocation with(AllocationLine changed) {
        return new OrderAllocation(orderId, order, decision, lines.stream()
                .map(l -> l.lineNo() == changed.lineNo() ? changed : l).toList());
    }

    private AllocationStep unchanged() {
        return new AllocationStep(this, List.of());
    }
}
