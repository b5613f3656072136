package com.openfulfil.dropship.commission.stream;

import com.openfulfil.dropship.commission.domain.Commission;
import com.openfulfil.dropship.commission.domain.CommissionPolicy;
import com.openfulfil.dropship.commission.domain.DeductionRule;
import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.fixtures.OrderFixtures;
import com.openfulfil.dropship.events.model.OrderDetails;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.testing.TopologyHarness;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The commission stream on TopologyTestDriver, wired as the binder wires it, with the demo tax and fee. */
final class CommissionHarness {
    static final CommissionPolicy DEMO_POLICY = new CommissionPolicy(List.of(
            new DeductionRule("PIT", "Personal income tax (withheld)", new BigDecimal("0.10"), null,
                    DeductionRule.Base.GROSS),
            new DeductionRule("PLATFORM", "Platform fee", new BigDecimal("0.05"),
                    Map.of("USD", new BigDecimal("0.20"), "VND", new BigDecimal("5000")), DeductionRule.Base.REMAINING)));

    private CommissionHarness() {
    }

    /** Everything the stream wrote to the commissions ledger since the last read. */
    static List<Event> ledger(TopologyHarness harness) {
        return harness.read(Topics.COMMISSIONS_LEDGER).stream().map(kv -> kv.value).toList();
    }

    static Commission commission(TopologyHarness harness, String orderId) {
        return harness.<Commission>store(CommissionTopology.COMMISSIONS_STORE).get(orderId);
    }

    /** A partner's order in USD: two mugs at 12.50 each, retail 15.00. */
    static OrderDetails usdOrder(String orderId) {
        return OrderFixtures.anOrder().withOrderId(orderId).withPartner("partner-lan", "Nguyễn Thị Lan")
                .withLine("MUG-001", 2, "12.50", "15.00").details();
    }

    /** Lifecycle and payout-request streams, the partners global table materialized as "partners". */
    static TopologyHarness withDemoPolicy() {
        return TopologyHarness.of(builder -> {
            KStream<String, Event> lifecycle = builder.stream(Topics.ORDERS_LIFECYCLE.name());
            GlobalKTable<String, Event> partners = builder.globalTable(Topics.PARTNERS.name(),
                    Materialized.as(CommissionTopology.PARTNERS_STORE));
            KStream<String, Event> payouts = builder.stream(Topics.PAYOUT_REQUESTS.name());
            GlobalKTable<String, Event> payoutDetails = builder.globalTable(Topics.PAYOUT_DETAILS.name(),
                    Materialized.as(CommissionTopology.PAYOUT_DETAILS_STORE));
            new CommissionTopology().commission(DEMO_POLICY).apply(lifecycle).apply(partners).apply(payouts)
                    .apply(payoutDetails)
                    .to(Topics.COMMISSIONS_LEDGER.name());
        });
    }
}
