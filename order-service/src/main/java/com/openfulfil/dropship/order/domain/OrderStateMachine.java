package com.openfulfil.dropship.order.domain;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.catalog.StockAllocated;
import com.openfulfil.dropship.events.catalog.StockRejected;
import com.openfulfil.dropship.events.model.Address;
import com.openfulfil.dropship.events.model.LineAllocation;
import com.openfulfil.dropship.events.model.LineQuantity;
import com.openfulfil.dropship.events.model.OrderLine;
import com.openfulfil.dropship.events.model.LineUnits;
import com.openfulfil.dropship.events.model.OrderDetails;
import com.openfulfil.dropship.events.model.OrderRemedy;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.model.ShortLine;
import com.openfulfil.dropship.events.order.AddressChangeRefused;
import com.openfulfil.dropship.events.order.AddressChangeRequested;
import com.openfulfil.dropship.events.order.CancelRequested;
import com.openfulfil.dropship.events.order.CompletionRequested;
import com.openfulfil.dropship.events.order.OrderPlaced;
import com.openfulfil.dropship.events.order.ReceiptConfirmed;
import com.openfulfil.dropship.events.order.OrderCommand;
import com.openfulfil.dropship.events.order.OrderEvent;
import com.openfulfil.dropship.events.order.PendingRefundFailed;
import com.openfulfil.dropship.events.order.PendingRefundReleased;
import com.openfulfil.dropship.events.order.RefundApproved;
import com.openfulfil.dropship.events.order.RefundFailed;
import com.openfulfil.dropship.events.order.RefundIssued;
import com.openfulfil.dropship.events.order.RefundRequested;
import com.openfulfil.dropship.events.order.ReshipRequested;
import com.openfulfil.dropship.events.order.ReturnReceived;
import com.openfulfil.dropship.events.order.ReturnRequested;
import com.openfulfil.dropship.events.order.ReturnShipped;
import com.openfulfil.dropship.events.order.ShippingAddressChanged;
import com.openfulfil.dropship.events.partner.CommissionEarned;
import com.openfulfil.dropship.events.supplier.CancellationRefused;
import com.openfulfil.dropship.events.supplier.DispatchCancelled;
import com.openfulfil.dropship.events.supplier.DispatchRerouted;
import com.openfulfil.dropship.events.supplier.DispatchSent;
import com.openfulfil.dropship.events.supplier.EscalatedToOps;
import com.openfulfil.dropship.events.supplier.ParcelsShipped;
import com.openfulfil.dropship.events.supplier.ReturnAuthorised;
import com.openfulfil.dropship.events.supplier.SupplierAccepted;
import com.openfulfil.dropship.events.supplier.SupplierRejected;
import com.openfulfil.dropship.events.tracking.LostParcelClaimClosed;
import com.openfulfil.dropship.events.tracking.LostParcelClaimOpened;
import com.openfulfil.dropship.events.tracking.ParcelRegistered;
import com.openfulfil.dropship.events.tracking.ParcelStatusChanged;
import com.openfulfil.dropship.events.tracking.TrackingEvent;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The order state machine (the order states: docs/storefronts.md, "Order states"). Applying an event yields
 * the next record and the transitions it caused; an event that does not fit the order's state
 * changes nothing, so replays and late duplicates are harmless.
 */
public final class OrderStateMachine {
    /** Cancelled at once before any supplier has it; through a handshake with the suppliers after. */
    private static final Set<OrderStatus> CANCELLABLE = EnumSet.of(OrderStatus.PLACED, OrderStatus.CONFIRMED,
            OrderStatus.DISPATCHED, OrderStatus.ACCEPTED);
    private static final Set<OrderStatus> CANCELLED_AT_ONCE = EnumSet.of(OrderStatus.PLACED, OrderStatus.CONFIRMED);
    private static final Set<OrderStatus> RETURNABLE = EnumSet.of(OrderStatus.DELIVERED, OrderStatus.COMPLETED);
    /** Refunded orders too: a partial refund may be followed by more, up to what the customer paid. */
    private static final Set<OrderStatus> REFUNDABLE = EnumSet.of(OrderStatus.RETURN_REQUESTED, OrderStatus.RETURNED,
            OrderStatus.EXCEPTION, OrderStatus.REFUNDED);
    private static final Set<OrderStatus> RESHIPPABLE = EnumSet.of(OrderStatus.RETURN_REQUESTED, OrderStatus.EXCEPTION);
    /**
     * Every unit on its way or some arrived: an admin may settle an order whose parcels a carrier stopped
     * reporting. Not while some units have not left the supplier (PARTIALLY_SHIPPED).
     */
    private static final Set<OrderStatus> COMPLETABLE_BY_ADMIN = EnumSet.of(OrderStatus.SHIPPED, OrderStatus.IN_TRANSIT,
            OrderStatus.PARTIALLY_DELIVERED, OrderStatus.DELIVERED);
    private static final int MAX_PENDING = 100;
    /**
     * Only before the stock is reserved: supplier-gateway builds the order's dispatches from the very
     * reservation that confirms the order (StockAllocated, which carries the order as placed), so once
     * the order is CONFIRMED its suppliers may have the old address already.
     */
    private static final Set<OrderStatus> ADDRESS_CHANGEABLE = EnumSet.of(OrderStatus.PLACED);

    private OrderStateMachine() {
    }

    public static boolean canCancel(OrderStatus status) {
        return CANCELLABLE.contains(status);
    }

