package com.openfulfil.dropship.commission.stream;

import com.openfulfil.dropship.commission.domain.Breakdown;
import com.openfulfil.dropship.commission.domain.Commission;
import com.openfulfil.dropship.commission.domain.CommissionPolicy;
import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.model.OrderDetails;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.partner.CommissionEarned;
import com.openfulfil.dropship.events.partner.PartnerUpdated;
import com.openfulfil.dropship.events.serde.JsonSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.ValueAndTimestamp;

import java.time.Instant;
import java.util.Set;

/**
 * Pays a partner once per order: on the first {@code COMPLETED} of a partner order it computes the
 * commission, keeps it under the orderId and emits {@code CommissionEarned} keyed by partnerId.
 * Everything else, and any later COMPLETED or replay of the same order, changes nothing.
 */
class CommissionProcessor implements Processor<String, Event, String, Event> {
    private final CommissionPolicy policy;
    private ProcessorContext<String, Event> context;
    private KeyValueStore<String, Commission> commissions;
    // a global table's store: values arrive as ValueAndTimestamp<Event> or Event depending on its store type
    private KeyValueStore<String, Object> partners;

    CommissionProcessor(CommissionPolicy policy) {
        this.policy = policy;
    }

    @Override
    public void init(ProcessorContext<String, Event> context) {
        this.context = context;
        this.commissions = context.getStateStore(CommissionTopology.COMMISSIONS_STORE);
        this.partners = context.getStateStore(CommissionTopology.PARTNERS_STORE);
    }

    @Override
    public void process(Record<String, Event> record) {
        if (record.value() instanceof OrderStatusChanged changed && isPartnerCompletion(changed)
                && commissions.get(changed.orderId()) == null) {
            earn(record, changed);
        }
    }

    private void earn(Record<String, Event> record, OrderStatusChanged changed) {
        OrderDetails order = changed.order();
        String partnerId = order.source().partnerId();
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        Breakdown breakdown = policy.compute(order.currency(), order.lines());
        Commission commission = Commission.earned(changed.orderId(), partnerId,
                partnerName(partnerId, order.source().partnerName()), breakdown, now);
        commissions.put(changed.orderId(), commission);
        context.forward(new Record<>(partnerId, earnedEvent(changed.eventId(), commission), record.timestamp(),
                record.headers()));
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
            return Set.of(Stores.keyValueStoreBuilder(
                    Stores.persistentKeyValueStore(CommissionTopology.COMMISSIONS_STORE),
                    Serdes.String(), JsonSerde.of(Commission.class)));
        }
    }
}
