package com.openfulfil.dropship.commission.stream;

import com.openfulfil.dropship.support.streams.KeyedState;
import com.openfulfil.dropship.support.streams.StateStores;
import com.openfulfil.dropship.commission.domain.Breakdown;
import com.openfulfil.dropship.commission.domain.Clawback;
import com.openfulfil.dropship.commission.domain.Commission;
import com.openfulfil.dropship.commission.domain.CommissionPolicy;
import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.model.OrderDetails;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.order.PendingRefundFailed;
import com.openfulfil.dropship.events.partner.CommissionEarned;
import com.openfulfil.dropship.events.partner.CommissionPaidOut;
import com.openfulfil.dropship.events.partner.CommissionRestored;
import com.openfulfil.dropship.events.partner.CommissionReversed;
import com.openfulfil.dropship.events.partner.PartnerUpdated;
import com.openfulfil.dropship.events.partner.PayoutRequested;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.ValueAndTimestamp;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

/**
 * Keeps each partner order's commission (store key orderId) and writes every change of it to the
 * ledger (keyed by partnerId), once:
 * <ul>
 * <li>the first {@code COMPLETED} of a partner order earns the commission ({@code CommissionEarned});</li>
 * <li>each {@code REFUNDED} after that (one per refund: an order may be refunded in parts) claws back in
 * proportion to that refund ({@code CommissionReversed}), never more than the partner still keeps;</li>
 * <li>a {@code PendingRefundFailed} gives back exactly what the clawback took for that refund
 * ({@code CommissionRestored}), once; a payout settles the difference like any other;</li>
 * <li>a {@code PayoutRequested} settles what is due on the order ({@code CommissionPaidOut}); a repeat finds
 * nothing due.</li>
 * </ul>
 * Replays, repeated transitions and everything else change nothing.
 */
class CommissionProcessor implements Processor<String, Event, String, Event> {
    private final CommissionPolicy policy;
    private ProcessorContext<String, Event> context;
    private KeyedState<Commission> commissions;
    private KeyValueStore<String, String> byPartner;
    // a global table's store: values arrive as ValueAndTimestamp<Event> or Event depending on its store type
    private KeyValueStore<String, Object> partners;

    CommissionProcessor(CommissionPolicy policy) {
        this.policy = policy;
    }

    @Override
    public void init(ProcessorContext<String, Event> context) {
        this.context = context;
        this.commissions = KeyedState.of(context, CommissionTopology.COMMISSIONS_STORE);
        this.byPartner = context.getStateStore(CommissionTopology.BY_PARTNER_STORE);
        this.partners = context.getStateStore(CommissionTopology.PARTNERS_STORE);
    }

    @Override
    public void process(Record<String, Event> record) {
        if (record.value() instanceof OrderStatusChanged changed && isPartnerCompletion(changed)
                && commissions.get(changed.orderId()) == null) {
            earn(record, changed);
        } else if (record.value() instanceof OrderStatusChanged changed && changed.to() == OrderStatus.REFUNDED) {
            Commission commission = commissions.get(changed.orderId());
            if (commission != null && commission.owesClawbackFor(changed.eventId())) {
                reverse(record, changed, commission);
            }
        } else if (record.value() instanceof PendingRefundFailed failed) {
            Commission commission = commissions.get(failed.orderId());
            if (commission != null && commission.toGiveBackFor(failed.refundId()).isPresent()) {
                giveBack(record, failed, commission);
            }
        } else if (record.value() instanceof PayoutRequested payout) {
            Commission commission = commissions.get(payout.orderId());
            if (commission != null && commission.due().signum() != 0) {
                settle(record, payout, commission);
            }
        }
    }

