package com.openfulfil.dropship.gateway.domain;

import com.openfulfil.dropship.events.model.DispatchItem;
import com.openfulfil.dropship.events.model.ParcelItem;
import com.openfulfil.dropship.events.model.ReturnPayer;
import com.openfulfil.dropship.events.model.ReturnReason;
import com.openfulfil.dropship.events.model.SlaDeadline;
import com.openfulfil.dropship.events.supplier.ReturnAuthorised;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Payables per dispatch (R3.4): minor units per currency, the penalty once, nothing for what did not ship;
 * the return shipping a supplier pays (R5.2) deducted once, in the period of the authorisation.
 */
class SettlementTest {
    private static final Instant SENT = Instant.parse("2026-11-02T09:00:00Z");
    private static final LocalDate FROM = LocalDate.parse("2026-11-01");
    private static final LocalDate TO = LocalDate.parse("2026-11-30");

    private static DispatchItem item(int lineNo, int quantity, String cost, String shipping, String currency) {
        return new DispatchItem(lineNo, "SKU-" + lineNo, "S-" + lineNo, "Item " + lineNo, quantity,
                new BigDecimal(cost), new BigDecimal(shipping), currency);
    }

    private static LedgerEntry shipped(String dispatchId, Instant at, DispatchItem... items) {
        return LedgerEntry.sent("hanoi-crafts", dispatchId, "o-" + dispatchId, List.of(items), SENT,
                SENT.plusSeconds(48 * 3600)).shipped(at);
    }

    @Test
    void eachCurrencyIsRoundedToItsMinorUnitAndTotalledApart() {
        LedgerEntry mixed = shipped("d-1", SENT.plusSeconds(3600), item(1, 3, "45333", "10001", "VND"),
                item(2, 1, "4.205", "1.50", "USD"))
                .breached(SlaDeadline.ACCEPT, new BigDecimal("2.5"), false)
                .breached(SlaDeadline.SHIP, new BigDecimal("1"), false);

        Settlement settlement = Settlement.of("hanoi-crafts", FROM, TO, SENT, List.of(mixed));

        assertThat(settlement.lines()).extracting(Settlement.Line::currency, l -> l.goods().toPlainString(),
                l -> l.shipping().toPlainString(), l -> l.penaltyPercent().toPlainString(), l -> l.penalty().toPlainString(),
                l -> l.amount().toPlainString()).containsExactly(
                // 166002 × 2.5 % = 4150.05 → 4150 đồng; the higher of the two penalties, once
                tuple("USD", "4.21", "1.50", "2.5", "0.14", "5.57"),
                tuple("VND", "135999", "30003", "2.5", "4150", "161852"));
        assertThat(settlement.totals()).extracting(Settlement.Total::currency, Settlement.Total::dispatches)
                .containsExactly(tuple("USD", 1), tuple("VND", 1));
    }

    @Test
    void whatWasRefusedCancelledOrShippedOutsideThePeriodIsNotOwed() {
        LedgerEntry refused = LedgerEntry.sent("hanoi-crafts", "d-2", "o-2", List.of(item(1, 1, "5.00", "1.00", "USD")),
                SENT, SENT.plusSeconds(3600)).rejected(SENT.plusSeconds(60));
        LedgerEntry december = shipped("d-3", Instant.parse("2026-12-01T00:00:00Z"), item(1, 1, "5.00", "1.00", "USD"));
        LedgerEntry lastMinute = shipped("d-4", Instant.parse("2026-11-30T23:59:59Z"), item(1, 2, "5.00", "1.00", "USD"));

        Settlement settlement = Settlement.of("hanoi-crafts", FROM, TO, SENT, List.of(refused, december, lastMinute));

        assertThat(settlement.lines()).extracting(Settlement.Line::dispatchId).containsExactly("d-4");
        assertThat(settlement.totals()).singleElement().satisfies(t -> assertThat(t.amount()).isEqualByComparingTo("12.00"));
    }

    @Test
    void aReturnTheSupplierPaysIsDeductedOnceInThePeriodItWasAuthorised() {
        LedgerEntry shipped = shipped("d-5", SENT.plusSeconds(3600), item(1, 2, "5.00", "1.00", "USD"));
        ReturnAuthorised authorised = new ReturnAuthorised("ra-1", Instant.parse("2026-12-02T10:00:00Z"), "o-d-5",
                "d-5", "hanoi-crafts", "RMA-0A1B2C3D4E", ReturnReason.DAMAGED, List.of(new ParcelItem(1, "SKU-1", 2)),
                "Hanoi Crafts", null, ReturnPayer.SUPPLIER, new BigDecimal("6.5"), "USD");
        LedgerEntry charged = SupplierLedger.record(shipped, authorised, SlaTerms.DEFAULT).orElseThrow().entry();
        assertThat(SupplierLedger.record(charged, authorised, SlaTerms.DEFAULT)).as("a replay charges nothing more")
                .isEmpty();

        Settlement november = Settlement.of("hanoi-crafts", FROM, TO, SENT, List.of(charged));
        Settlement december = Settlement.of("hanoi-crafts", LocalDate.parse("2026-12-01"),
                LocalDate.parse("2026-12-31"), SENT, List.of(charged));

        assertThat(november.lines()).extracting(Settlement.Line::kind).containsExactly(Settlement.DISPATCH);
        assertThat(december.lines()).singleElement().satisfies(l -> {
            assertThat(l.kind()).isEqualTo(Settlement.RETURN);
            assertThat(l.rmaId()).isEqualTo("RMA-0A1B2C3D4E");
            assertThat(l.returnShipping().toPlainString()).isEqualTo("6.50");
            assertThat(l.amount().toPlainString()).isEqualTo("-6.50");
        });
        assertThat(december.totals()).singleElement().satisfies(t -> {
            assertThat(t.dispatches()).isZero();
            assertThat(t.returns()).isEqualTo(1);
            assertThat(t.amount()).isEqualByComparingTo("-6.50");
        });
    }

    @Test
    void aReturnTheCustomerPaysChargesTheSupplierNothing() {
        LedgerEntry shipped = shipped("d-6", SENT.plusSeconds(3600), item(1, 1, "5.00", "1.00", "USD"));
        ReturnAuthorised changedMind = new ReturnAuthorised("ra-2", SENT.plusSeconds(7200), "o-d-6", "d-6",
                "hanoi-crafts", "RMA-1A1B2C3D4E", ReturnReason.CHANGED_MIND, List.of(new ParcelItem(1, "SKU-1", 1)),
                "Hanoi Crafts", null, ReturnPayer.CUSTOMER, null, null);

        assertThat(SupplierLedger.record(shipped, changedMind, SlaTerms.DEFAULT)).isEmpty();
    }

    @Test
    void csvCellsAreQuotedAndCannotStartAFormula() {
        LedgerEntry odd = LedgerEntry.sent("hanoi-crafts", "=HYPERLINK(\"x\")", "o,1", List.of(item(1, 1, "1.00", "0", "USD")),
                SENT, SENT).shipped(SENT);

        String csv = Settlement.of("hanoi-crafts", FROM, TO, SENT, List.of(odd)).csv();

        assertThat(csv.split("\r\n")[1]).startsWith("line,\"'=HYPERLINK(\"\"x\"\")\",\"o,1\",");
    }
}