    public static boolean canChangeAddress(OrderStatus status) {
        return ADDRESS_CHANGEABLE.contains(status);
    }

    /** Why an order in {@code status} keeps the address it has. */
    public static String addressKeptBecause(OrderStatus status) {
        String why = switch (status) {
            case CONFIRMED, DISPATCHED, ACCEPTED -> "its stock is reserved and its suppliers are sent the order with the"
                    + " address it had (a label may be printed already)";
            case PARTIALLY_SHIPPED, SHIPPED, IN_TRANSIT, PARTIALLY_DELIVERED, DELIVERED -> "it has shipped";
            case CANCELLING, CANCELLED, REJECTED -> "it is not going out";
            default -> "it is past delivery";
        };
        return "the address of an order that is " + status + " cannot change: " + why;
    }

    public static boolean canConfirmReceipt(OrderStatus status) {
        return status == OrderStatus.DELIVERED;
    }

    public static boolean canComplete(OrderStatus status) {
        return COMPLETABLE_BY_ADMIN.contains(status);
    }

    public static boolean canRequestReturn(OrderStatus status) {
        return RETURNABLE.contains(status);
    }

    public static boolean canReceiveReturn(OrderStatus status) {
        return status == OrderStatus.RETURN_REQUESTED;
    }

    /** A return parcel's tracking is taken while the return is open. */
    public static boolean canShipReturn(OrderStatus status) {
        return status == OrderStatus.RETURN_REQUESTED;
    }

    public static boolean canRefund(OrderStatus status) {
        return REFUNDABLE.contains(status);
    }

    /**
     * What may still be refunded: what the customer paid, less what was paid back and what refunds
     * asked of the provider would pay back.
     */
    public static BigDecimal refundable(OrderRecord order) {
        AfterSales after = order.afterSalesOrNone();
        return order.details().total().subtract(after.refundedTotal()).subtract(after.inFlight()).max(BigDecimal.ZERO);
    }

    /** One of the units a refund names that the order cannot refund: which entry, which of its fields, and why. */
    public record UnitsProblem(int index, String field, String why) {
    }