    private void earn(Record<String, Event> record, OrderStatusChanged changed) {
        OrderDetails order = changed.order();
        String partnerId = order.source().partnerId();
        Breakdown breakdown = policy.compute(order.currency(), order.lines());
        Commission commission = Commission.earned(changed.orderId(), partnerId,
                partnerName(partnerId, order.source().partnerName()), breakdown, now());
        commissions.put(changed.orderId(), commission);
        byPartner.put(CommissionTopology.byPartnerKey(partnerId, changed.orderId()), changed.orderId());
        forward(record, partnerId, earnedEvent(changed.eventId(), commission));
    }

    private void reverse(Record<String, Event> record, OrderStatusChanged changed, Commission commission) {
        BigDecimal amount = Clawback.of(commission, changed.order().lines(), changed.refundAmount());
        Commission reversed = commission.reverse(changed.eventId(), changed.refundId(), amount, now());
        commissions.put(changed.orderId(), reversed);
        forward(record, commission.partnerId(), new CommissionReversed(
                EventIds.derived(changed.eventId(), "commission-reversed"), reversed.reversedAt(), changed.orderId(),
                commission.partnerId(), commission.currency(), changed.refundAmount(), amount, reversed.net()));
    }

    private void giveBack(Record<String, Event> record, PendingRefundFailed failed, Commission commission) {
        BigDecimal amount = commission.toGiveBackFor(failed.refundId()).orElseThrow().amount();
        Commission restored = commission.giveBack(failed.refundId());
        commissions.put(failed.orderId(), restored);
        forward(record, commission.partnerId(), new CommissionRestored(
                EventIds.derived(failed.eventId(), "commission-restored"), now(), failed.orderId(),
                commission.partnerId(), commission.currency(), failed.refundId(), amount, restored.net()));
    }

    private void settle(Record<String, Event> record, PayoutRequested payout, Commission commission) {
        BigDecimal amount = commission.due();
        Commission settled = commission.settle(payout.batchId(), now());
        commissions.put(payout.orderId(), settled);
        forward(record, commission.partnerId(), new CommissionPaidOut(
                EventIds.derived(payout.eventId(), "commission-paid-out"), settled.paidAt(), payout.orderId(),
                commission.partnerId(), payout.batchId(), commission.currency(), amount));
    }

    private void forward(Record<String, Event> record, String partnerId, Event event) {
        context.forward(new Record<>(partnerId, event, record.timestamp(), record.headers()));
    }

    private Instant now() {
        return KeyedState.now(context);
    }

    private static boolean isPartnerCompletion(OrderStatusChanged changed) {
        return changed.to() == OrderStatus.COMPLETED && changed.order() != null && changed.order().source() != null
                && changed.order().source().isPartnerOrder();
    }

    /** The registry's name is the partner's current one; the order's copy serves while the registry has none. */
    private String partnerName(String partnerId, String fromOrder) {
        Object value = partners.get(partnerId);
        if (value instanceof ValueAndTimestamp<?> timestamped) {
            value = timestamped.value();
        }
        if (value instanceof PartnerUpdated partner && partner.name() != null && !partner.name().isBlank()) {
            return partner.name();
        }
        return fromOrder;
    }

    private static CommissionEarned earnedEvent(String inputEventId, Commission c) {
        return new CommissionEarned(EventIds.derived(inputEventId, "commission-earned"), c.earnedAt(), c.orderId(),
                c.partnerId(), c.partnerName(), c.currency(), c.gross(), c.deductions(), c.total());
    }

    static final class Supplier implements ProcessorSupplier<String, Event, String, Event> {
        private final CommissionPolicy policy;

        Supplier(CommissionPolicy policy) {
            this.policy = policy;
        }

        @Override
        public Processor<String, Event, String, Event> get() {
            return new CommissionProcessor(policy);
        }

        @Override
        public Set<StoreBuilder<?>> stores() {
            return Set.of(StateStores.keyValue(CommissionTopology.COMMISSIONS_STORE, Commission.class),
                    StateStores.index(CommissionTopology.BY_PARTNER_STORE));
        }
    }
}
