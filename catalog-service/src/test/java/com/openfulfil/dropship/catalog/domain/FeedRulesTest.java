package com.openfulfil.dropship.catalog.domain;

import com.openfulfil.dropship.events.catalog.OfferFeedRow;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FeedRulesTest {

    private static OfferFeedRow row(String sku, String supplierSku, String cost, String currency, Integer stock) {
        return new OfferFeedRow("e", Instant.EPOCH, sku, "hanoi-crafts", supplierSku, null, null, null,
                cost == null ? null : new BigDecimal(cost), currency, stock, null, null, null, null, null, null);
    }

    @Test
    void onlySkuAndSupplierSkuAreRequired() {
        assertThat(FeedRules.check(row("MUG-001", "HC-1", null, null, null))).isEmpty();
        assertThat(FeedRules.check(row(null, " ", null, null, null)))
                .containsExactly(new RowProblem("sku", "is required"), new RowProblem("supplierSku", "is required"));
    }

    @Test
    void eachBadFieldIsNamed() {
        List<RowProblem> problems = FeedRules.check(row("MUG 001", "HC-1", "-1.00", "usd", -5));

        assertThat(problems).extracting(RowProblem::field).containsExactly("sku", "cost", "currency", "stock");
        assertThat(problems).contains(new RowProblem("cost", "must not be negative"));
    }

    @Test
    void anAmountNeedsItsCurrency() {
        assertThat(FeedRules.check(row("MUG-001", "HC-1", "4.20", null, null)))
                .containsExactly(new RowProblem("currency", "is required when the row has an amount"));
    }
}