    /**
     * Why the order cannot refund {@code lines}' units (none: it can): each entry must name a line of the order,
     * once, with at most the units of it not yet refunded (a line's quantity, less the units refunds that count
     * as paid back or are being paid name).
     */
    public static List<UnitsProblem> unrefundableUnits(OrderRecord order, List<LineQuantity> lines) {
        Map<Integer, Integer> taken = order.afterSalesOrNone().unitsRefundedOrInFlight();
        List<UnitsProblem> problems = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            LineQuantity line = lines.get(i);
            OrderLine ordered = order.details().line(line.lineNo()).orElse(null);
            if (ordered == null) {
                problems.add(new UnitsProblem(i, "lineNo", "is not a line of the order"));
            } else if (!seen.add(line.lineNo())) {
                problems.add(new UnitsProblem(i, "lineNo", "is named twice"));
            } else {
                int refunded = taken.getOrDefault(line.lineNo(), 0);
                int left = Math.max(0, ordered.quantity() - refunded);
                if (line.quantity() > left) {
                    problems.add(new UnitsProblem(i, "quantity", "is more than the " + left + " unit(s) of line "
                            + line.lineNo() + " left to refund (" + ordered.quantity() + " ordered, " + refunded
                            + " refunded or being refunded)"));
                }
            }
        }
        return problems;
    }

    /** {@code units}, each line cut to the units no refund took or is taking; lines with none left are dropped. */
    static List<LineQuantity> unitsLeftToRefund(OrderRecord order, List<LineQuantity> units) {
        Map<Integer, Integer> taken = order.afterSalesOrNone().unitsRefundedOrInFlight();
        List<LineQuantity> left = new ArrayList<>();
        for (LineQuantity unit : units) {
            int ordered = order.details().line(unit.lineNo()).map(OrderLine::quantity).orElse(0);
            int quantity = Math.min(unit.quantity(), ordered - taken.getOrDefault(unit.lineNo(), 0));
            if (quantity > 0) {
                left.add(new LineQuantity(unit.lineNo(), quantity));
            }
        }
        return left;
    }

    /** What {@code units} of the order were sold for: each unit at its line's sale price. */
    public static BigDecimal saleValue(OrderRecord order, List<LineQuantity> units) {
        return Replacement.valueOf(order, units);
    }

    public static boolean canReship(OrderStatus status) {
        return RESHIPPABLE.contains(status);
    }

    /** Since when a customer may ask to return the order: its delivery, else (completed unscanned) its placing. */
    public static Instant returnWindowOpened(OrderRecord order) {
        return order.deliveredAt().orElse(order.placedAt());
    }

    public static boolean returnWindowOpen(OrderRecord order, Instant now, Duration window) {
        return !now.isAfter(returnWindowOpened(order).plus(window));
    }

    /**
     * A delivered order nobody confirmed is completed {@code after} its delivery (R2.6); an order
     * that moved on (returned, completed) is left alone.
     */
    public static Outcome autoComplete(OrderRecord current, Instant now, Duration after) {
        if (current == null || current.status() != OrderStatus.DELIVERED) {
            return new Outcome(current, List.of());
        }
        Step step = new Step(current, now);
        step.move(OrderStatus.COMPLETED, "completed automatically " + after.toDays() + " days after delivery");
        return step.outcome();
    }

    /** @param current the order as stored, or null if nothing is known of it yet */
    public static Outcome apply(OrderRecord current, String orderId, Event event, Instant now) {
        if (event instanceof OrderPlaced placed) {
            return place(current, placed, now);
        }
        if (current == null) {
            return new Outcome(OrderRecord.awaiting(orderId, event), List.of());
        }
        if (!current.isPlaced()) {
            // arrived before the order itself; kept (bounded) and applied once it is placed
            return new Outcome(current.pending().size() < MAX_PENDING ? current.withPending(event) : current, List.of());
        }
        Step step = new Step(current, now);
        step.on(event);
        step.applyParked();
        return step.outcome();
    }

    private static Outcome place(OrderRecord current, OrderPlaced placed, Instant now) {
        if (current != null && current.isPlaced()) {
            return new Outcome(current, List.of());
        }
        OrderRecord fresh = OrderRecord.placed(placed.orderId(), placed.order(), placed.occurredAt());
        Step step = new Step(fresh, now);
        step.move(OrderStatus.PLACED, describeSource(placed));
        if (current != null) {
            // Across topics the order they arrived in need not be the order they happened in; within
            // one topic it is. So the order's and its dispatches' news first, then the parcels' news
            // in the order tracking-service wrote it: a parcel's early scan, kept back while its
            // dispatch was unknown, must not land after (and undo) its later scans.
            current.pending().stream().filter(e -> !fromTracking(e)).forEach(step::on);
            current.pending().stream().filter(OrderStateMachine::fromTracking).forEach(step::on);
            step.applyParked();
        }
        return step.outcome();
    }

    /** News from tracking-service (tracking.events), written in the order it happened per order. */
    private static boolean fromTracking(Event event) {
        return event instanceof TrackingEvent;
    }

    private static String describeSource(OrderPlaced placed) {
        var source = placed.order().source();
        if (source.replaces() != null) {
            return "placed to replace order " + source.replaces();
        }
        return source.isPartnerOrder() ? "placed by partner " + source.partnerId()
                : "placed by storefront " + source.storefrontId();
    }

    /** Applies events to one order, collecting the transitions. */
    private static final class Step {
        private OrderRecord record;
        private final Instant now;
        private final List<StatusChange> changes = new ArrayList<>();
        private final List<OrderPlaced> placed = new ArrayList<>();
        private final List<OrderCommand> commands = new ArrayList<>();
        private final List<OrderEvent> news = new ArrayList<>();
        private final List<ParcelRegistered> registrations = new ArrayList<>();

        Step(OrderRecord record, Instant now) {
            this.record = record;
            this.now = now;
        }

        Outcome outcome() {
            return new Outcome(record, changes, placed, commands, news, registrations);
        }

        void move(OrderStatus next, String reason) {
            changes.add(new StatusChange(record.status(), next, reason));
            record = record.moveTo(next, now, reason);
        }

        void on(Event event) {
            if (event instanceof StockAllocated allocated) {
                allocated(allocated);
            } else if (event instanceof StockRejected rejected) {
                rejected(rejected);
            } else if (event instanceof DispatchSent sent) {
                sent(sent);
            } else if (event instanceof SupplierAccepted accepted) {
                accepted(accepted);
            } else if (event instanceof SupplierRejected rejected) {
                supplierRejected(rejected);
            } else if (event instanceof EscalatedToOps escalated) {
                escalated(escalated);
            } else if (event instanceof ParcelsShipped shipped) {
                shipped(shipped);
            } else if (event instanceof ParcelStatusChanged parcel) {
                parcel(parcel);
            } else if (event instanceof LostParcelClaimOpened claim) {
                lost(claim);
            } else if (event instanceof LostParcelClaimClosed closed) {
                claimClosed(closed);
            } else if (event instanceof CancelRequested cancel) {
                cancel(cancel);
            } else if (event instanceof AddressChangeRequested change) {
                addressChange(change);
            } else if (event instanceof ReceiptConfirmed receipt) {
                receipt(receipt);
            } else if (event instanceof CompletionRequested completion) {
                complete(completion);
            } else if (event instanceof DispatchRerouted rerouted) {
                rerouted(rerouted);
            } else if (event instanceof DispatchCancelled cancelled) {
                dispatchCancelled(cancelled);
            } else if (event instanceof CancellationRefused refused) {
                cancellationRefused(refused);
            } else if (event instanceof ReturnRequested returning) {
                returnRequested(returning);
            } else if (event instanceof ReturnReceived received) {
                if (canReceiveReturn(record.status())) {
                    record = record.withAfterSales(record.afterSalesOrNone().returned(now));
                    move(OrderStatus.RETURNED, "return received by " + received.by());
                }
            } else if (event instanceof ReturnAuthorised authorised) {
                returnAuthorised(authorised);
            } else if (event instanceof ReturnShipped sent) {
                returnShipped(sent);
            } else if (event instanceof RefundRequested requested) {
                refundRequested(requested);
            } else if (event instanceof RefundIssued refund) {
                refundIssued(refund);
            } else if (event instanceof RefundFailed failed) {
                refundFailed(failed);
            } else if (event instanceof PendingRefundReleased released) {
                pendingRefundReleased(released);
            } else if (event instanceof ReshipRequested reship) {
                reship(reship);
            } else if (event instanceof CommissionEarned earned) {
                record = record.withCommission(new Commission(earned.partnerName(), earned.currency(), earned.gross(),
                        earned.deductions(), earned.total()));
            }
        }

        /**
         * Reshipping places a replacement order for the named units (written before replacements were
         * orders, a request names none: only the status moves).
         */
        private void reship(ReshipRequested reship) {
            if (!canReship(record.status())) {
                return;
            }
            String reason = "reshipped, as " + reship.by() + " asked" + (reship.note() == null ? "" : ": " + reship.note());
            if (reship.replacementOrderId() == null) {
                record = record.withAfterSales(record.afterSalesOrNone().reshipped(now));
                move(OrderStatus.RESHIPPED, reason);
            } else {
                reshipAs(reship.replacementOrderId(), reship.lines(), reship.by(), reason);
            }
        }

        /** Places the replacement order of {@code asked}'s units (every unit when none) and moves to RESHIPPED. */
        private void reshipAs(String replacementId, List<LineQuantity> asked, String by, String reason) {
            List<LineQuantity> units = Replacement.unitsOf(record, asked);
            OrderDetails details = Replacement.detailsFor(record, units, record.replacements().size() + 1);
            placed.add(new OrderPlaced(EventIds.derived(replacementId, "placed"), now, replacementId, details));
            record = record.withReplacement(new Replacement(replacementId, now, units, by))
                    .withAfterSales(record.afterSalesOrNone().reshipped(now));
            move(OrderStatus.RESHIPPED, reason + "; replacement order " + replacementId + " ("
                    + details.source().externalRef() + ") for " + units.stream()
                    .map(u -> u.quantity() + " of line " + u.lineNo()).collect(Collectors.joining(", ")));
        }

        /**
         * Ops closed a lost parcel's claim and settled the order in the same step (R5.3): a reship sends the
         * parcel's units again; a refund pays back their price (at most what is left to refund), through the
         * payment provider when the order carries a payment reference, else recorded as paid back offline.
         */
        private void claimClosed(LostParcelClaimClosed closed) {
            List<LineQuantity> units = Replacement.unitsOfParcel(record, closed.dispatchId(), closed.trackingNumber());
            String why = "claim " + closed.claimId() + " closed (" + closed.outcome() + "), the lost parcel "
                    + closed.trackingNumber();
            if (closed.remedy() == OrderRemedy.RESHIP && canReship(record.status())) {
                reshipAs(Replacement.idFor(record.orderId(), record.replacements().size() + 1), units,
                        closed.closedBy(), why + " reshipped");
            } else if (closed.remedy() == OrderRemedy.REFUND && canRefund(record.status())) {
                refundLost(closed, Replacement.unitsOf(record, units), why);
            }
        }

        /**
         * Pays back what the lost units were sold for, at most what is left; once per claim (the refund's id). The
         * refund names those units (each line's count at most what no earlier refund took), so they show as
         * refunded on their lines.
         */
        private void refundLost(LostParcelClaimClosed closed, List<LineQuantity> lost, String why) {
            List<LineQuantity> units = unitsLeftToRefund(record, lost);
            BigDecimal amount = Replacement.valueOf(record, units).min(refundable(record));
            if (units.isEmpty() || amount.signum() <= 0) {
                note(why + ": nothing is left to refund");
                return;
            }
            String refundId = "rf_" + EventIds.derived(closed.claimId(), "refund");
            String paymentReference = record.details().paymentReference();
            String currency = record.details().currency();
            if (paymentReference == null) {
                refundIssued(new RefundIssued(EventIds.derived(refundId, "offline"), now, record.orderId(), amount,
                        currency, closed.closedBy(), why, refundId, null, null, units));
                return;
            }
            refundRequested(new RefundRequested(EventIds.derived(refundId, "requested"), now, record.orderId(),
                    refundId, amount, currency, paymentReference, null, closed.closedBy(), why, units));
        }

        private void allocated(StockAllocated allocated) {
            if (record.status() != OrderStatus.PLACED) {
                return;
            }
            List<String> suppliers = allocated.lines().stream().map(LineAllocation::chosen)
                    .map(o -> o.supplierId()).distinct().sorted().toList();
            record = record.withExpectedSuppliers(suppliers);
            move(OrderStatus.CONFIRMED, "stock reserved at " + String.join(", ", suppliers));
            progress();
        }

        private void rejected(StockRejected rejected) {
            if (record.status() != OrderStatus.PLACED) {
                return;
            }
            move(OrderStatus.REJECTED, "out of stock: " + rejected.shortLines().stream()
                    .map(OrderStateMachine::describe).collect(Collectors.joining("; ")));
        }

        /** A dispatch went out, with its units: new, or one a reroute announced first that now says what it holds. */
        private void sent(DispatchSent sent) {
            Fulfilment known = record.fulfilments().get(sent.dispatchId());
            if (known == null) {
                record = record.withFulfilment(Fulfilment.sent(sent.dispatchId(), sent.supplierId(),
                        sent.items() == null ? List.of() : sent.items()));
                progress();
            } else if (!known.counted() && sent.items() != null && !sent.items().isEmpty()) {
                record = record.withFulfilment(known.withItems(sent.items()));
                progress();
            }
        }

        private void accepted(SupplierAccepted accepted) {
            Fulfilment f = fulfilmentOf(accepted.dispatchId(), accepted.supplierId());
            if (f.status() == FulfilmentStatus.SENT) {
                record = record.withFulfilment(f.withStatus(FulfilmentStatus.ACCEPTED));
                progress();
            }
        }

        private void supplierRejected(SupplierRejected rejected) {
            Fulfilment f = fulfilmentOf(rejected.dispatchId(), rejected.supplierId());
            if (f.status() == FulfilmentStatus.SHIPPED || f.status() == FulfilmentStatus.REJECTED) {
                return;
            }
            record = record.withFulfilment(f.withStatus(FulfilmentStatus.REJECTED));
            if (OrderProgress.inProgress(record.status())) {
                move(OrderStatus.EXCEPTION, "rejected by " + rejected.supplierId() + ": " + rejected.reason()
                        + (rejected.detail() == null ? "" : " (" + rejected.detail() + ")"));
            }
        }

        /** supplier-gateway handed a supplier's part to ops (a missed deadline, no backup left): a person takes over. */
        private void escalated(EscalatedToOps escalated) {
            if (OrderProgress.inProgress(record.status())) {
                move(OrderStatus.EXCEPTION, "escalated to ops: " + escalated.supplierId() + " " + escalated.detail());
            }
        }

        /**
         * A supplier's part moved to a backup (R3.2): the order now waits for the backup instead, and
         * for the first supplier only if it still holds another part.
         */
        private void rerouted(DispatchRerouted rerouted) {
            Fulfilment f = fulfilmentOf(rerouted.dispatchId(), rerouted.supplierId());
            if (!f.status().live() || f.status() == FulfilmentStatus.SHIPPED
                    || record.fulfilments().containsKey(rerouted.newDispatchId())) {
                return;
            }
            record = record.withFulfilment(f.withStatus(FulfilmentStatus.REROUTED))
                    .withFulfilment(Fulfilment.sent(rerouted.newDispatchId(), rerouted.newSupplierId()));
            boolean firstStillHasAPart = record.fulfilments().values().stream()
                    .anyMatch(x -> x.supplierId().equals(rerouted.supplierId()) && x.status().live());
            List<String> expected = new ArrayList<>(record.expectedSuppliers());
            if (!firstStillHasAPart) {
                expected.remove(rerouted.supplierId());
            }
            if (!expected.contains(rerouted.newSupplierId())) {
                expected.add(rerouted.newSupplierId());
            }
            record = record.withExpectedSuppliers(expected.stream().sorted().toList());
            progress();
        }

        private void shipped(ParcelsShipped shipped) {
            Fulfilment f = fulfilmentOf(shipped.dispatchId(), shipped.supplierId());
            if (f.status() == FulfilmentStatus.REJECTED) {
                return;
            }
            Fulfilment next = f.shipped(shipped.carrier(), shipped.trackingNumbers(), shipped.parcels());
            if (!next.equals(f)) {
                record = record.withFulfilment(next);
                progress();
            }
        }

        /**
         * A parcel's news (on tracking.events) can overtake the dispatch it belongs to (on
         * fulfilment.events) when this service reads one topic behind the other: it is kept with the
         * order (bounded, like events that overtake the order itself) and applied once the dispatch
         * is known ({@link #applyParked}).
         */
        private void parcel(ParcelStatusChanged parcel) {
            var returning = record.afterSalesOrNone().authorisation(parcel.dispatchId());
            if (returning.isPresent()) {
                returnParcel(parcel, returning.get());
                return;
            }
            Fulfilment f = record.fulfilments().get(parcel.dispatchId());
            if (f == null) {
                if (record.pending().size() < MAX_PENDING) {
                    record = record.withPending(parcel);
                }
                return;
            }
            if (parcel.status() == f.parcels().get(parcel.trackingNumber())) {
                return;
            }
            record = record.withFulfilment(f.withParcel(parcel.trackingNumber(), parcel.status()));
            progress();
        }

        /** A parcel taken for lost stops the order where it is; refund or reship settles it (R5.3). */
        private void lost(LostParcelClaimOpened claim) {
            if (OrderProgress.inProgress(record.status())) {
                move(OrderStatus.EXCEPTION, "parcel " + claim.trackingNumber() + " lost (" + claim.reason()
                        + "); claim " + claim.claimId() + " opened with " + claim.carrier());
            }
        }

        private void cancel(CancelRequested cancel) {
            String reason = cancel.reason() == null ? "cancelled by " + cancel.requestedBy()
                    : "cancelled by " + cancel.requestedBy() + ": " + cancel.reason();
            if (CANCELLED_AT_ONCE.contains(record.status())) {
                move(OrderStatus.CANCELLED, reason);
            } else if (canCancel(record.status())) {
                // the suppliers have it: supplier-gateway asks each of them, and they answer
                move(OrderStatus.CANCELLING, reason + "; asking the suppliers");
            }
        }

        /**
         * The order ships to the new address while its stock is not reserved, and keeps its address after;
         * either way it is told on orders.lifecycle. An address the order has already (the same request
         * again, or an edit that kept it) changes nothing and is not answered.
         */
        private void addressChange(AddressChangeRequested change) {
            Address previous = record.details().shipTo();
            if (change.shipTo() == null || change.shipTo().equals(previous)) {
                return;
            }
            if (canChangeAddress(record.status())) {
                record = record.withShipTo(change.shipTo());
                note("shipping address changed by " + change.requestedBy() + " to " + change.shipTo().oneLine());
                news.add(new ShippingAddressChanged(EventIds.derived(change.eventId(), "address-changed"), now,
                        record.orderId(), change.requestedBy(), previous, change.shipTo()));
            } else {
                news.add(new AddressChangeRefused(EventIds.derived(change.eventId(), "address-refused"), now,
                        record.orderId(), change.requestedBy(), change.shipTo(), record.status(),
                        addressKeptBecause(record.status())));
            }
        }

        private void dispatchCancelled(DispatchCancelled cancelled) {
            Fulfilment f = fulfilmentOf(cancelled.dispatchId(), cancelled.supplierId());
            if (f.status() == FulfilmentStatus.SHIPPED || f.status() == FulfilmentStatus.CANCELLED) {
                return;
            }
            record = record.withFulfilment(f.withStatus(FulfilmentStatus.CANCELLED));
            boolean allCancelled = record.fulfilments().values().stream()
                    .allMatch(x -> !x.status().live());
            if (record.status() == OrderStatus.CANCELLING && allCancelled) {
                move(OrderStatus.CANCELLED, "every supplier cancelled its dispatch");
            }
        }

        /** A supplier had already shipped: the order goes on where its fulfilment has got. */
        private void cancellationRefused(CancellationRefused refused) {
            if (record.status() != OrderStatus.CANCELLING) {
                return;
            }
            OrderStatus reached = OrderProgress.reached(record.expectedSuppliers(), record.fulfilments().values());
            move(reached == OrderStatus.CONFIRMED ? OrderStatus.DISPATCHED : reached, "cancellation refused by "
                    + refused.supplierId() + (refused.reason() == null ? "" : ": " + refused.reason()));
        }

        /**
         * A refund asked for: accepted only if the order takes refunds in its status and the amount fits what
         * is still refundable (what was paid, less what was paid back and what accepted refunds will pay back),
         * since two requests sent at the same moment may both have passed the API's check. An accepted one is
         * listed as requested, counts against the order at once, and its {@link RefundApproved} (the only thing
         * the refund connector pays) is written in this same step; a refused one is listed as refused, with
         * why, and paid never. A request the order has seen (a replay, the stream's own request read back) was
         * decided then and changes nothing.
         */
        private void refundRequested(RefundRequested requested) {
            AfterSales after = record.afterSalesOrNone();
            if (after.refund(requested.refundId()).isPresent()) {
                return;
            }
            String asked = "refund " + requested.refundId() + " of " + requested.amount() + " " + requested.currency()
                    + " asked by " + requested.by();
            String refusal = refusal(requested);
            if (refusal != null) {
                record = record.withAfterSales(after.settled(Refund.refused(requested.refundId(), requested.amount(),
                        requested.currency(), requested.by(), requested.note(), requested.lines(), refusal, now)));
                note(asked + " refused: " + refusal);
                return;
            }
            record = record.withAfterSales(after.refundRequested(Refund.approved(requested.refundId(),
                    requested.amount(), requested.currency(), requested.by(), requested.note(), requested.lines(),
                    now)));
            commands.add(RefundApproved.of(requested, EventIds.derived(requested.eventId(), "refund-approved"), now));
            note(asked + " approved and sent to the payment provider");
        }

        /** Why the order refuses {@code requested}, or null when it accepts it. */
        private String refusal(RefundRequested requested) {
            return refusal(requested.amount(), requested.lines());
        }

        /**
         * Why the order refuses to pay back {@code amount} for {@code lines}' units (null: none named) now, or
         * null when it may.
         */
        private String refusal(BigDecimal amount, List<LineQuantity> lines) {
            if (!canRefund(record.status())) {
                return "the order is " + record.status() + ", which takes no refund";
            }
            BigDecimal left = refundable(record);
            if (amount.compareTo(left) > 0) {
                BigDecimal total = record.details().total();
                return "only " + left + " " + record.details().currency() + " is left to refund of the order's "
                        + total + " (refunded or being refunded: " + total.subtract(left) + ")";
            }
            if (lines == null) {
                return null;
            }
            return unrefundableUnits(record, lines).stream().findFirst()
                    .map(p -> "line " + lines.get(p.index()).lineNo() + (p.field().equals("quantity")
                            ? ": " + lines.get(p.index()).quantity() + " unit(s) " : " ") + p.why()).orElse(null);
        }

        /**
         * Money went back to the customer. One the provider paid is recorded whatever the order's state
         * (the money has moved), even for a request the order refused (an older version's connector, which
         * paid every request, running beside this one); an offline one only where a refund is allowed, as
         * before refunds were paid through the provider. A pending refund the provider later reports
         * succeeded is settled once, in place: it already counted as paid back and already moved the order.
         * A repeat (the connector answers at least once) changes nothing.
         */
        private void refundIssued(RefundIssued refund) {
            AfterSales after = record.afterSalesOrNone();
            String refundId = refund.refundId() == null ? refund.eventId() : refund.refundId();
            Refund known = after.refund(refundId).orElse(null);
            if (known != null && known.status() == RefundStatus.PENDING) {
                if (refund.providerRefundId() != null && "succeeded".equals(refund.providerStatus())) {
                    record = record.withAfterSales(after.settled(known.settled(RefundStatus.SUCCEEDED,
                            refund.providerRefundId(), null, now)));
                    note("pending refund " + refundId + " of " + known.amount() + " " + known.currency()
                            + " succeeded (" + refund.providerRefundId() + ")");
                }
                return;
            }
            boolean paidThoughRefused = known != null && known.status() == RefundStatus.REFUSED
                    && refund.providerRefundId() != null;
            if (known != null && known.status().settled() && !paidThoughRefused
                    || known == null && !canRefund(record.status())) {
                return;
            }
            if (known == null && refund.providerRefundId() == null) {
                // recorded as paid back offline, with no request before it: two sent at the same moment may both
                // have passed the API's check, and the order takes only what is still left to refund
                String refusal = refusal(refund.amount(), refund.lines());
                if (refusal != null) {
                    record = record.withAfterSales(after.settled(Refund.refused(refundId, refund.amount(),
                            refund.currency(), refund.by(), refund.note(), refund.lines(), refusal, now)));
                    note("offline refund " + refundId + " of " + refund.amount() + " " + refund.currency() + " by "
                            + refund.by() + " refused: " + refusal);
                    return;
                }
            }
            Refund asked = known != null ? known
                    : Refund.unasked(refundId, refund.amount(), refund.currency(), refund.by(), refund.note(),
                    refund.lines(), now);
            RefundStatus outcome = refund.providerRefundId() == null ? RefundStatus.OFFLINE
                    : "pending".equals(refund.providerStatus()) ? RefundStatus.PENDING : RefundStatus.SUCCEEDED;
            record = record.withAfterSales(after.settled(asked.settled(outcome, refund.providerRefundId(), null, now)));
            String how = outcome == RefundStatus.OFFLINE ? " (offline: paid back outside the payment provider)"
                    : " (" + refund.providerRefundId() + ", " + refund.providerStatus() + ")";
            String reason = "refunded " + refund.amount() + " " + refund.currency() + " by " + refund.by() + how
                    + (refund.note() == null ? "" : ": " + refund.note());
            if (canRefund(record.status())) {
                move(OrderStatus.REFUNDED, reason);
            } else {
                note(reason);
            }
        }

        /**
         * The provider refused or failed the refund: the order says why, nothing is counted as refunded. A
         * pending refund that fails no longer counts as paid back: what it held is refundable again, and the
         * order's history says so; the order's status stays (a later refund moves it again), and
         * {@link PendingRefundFailed} tells commission-service, which clawed back for it when it moved the order
         * to REFUNDED. Once only: a settled refund changes no more.
         */
        private void refundFailed(RefundFailed failed) {
            AfterSales after = record.afterSalesOrNone();
            Refund known = after.refund(failed.refundId()).orElse(null);
            if (known == null || known.status().settled() && known.status() != RefundStatus.PENDING) {
                return;
            }
            boolean wasPending = known.status() == RefundStatus.PENDING;
            record = record.withAfterSales(after.settled(known.settled(RefundStatus.FAILED,
                    failed.providerRefundId() == null ? known.providerRefundId() : failed.providerRefundId(),
                    failed.reason(), now)));
            note((wasPending ? "pending refund " : "refund ") + failed.refundId() + " of " + failed.amount() + " "
                    + failed.currency() + " failed: " + failed.reason()
                    + (wasPending ? " (nothing was paid back; it is refundable again)" : ""));
            if (wasPending) {
                news.add(new PendingRefundFailed(EventIds.derived(failed.eventId(), "pending-refund-failed"), now,
                        record.orderId(), known.refundId(), known.amount(), known.currency(), failed.reason(),
                        record.details().source()));
            }
        }

        /**
         * The refund connector stopped following a pending refund the provider still reports pending after the
         * longest it waits: the refund stays pending and counted as paid back (nothing can pay it twice), and the
         * order's history tells ops to look it up at the provider. Once, and only for a refund still pending.
         */
        private void pendingRefundReleased(PendingRefundReleased released) {
            AfterSales after = record.afterSalesOrNone();
            Refund known = after.refund(released.refundId()).orElse(null);
            if (known == null || known.status() != RefundStatus.PENDING || known.releasedAt() != null) {
                return;
            }
            record = record.withAfterSales(after.settled(known.released(now)));
            String providerRefundId = released.providerRefundId() == null ? known.providerRefundId()
                    : released.providerRefundId();
            note("pending refund " + known.refundId() + " of " + known.amount() + " " + known.currency() + " "
                    + released.reason() + ": no longer followed, it still counts as paid back; check "
                    + providerRefundId + " in the provider's dashboard");
        }

        /** A line in the order's history that is not a transition: its status stays, nothing is published. */
        private void note(String what) {
            record = record.withHistoryEntry(new HistoryEntry(record.status(), now, what));
        }

        private void returnRequested(ReturnRequested returning) {
            if (canRequestReturn(record.status())) {
                record = record.withAfterSales(AfterSales.requested(returning.reason(), returning.description(),
                        returning.photoUrls(), now));
                move(OrderStatus.RETURN_REQUESTED, "return requested by " + returning.requestedBy() + ": "
                        + returning.reason() + (returning.description() == null ? "" : " (" + returning.description() + ")"));
            }
        }

        /**
         * A supplier that shipped part of the returned order authorised the return of its units (R5.2): kept
         * with the after-sales, whatever the order's status now (a refund may have overtaken it).
         */
        private void returnAuthorised(ReturnAuthorised authorised) {
            AfterSales after = record.afterSalesOrNone();
            if (after.requestedAt() == null || after.authorisation(authorised.rmaId()).isPresent()) {
                return;
            }
            record = record.withAfterSales(after.authorised(new ReturnAuthorisation(authorised.rmaId(),
                    authorised.supplierId(), authorised.dispatchId(), authorised.items(), authorised.returnTo(),
                    authorised.returnAddress(), authorised.paidBy(), authorised.shippingCharge(),
                    authorised.currency(), now)));
            note("return " + authorised.rmaId() + " authorised at " + authorised.supplierId() + ", postage paid by "
                    + authorised.paidBy().name().toLowerCase(Locale.ROOT));
        }

        /**
         * The customer sent an authorised return back: tracking-service follows the parcel like any other,
         * registered under the RMA number, and its delivery is the return received at that supplier.
         */
        private void returnShipped(ReturnShipped sent) {
            ReturnAuthorisation known = record.afterSalesOrNone().authorisation(sent.rmaId()).orElse(null);
            if (!canShipReturn(record.status()) || known == null || known.received()
                    || sent.trackingNumber().equals(known.trackingNumber()) && sent.carrier().equals(known.carrier())) {
                return;
            }
            record = record.withAfterSales(record.afterSalesOrNone()
                    .withAuthorisation(known.shipped(sent.carrier(), sent.trackingNumber(), now)));
            registrations.add(new ParcelRegistered(EventIds.derived(sent.eventId(), "return-parcel"), now,
                    record.orderId(), known.rmaId(), known.supplierId(), sent.carrier(), sent.trackingNumber(),
                    known.items()));
            note("return " + known.rmaId() + " sent back to " + known.supplierId() + " with " + sent.carrier() + " "
                    + sent.trackingNumber() + " by " + sent.by());
        }

        /**
         * News of a return parcel (registered under its RMA number): delivered, the return is received at its
         * supplier, and once every supplier has its return back the order is RETURNED, as if ops had said so.
         */
        private void returnParcel(ParcelStatusChanged parcel, ReturnAuthorisation known) {
            if (parcel.status() == known.parcelStatus() || known.received()) {
                return;
            }
            ReturnAuthorisation next = known.tracked(parcel.status(), now);
            record = record.withAfterSales(record.afterSalesOrNone().withAuthorisation(next));
            if (!next.received()) {
                return;
            }
            note("return " + known.rmaId() + " delivered to " + known.supplierId() + " (" + parcel.carrier() + " "
                    + parcel.trackingNumber() + ")");
            if (record.afterSalesOrNone().everyReturnReceived() && canReceiveReturn(record.status())) {
                record = record.withAfterSales(record.afterSalesOrNone().returned(now));
                move(OrderStatus.RETURNED, "every return delivered to its supplier");
            }
        }

        private void receipt(ReceiptConfirmed receipt) {
            if (canConfirmReceipt(record.status())) {
                record = record.withReceipt(new Receipt(receipt.rating(), receipt.comment(), now));
                move(OrderStatus.COMPLETED, "receipt confirmed by the customer");
            }
        }

        private void complete(CompletionRequested completion) {
            if (canComplete(record.status())) {
                move(OrderStatus.COMPLETED, "completed by " + completion.requestedBy());
            }
        }

        /** The dispatch this answer is about; made up from the answer if DispatchSent was not seen. */
        /** Parcel news kept for a dispatch not yet known, now that it may be. */
        void applyParked() {
            List<Event> parked = record.pending();
            if (parked.isEmpty() || parked.stream().noneMatch(this::dispatchKnown)) {
                return;
            }
            record = record.withoutPending();
            for (Event event : parked) {
                if (dispatchKnown(event)) {
                    parcel((ParcelStatusChanged) event);
                } else {
                    record = record.withPending(event);
                }
            }
        }

        private boolean dispatchKnown(Event event) {
            return event instanceof ParcelStatusChanged parcel && record.fulfilments().containsKey(parcel.dispatchId());
        }

        private Fulfilment fulfilmentOf(String dispatchId, String supplierId) {
            Fulfilment known = record.fulfilments().get(dispatchId);
            return known != null ? known : Fulfilment.sent(dispatchId, supplierId);
        }

        /** Moves the order forward to where its slowest fulfilment has got. */
        private void progress() {
            if (!OrderProgress.inProgress(record.status())) {
                return;
            }
            OrderStatus reached = OrderProgress.reached(record.expectedSuppliers(), record.fulfilments().values());
            if (OrderProgress.rank(reached) > OrderProgress.rank(record.status())) {
                move(reached, reasonFor(reached));
            }
        }

        private String reasonFor(OrderStatus reached) {
            return switch (reached) {
                case DISPATCHED -> "sent to " + String.join(", ", record.expectedSuppliers());
                case ACCEPTED -> "accepted by " + String.join(", ", record.expectedSuppliers());
                case SHIPPED -> "shipped: " + record.fulfilments().values().stream()
                        .filter(f -> f.status() == FulfilmentStatus.SHIPPED)
                        .map(f -> f.carrier() + " " + String.join(" ", f.parcels().keySet()))
                        .collect(Collectors.joining(", "));
                case PARTIALLY_SHIPPED -> "partially shipped: " + unitsOf(LineUnits::shipped) + " units with a carrier";
                case IN_TRANSIT -> "in transit";
                case PARTIALLY_DELIVERED -> "partially delivered: " + unitsOf(LineUnits::delivered) + " units delivered";
                case DELIVERED -> "delivered";
                default -> reached.name().toLowerCase();
            };
        }

        /** "3 of 5": the order's units that {@code counted} counts, of those ordered. */
        private String unitsOf(java.util.function.ToIntFunction<LineUnits> counted) {
            List<LineUnits> units = record.units();
            return units.stream().mapToInt(counted).sum() + " of " + units.stream().mapToInt(LineUnits::ordered).sum();
        }
    }


    private static String describe(ShortLine line) {
        return line.sku() + " (requested " + line.requested() + ", available " + line.available() + ")";
    }
}
