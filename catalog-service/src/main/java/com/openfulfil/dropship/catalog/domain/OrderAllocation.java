package com.openfulfil.dropship.catalog.domain;

import com.openfulfil.dropship.events.model.LineAllocation;
import com.openfulfil.dropship.events.model.OfferRef;
import com.openfulfil.dropship.events.model.OrderDetails;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * All-or-nothing allocation of one order: each line is reserved by the task that owns its product;
 * once every line has answered, the order is allocated if all are reserved, otherwise rejected and
 * whatever was reserved is given back. After the decision, late or repeated answers change nothing,
 * except that stock reserved for an order that no longer wants it is released.
 * <p>
 * A line no single offer could cover comes back in parts, one per offer it was split across, each
 * with its quantity: {@code lines} then holds one entry per part (see {@link AllocationLine}), and each
 * part is consumed when its own supplier ships, released, and moved to a backup on its own.
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

    /** Every part of a line's reservation, one after the other (a line held whole is one part). */
    public AllocationStep reserved(int lineNo, List<Reservation> parts) {
        OrderAllocation state = this;
        List<AllocationAction> actions = new ArrayList<>();
        for (Reservation part : parts) {
            AllocationStep step = state.reserved(lineNo, part.quantity(), part.chosen(), part.backups());
            state = step.state();
            actions.addAll(step.actions());
        }
        return new AllocationStep(state, actions);
    }

    /**
     * {@code quantity} units of line {@code lineNo} are held at {@code chosen}: the whole line, or one part
     * of it when it was split (the rest is still asked for until its own parts come).
     */
    public AllocationStep reserved(int lineNo, int quantity, OfferRef chosen, List<OfferRef> backups) {
        int index = answered(lineNo, chosen.supplierId());
        if (index < 0 || quantity <= 0 || quantity > lines.get(index).quantity()) {
            return unchanged();
        }
        AllocationLine asked = lines.get(index);
        AllocationLine held = asked.reserved(quantity, chosen, backups);
        List<AllocationLine> rest = quantity < asked.quantity() ? List.of(asked.less(quantity)) : List.of();
        if (over()) {
            return releaseLate(index, held, rest);
        }
        if (decision == Decision.ALLOCATED) {
            return new AllocationStep(replacing(index, held, rest), List.of()); // a rerouted part, held again
        }
        return replacing(index, held, rest).decideIfComplete();
    }

    /** Line {@code lineNo}'s {@code requested} units could not be held: the offers could give {@code available}. */
    public AllocationStep unavailable(int lineNo, int requested, int available) {
        int index = indexOf(l -> l.lineNo() == lineNo && l.status() == LineStatus.ASKED && l.quantity() == requested);
        if (index < 0) {
            index = indexOf(l -> l.lineNo() == lineNo && l.status() == LineStatus.ASKED);
        }
        if (index < 0) {
            return unchanged();
        }
        OrderAllocation next = replacing(index, lines.get(index).shortOf(available), List.of());
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
            int index = next.indexOf(l -> l.lineNo() == target.lineNo() && l.heldBy(fromSupplier));
            if (index >= 0) {
                AllocationLine held = next.lines.get(index);
                AllocationLine moving = held.movingTo(target.chosen(), target.backups());
                next = next.replacing(index, moving, List.of());
                actions.add(new AllocationAction.Release(held, "rerouted to " + target.chosen().supplierId()));
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

    /** Line {@code lineNo}'s entries: the line, or each of its parts when it was split. */
    public List<AllocationLine> parts(int lineNo) {
        return lines.stream().filter(l -> l.lineNo() == lineNo).toList();
    }

    /** Whether line {@code lineNo} is held (or was asked for) in more than one part. */
    public boolean split(int lineNo) {
        return parts(lineNo).size() > 1;
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

    /** A reservation that arrived after the order stopped wanting stock: hand it straight back, once. */
    private AllocationStep releaseLate(int index, AllocationLine held, List<AllocationLine> rest) {
        AllocationLine released = held.with(LineStatus.RELEASED);
        String reason = switch (decision) {
            case CANCELLED -> CANCELLED_REASON;
            case ENDED -> ENDED_REASON;
            default -> REJECTED_REASON;
        };
        return new AllocationStep(replacing(index, released, rest),
                List.of(new AllocationAction.Release(released, reason)));
    }

    /**
     * The entry an answer from {@code supplierId} for line {@code lineNo} is for, or -1 when it is for none
     * (a repeated answer): a part asked for again at that supplier's offer (a reroute; one taken for short
     * when the answer for another part of the line came first counts too), else the part of the line
     * still asked for as placed, unless the line already has a part at that offer. Once the order wants
     * nothing more, a line taken for short takes a late answer too, so that it is given back.
     */
    private int answered(int lineNo, String supplierId) {
        int rerouted = indexOf(l -> l.lineNo() == lineNo && l.at(supplierId)
                && (l.status() == LineStatus.ASKED || l.status() == LineStatus.SHORT));
        if (rerouted >= 0 || lines.stream().anyMatch(l -> l.lineNo() == lineNo && l.at(supplierId))) {
            return rerouted;
        }
        return indexOf(l -> l.lineNo() == lineNo && l.chosen() == null
                && (l.status() == LineStatus.ASKED || over() && l.status() == LineStatus.SHORT));
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

    /** Whether the order stopped wanting stock: rejected, cancelled or ended. */
    private boolean over() {
        return decision == Decision.REJECTED || decision == Decision.CANCELLED || decision == Decision.ENDED;
    }

    private int indexOf(Predicate<AllocationLine> which) {
        for (int i = 0; i < lines.size(); i++) {
            if (which.test(lines.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** The entry at {@code index} replaced by {@code changed}, followed by {@code after}. */
    private OrderAllocation replacing(int index, AllocationLine changed, List<AllocationLine> after) {
        List<AllocationLine> next = new ArrayList<>(lines.subList(0, index));
        next.add(changed);
        next.addAll(after);
        next.addAll(lines.subList(index + 1, lines.size()));
        return new OrderAllocation(orderId, order, decision, next);
    }

    private AllocationStep unchanged() {
        return new AllocationStep(this, List.of());
    }
}
