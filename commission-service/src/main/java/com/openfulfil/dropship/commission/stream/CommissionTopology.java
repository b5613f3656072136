package com.openfulfil.dropship.commission.stream;

import com.openfulfil.dropship.commission.domain.CommissionPolicy;
import com.openfulfil.dropship.events.Event;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.KStream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.function.Function;

/**
 * commission-service's stream: order lifecycle events and payout requests in (both keyed by
 * orderId, so one task owns an order's commission), ledger entries out on {@code commissions.ledger}.
 * The partner registry is a global table so the partner's current name is at hand in every task;
 * partners' sealed payout details are one too, for the API.
 */
@Configuration
public class CommissionTopology {
    /** The global store of the {@code partners} topic (binding {@code commission-in-1}, materializedAs). */
    public static final String PARTNERS_STORE = "partners";
    /** The global store of {@code commissions.payout-details} (binding {@code commission-in-3}): sealed, by partnerId. */
    public static final String PAYOUT_DETAILS_STORE = "payout-details";
    /** Commissions by orderId: what was earned, clawed back and paid on each order. */
    public static final String COMMISSIONS_STORE = "commissions";
    /** The orderIds of each partner's commissions, keyed {@code partnerId/orderId}, for the partner's own list. */
    public static final String BY_PARTNER_STORE = "commissions-by-partner";

    @Bean
    public Function<KStream<String, Event>, Function<GlobalKTable<String, Event>, Function<KStream<String, Event>,
            Function<GlobalKTable<String, Event>, KStream<String, Event>>>>> commission(CommissionPolicy policy) {
        return lifecycle -> partners -> payouts -> payoutDetails -> build(lifecycle, payouts, policy);
    }

    /**
     * The partners table is only read through its store, which every processor can see; the payout
     * details table only by the API, so every instance can answer for any partner.
     */
    public static KStream<String, Event> build(KStream<String, Event> lifecycle, KStream<String, Event> payouts,
                                               CommissionPolicy policy) {
        return lifecycle.merge(payouts).process(new CommissionProcessor.Supplier(policy));
    }

    /** partnerId never contains '/', so a range from {@code partnerId/} finds exactly that partner's orders. */
    public static String byPartnerKey(String partnerId, String orderId) {
        return partnerId + "/" + orderId;
    }
}
