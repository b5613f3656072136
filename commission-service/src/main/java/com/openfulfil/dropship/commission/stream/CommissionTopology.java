package com.openfulfil.dropship.commission.stream;

import com.openfulfil.dropship.commission.domain.CommissionPolicy;
import com.openfulfil.dropship.events.Event;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.KStream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.function.Function;

/**
 * commission-service's stream: order lifecycle events in, one {@code CommissionEarned} per
 * completed partner order out on {@code commissions.ledger}. The partner registry is a global
 * table so the partner's current name is at hand in every task.
 */
@Configuration
public class CommissionTopology {
    /** The global store of the {@code partners} topic (binding {@code commission-in-1}, materializedAs). */
    public static final String PARTNERS_STORE = "partners";
    /** Commissions by orderId: what was earned, and the record that an order was already paid for. */
    public static final String COMMISSIONS_STORE = "commissions";

    @Bean
    public Function<KStream<String, Event>, Function<GlobalKTable<String, Event>, KStream<String, Event>>> commission(
            CommissionPolicy policy) {
        return lifecycle -> partners -> build(lifecycle, policy);
    }

    /** The partners table is only read through its store, which every processor can see. */
    public static KStream<String, Event> build(KStream<String, Event> lifecycle, CommissionPolicy policy) {
        return lifecycle.process(new CommissionProcessor.Supplier(policy));
    }
}
