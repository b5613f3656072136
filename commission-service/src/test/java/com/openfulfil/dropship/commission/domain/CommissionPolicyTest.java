package com.openfulfil.dropship.commission.domain;

import com.openfulfil.dropship.commission.domain.DeductionRule.Base;
import com.openfulfil.dropship.events.model.Deduction;
import com.openfulfil.dropship.events.model.OrderLine;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CommissionPolicyTest {
    private static final DeductionRule PIT = new DeductionRule("PIT", "Personal income tax (withheld)",
            new BigDecimal("0.10"), null, Base.GROSS);
    private static final DeductionRule PLATFORM = new DeductionRule("PLATFORM", "Platform fee",
            new BigDecimal("0.05"), Map.of("USD", new BigDecimal("0.20"), "VND", new BigDecimal("5000")), Base.REMAINING);
    private static final CommissionPolicy DEMO = new CommissionPolicy(List.of(PIT, PLATFORM));
    private static final CommissionPolicy NO_DEDUCTIONS = new CommissionPolicy(List.of());

    @Test
    void saleAtTheRetailPriceEarnsNothing() {
        Breakdown b = NO_DEDUCTIONS.compute("USD", List.of(line(3, "12.50", "12.50")));

        assertThat(b.gross()).isEqualByComparingTo("0").hasScaleOf(2);
        assertThat(b.total()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void saleAboveTheRetailPriceEarnsTheDifferenceTimesQuantity() {
        Breakdown b = NO_DEDUCTIONS.compute("USD", List.of(line(2, "12.50", "15.00")));

        assertThat(b.gross()).isEqualTo(new BigDecimal("5.00"));
        assertThat(b.total()).isEqualTo(new BigDecimal("5.00"));
        assertThat(b.deductions()).isEmpty();
    }

    @Test
    void mixedLinesAddUpAndALineBelowRetailCountsAsZero() {
        Breakdown b = NO_DEDUCTIONS.compute("USD", List.of(
                line(2, "12.50", "15.00"),   // 5.00
                line(1, "39.00", "39.00"),   // 0
                line(3, "18.00", "19.99"),   // 5.97
                line(1, "29.00", "20.00"))); // below retail: clamped to 0, not -9.00

        assertThat(b.gross()).isEqualTo(new BigDecimal("10.97"));
    }

    @Test
    void workedExampleWithTheDemoTaxAndFee() {
        Breakdown b = DEMO.compute("USD", List.of(line(2, "12.50", "15.00")));

        assertThat(b.gross()).isEqualTo(new BigDecimal("5.00"));
        assertThat(b.deductions()).extracting(Deduction::code, Deduction::amount).containsExactly(
                org.assertj.core.groups.Tuple.tuple("PIT", new BigDecimal("0.50")),
                org.assertj.core.groups.Tuple.tuple("PLATFORM", new BigDecimal("0.43")));
        assertThat(b.deductions().get(1).fixed()).isEqualByComparingTo("0.20");
        assertThat(b.deductions().get(0).fixed()).isNull();
        assertThat(b.total()).isEqualTo(new BigDecimal("4.07"));
    }

    @Test
    void grossBaseIgnoresEarlierDeductionsWhileRemainingBaseDoesNot() {
        DeductionRule tenOfGross = new DeductionRule("A", "a", new BigDecimal("0.10"), null, Base.GROSS);
        DeductionRule tenOfGrossAgain = new DeductionRule("B", "b", new BigDecimal("0.10"), null, Base.GROSS);
        DeductionRule tenOfRemaining = new DeductionRule("C", "c", new BigDecimal("0.10"), null, Base.REMAINING);

        Breakdown gross = new CommissionPolicy(List.of(tenOfGross, tenOfGrossAgain))
                .compute("USD", List.of(line(1, "10.00", "110.00")));
        Breakdown remaining = new CommissionPolicy(List.of(tenOfGross, tenOfRemaining))
                .compute("USD", List.of(line(1, "10.00", "110.00")));

        assertThat(gross.deductions()).extracting(Deduction::amount)
                .containsExactly(new BigDecimal("10.00"), new BigDecimal("10.00"));
        assertThat(gross.total()).isEqualTo(new BigDecimal("80.00"));
        assertThat(remaining.deductions()).extracting(Deduction::amount)
                .containsExactly(new BigDecimal("10.00"), new BigDecimal("9.00"));
        assertThat(remaining.total()).isEqualTo(new BigDecimal("81.00"));
    }

    @Test
    void usdAmountsRoundHalfUpToCents() {
        // 0.05 × 0.25 = 0.0125 → 0.01; 0.05 × 0.30 = 0.015 → 0.02 (half up, not half even)
        CommissionPolicy fivePercent = new CommissionPolicy(List.of(
                new DeductionRule("FEE", "fee", new BigDecimal("0.05"), null, Base.GROSS)));

        assertThat(fivePercent.compute("USD", List.of(line(1, "1.00", "1.25"))).deductions().get(0).amount())
                .isEqualTo(new BigDecimal("0.01"));
        assertThat(fivePercent.compute("USD", List.of(line(1, "1.00", "1.30"))).deductions().get(0).amount())
                .isEqualTo(new BigDecimal("0.02"));
    }

    @Test
    void vndAmountsRoundHalfUpToWholeDong() {
        // gross 150 000; PIT 15 000; PLATFORM 0.05 × 135 000 + 5 000 = 11 750; total 123 250
        Breakdown b = DEMO.compute("VND", List.of(line(2, "250000", "325000")));

        assertThat(b.gross()).isEqualTo(new BigDecimal("150000"));
        assertThat(b.deductions()).extracting(Deduction::amount)
                .containsExactly(new BigDecimal("15000"), new BigDecimal("11750"));
        assertThat(b.total()).isEqualTo(new BigDecimal("123250"));

        // 0.10 × 12 345 = 1 234.5 → 1 235
        Breakdown odd = DEMO.compute("VND", List.of(line(1, "100000", "112345")));
        assertThat(odd.deductions().get(0).amount()).isEqualTo(new BigDecimal("1235"));
        assertThat(odd.gross().scale()).isZero();
    }

    @Test
    void aFixedFeeIsOnlyChargedInACurrencyItIsConfiguredFor() {
        Breakdown eur = DEMO.compute("EUR", List.of(line(2, "12.50", "15.00")));

        assertThat(eur.deductions().get(1).fixed()).isNull();
        assertThat(eur.deductions().get(1).amount()).isEqualTo(new BigDecimal("0.23")); // 0.05 × 4.50 = 0.225
        assertThat(eur.total()).isEqualTo(new BigDecimal("4.27"));
    }

    @Test
    void deductionsNeverTakeMoreThanRemainsSoTheTotalNeverGoesBelowZero() {
        // gross 0.10: PIT 0.01, PLATFORM would be 0.0045 + 0.20 but only 0.09 is left
        Breakdown small = DEMO.compute("USD", List.of(line(1, "12.50", "12.60")));

        assertThat(small.deductions()).extracting(Deduction::amount)
                .containsExactly(new BigDecimal("0.01"), new BigDecimal("0.09"));
        assertThat(small.total()).isEqualTo(new BigDecimal("0.00"));

        Breakdown none = DEMO.compute("USD", List.of(line(1, "12.50", "12.50")));
        assertThat(none.deductions()).extracting(Deduction::amount)
                .containsExactly(new BigDecimal("0.00"), new BigDecimal("0.00"));
        assertThat(none.total()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void currencyCodesOfFixedAmountsAreMatchedWhateverTheirCase() {
        DeductionRule lower = new DeductionRule("FEE", null, null, Map.of("usd", new BigDecimal("1.00")), null);

        assertThat(lower.base()).isEqualTo(Base.GROSS);
        assertThat(lower.label()).isEqualTo("FEE");
        assertThat(new CommissionPolicy(List.of(lower)).compute("USD", List.of(line(1, "1.00", "3.00"))).total())
                .isEqualTo(new BigDecimal("1.00"));
    }

    private static OrderLine line(int quantity, String retail, String sale) {
        return new OrderLine(1, "SKU", "Product", quantity, new BigDecimal(retail), new BigDecimal(sale));
    }
}
