package com.openfulfil.dropship.commission.stream;

import com.openfulfil.dropship.commission.domain.Commission;
import com.openfulfil.dropship.commission.domain.CommissionState;
import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.fixtures.OrderFixtures;
import com.openfulfil.dropship.events.model.OrderDetails;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.model.PartnerStatus;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.partner.CommissionEarned;
import com.openfulfil.dropship.events.partner.PartnerUpdated;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.testing.TopologyHarness;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CommissionTopologyTest {
    private final TopologyHarness harness = CommissionHarness.withDemoPolicy();

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void aCompletedPartnerOrderEarnsOneCommissionKeyedByPartner() {
        harness.pipe(Topics.PARTNERS, "partner-lan", new PartnerUpdated("p-1", Instant.EPOCH, "partner-lan",
                "Nguyễn Thị Lan (registry)", "lan@example.vn", PartnerStatus.GRANTED, "hash"));

        harness.pipe(Topics.ORDERS_LIFECYCLE, completed("evt-c1", "o-1"));

        List<KeyValue<String, Event>> out = harness.read(Topics.COMMISSIONS_LEDGER);
        assertThat(out).hasSize(1);
        assertThat(out.get(0).key).isEqualTo("partner-lan");
        CommissionEarned earned = (CommissionEarned) out.get(0).value;
        assertThat(earned.orderId()).isEqualTo("o-1");
        assertThat(earned.partnerName()).isEqualTo("Nguyễn Thị Lan (registry)");
        assertThat(earned.currency()).isEqualTo("USD");
        assertThat(earned.gross()).isEqualTo(new BigDecimal("5.00"));
        assertThat(earned.deductions()).hasSize(2);
        assertThat(earned.total()).isEqualTo(new BigDecimal("4.07"));
        assertThat(earned.occurredAt()).isEqualTo(harness.now());

        Commission stored = harness.<Commission>store(CommissionTopology.COMMISSIONS_STORE).get("o-1");
        assertThat(stored.state(harness.now(), Duration.ofDays(14))).isEqualTo(CommissionState.PENDING);
        assertThat(stored.total()).isEqualTo(new BigDecimal("4.07"));
        assertThat(harness.<String>store(CommissionTopology.BY_PARTNER_STORE).get("partner-lan/o-1")).isEqualTo("o-1");
    }

    @Test
    void withoutARegistryEntryThePartnerNameComesFromTheOrder() {
        harness.pipe(Topics.ORDERS_LIFECYCLE, completed("evt-c1", "o-2"));

        assertThat(harness.readValues(Topics.COMMISSIONS_LEDGER, CommissionEarned.class))
                .extracting(CommissionEarned::partnerName).containsExactly("Nguyễn Thị Lan");
    }

    @Test
    void aReplayOrASecondCompletionEarnsNothingMore() {
        OrderStatusChanged first = completed("evt-c1", "o-3");
        harness.pipe(Topics.ORDERS_LIFECYCLE, first);
        harness.pipe(Topics.ORDERS_LIFECYCLE, first);
        harness.pipe(Topics.ORDERS_LIFECYCLE, completed("evt-c2", "o-3"));

        List<CommissionEarned> earned = harness.readValues(Topics.COMMISSIONS_LEDGER, CommissionEarned.class);
        assertThat(earned).hasSize(1);
        assertThat(earned.get(0).eventId()).isEqualTo(EventIds.derived("evt-c1",
                "commission-earned"));
    }

    @Test
    void storefrontOrdersAndOtherTransitionsEarnNothing() {
        OrderDetails storefront = OrderFixtures.anOrder().withOrderId("o-4").withLine("MUG-001", 2, "12.50").details();
        harness.pipe(Topics.ORDERS_LIFECYCLE, new OrderStatusChanged("evt-s", Instant.EPOCH, "o-4",
                OrderStatus.DELIVERED, OrderStatus.COMPLETED, "confirmed", storefront));
        harness.pipe(Topics.ORDERS_LIFECYCLE, new OrderStatusChanged("evt-d", Instant.EPOCH, "o-5",
                OrderStatus.IN_TRANSIT, OrderStatus.DELIVERED, "delivered", partnerOrder("o-5")));

        assertThat(harness.read(Topics.COMMISSIONS_LEDGER)).isEmpty();
        assertThat(harness.<Commission>store(CommissionTopology.COMMISSIONS_STORE).get("o-4")).isNull();
        assertThat(harness.<Commission>store(CommissionTopology.COMMISSIONS_STORE).get("o-5")).isNull();
    }

    private static OrderDetails partnerOrder(String orderId) {
        return OrderFixtures.anOrder().withOrderId(orderId).withPartner("partner-lan", "Nguyễn Thị Lan")
                .withLine("MUG-001", 2, "12.50", "15.00").details();
    }

    private static OrderStatusChanged completed(String eventId, String orderId) {
        return new OrderStatusChanged(eventId, Instant.EPOCH, orderId, OrderStatus.DELIVERED, OrderStatus.COMPLETED,
                "receipt confirmed", partnerOrder(orderId));
    }
}
