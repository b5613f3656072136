package com.openfulfil.dropship.catalog.feed;

import com.openfulfil.dropship.catalog.domain.FeedRules;
import com.openfulfil.dropship.catalog.domain.Product;
import com.openfulfil.dropship.catalog.domain.RowProblem;
import com.openfulfil.dropship.events.catalog.OfferFeedRow;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A product's customs data (R3.7) comes in a feed, JSON or CSV; a row without it leaves it alone. */
class CustomsFieldsTest {

    private static OfferFeedRow first(FeedFormat format, String text) {
        try (FeedRows feed = format.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
            return FeedRowReader.read(feed.next().fields(), "hanoi-crafts", "e", Instant.EPOCH).row();
        }
    }

    @Test
    void jsonAndCsvFeedsCarryTheHsCodeAndCountryOfOrigin() {
        OfferFeedRow json = first(FeedFormat.JSON, """
                [{"sku":"MUG-001","supplierSku":"HC-1","hsCode":"6912.00","countryOfOrigin":"VN"}]""");
        OfferFeedRow csv = first(FeedFormat.CSV, "Our SKU,Supplier SKU,HS code,Country of origin\nMUG-001,HC-1,6912.00,VN\n");

        assertThat(json.hsCode()).isEqualTo("6912.00");
        assertThat(json.countryOfOrigin()).isEqualTo("VN");
        assertThat(csv.hsCode()).isEqualTo("6912.00");
        assertThat(csv.countryOfOrigin()).isEqualTo("VN");
        assertThat(FeedRules.check(json)).isEmpty();
    }

    @Test
    void aPartialFeedLeavesTheCustomsDataAlone() {
        Product mug = Product.newProduct("MUG-001").apply(first(FeedFormat.JSON, """
                [{"sku":"MUG-001","supplierSku":"HC-1","hsCode":"6912.00","countryOfOrigin":"VN"}]"""));

        Product restocked = mug.apply(first(FeedFormat.CSV, "sku,supplierSku,stock\nMUG-001,HC-1,40\n"));

        assertThat(restocked.hsCode()).isEqualTo("6912.00");
        assertThat(restocked.countryOfOrigin()).isEqualTo("VN");
        assertThat(restocked.apply(first(FeedFormat.JSON, """
                [{"sku":"MUG-001","supplierSku":"HC-1","hsCode":"691200"}]""")).hsCode()).isEqualTo("691200");
    }

    @Test
    void aBadHsCodeOrCountryNamesItsField() {
        OfferFeedRow bad = first(FeedFormat.JSON, """
                [{"sku":"MUG-001","supplierSku":"HC-1","hsCode":"69A2","countryOfOrigin":"Vietnam"}]""");

        assertThat(FeedRules.check(bad)).extracting(RowProblem::field).containsExactly("hsCode", "countryOfOrigin");
    }
}
