package com.openfulfil.dropship.supplierportal.domain;

import com.openfulfil.dropship.events.model.SlaDeadline;
import com.openfulfil.dropship.events.supplier.ParcelsShipped;
import com.openfulfil.dropship.events.supplier.SlaBreached;
import com.openfulfil.dropship.events.supplier.SupplierAccepted;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SlaClockTest {
    private static final Instant SENT = Dispatches.SENT;
    private final PortalDispatch fresh = Dispatches.newDispatch("dsp-1");
    private final PortalDispatch accepted = fresh.on(new SupplierAccepted("a", SENT.plusSeconds(600), "ord-dsp-1",
            "dsp-1", Dispatches.SUPPLIER));

    @Test
    void aNewDispatchRunsAgainstTheAcceptDeadline() {
        SlaClock clock = SlaClock.of(fresh, SlaTerms.STANDARD, SENT.plus(Duration.ofMinutes(50))).orElseThrow();
        assertThat(clock.deadline()).isEqualTo(SlaDeadline.ACCEPT);
        assertThat(clock.due()).isEqualTo(SENT.plus(Duration.ofHours(24)));
        assertThat(clock.isOverdue()).isFalse();
        assertThat(clock.describe()).isEqualTo("to accept: 23 h 10 min left");
        assertThat(Tab.of(fresh, SlaTerms.STANDARD, SENT.plus(Duration.ofMinutes(50)))).isEqualTo(Tab.NEW);
    }

    @Test
    void anAcceptedDispatchRunsAgainstTheShipDeadlineAndIsOverdueOnceItPasses() {
        Instant late = SENT.plus(Duration.ofHours(50)).plus(Duration.ofMinutes(5));
        SlaClock clock = SlaClock.of(accepted, SlaTerms.STANDARD, late).orElseThrow();
        assertThat(clock.deadline()).isEqualTo(SlaDeadline.SHIP);
        assertThat(clock.isOverdue()).isTrue();
        assertThat(clock.describe()).isEqualTo("to ship: overdue by 2 h 5 min");
        assertThat(Tab.of(accepted, SlaTerms.STANDARD, late)).isEqualTo(Tab.OVERDUE);
        assertThat(Tab.of(accepted, SlaTerms.STANDARD, SENT.plus(Duration.ofHours(3)))).isEqualTo(Tab.ACCEPTED);
    }

    @Test
    void theTermsArePerSupplier() {
        SlaTerms quick = new SlaTerms(Duration.ofHours(4), Duration.ofHours(12));
        SlaClock clock = SlaClock.of(fresh, quick, SENT.plus(Duration.ofDays(3))).orElseThrow();
        assertThat(clock.due()).isEqualTo(SENT.plus(Duration.ofHours(4)));
        assertThat(clock.describe()).isEqualTo("to accept: overdue by 2 d 20 h");
        assertThat(SlaClock.of(accepted, quick, SENT).orElseThrow().describe()).isEqualTo("to ship: 12 h 0 min left");
    }

    @Test
    void aBreachTheGatewayRecordedMakesTheDispatchOverdueWhateverTheClockSays() {
        PortalDispatch breached = fresh.on(new SlaBreached("b", SENT, "ord-dsp-1", "dsp-1", Dispatches.SUPPLIER,
                SlaDeadline.ACCEPT, SENT.plus(Duration.ofHours(1)), SlaBreached.Action.ESCALATED, new BigDecimal("5")));
        assertThat(Tab.of(breached, SlaTerms.STANDARD, SENT.plusSeconds(60))).isEqualTo(Tab.OVERDUE);
        assertThat(breached.breaches()).hasSize(1);
        assertThat(breached.on(new SlaBreached("b", SENT, "ord-dsp-1", "dsp-1", Dispatches.SUPPLIER,
                SlaDeadline.ACCEPT, SENT.plus(Duration.ofHours(1)), SlaBreached.Action.ESCALATED, BigDecimal.ONE)))
                .isEqualTo(breached);
    }

    @Test
    void aShippedDispatchHasNoClock() {
        PortalDispatch shipped = accepted.on(new ParcelsShipped("s", SENT.plusSeconds(900), "ord-dsp-1", "dsp-1",
                Dispatches.SUPPLIER, "COLISSIMO", List.of("6A1", "6A2")));
        assertThat(SlaClock.of(shipped, SlaTerms.STANDARD, SENT.plus(Duration.ofDays(9)))).isEmpty();
        assertThat(Tab.of(shipped, SlaTerms.STANDARD, SENT.plus(Duration.ofDays(9)))).isEqualTo(Tab.SHIPPED);
        assertThat(SlaClock.span(Duration.ofSeconds(20))).isEqualTo("less than a minute");
    }
}
