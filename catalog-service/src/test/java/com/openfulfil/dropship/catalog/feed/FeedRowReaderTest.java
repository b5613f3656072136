package com.openfulfil.dropship.catalog.feed;

import com.openfulfil.dropship.catalog.domain.FeedRules;
import com.openfulfil.dropship.catalog.domain.RowProblem;
import com.openfulfil.dropship.events.model.Priority;
import com.openfulfil.dropship.events.serde.Json;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A row's fields are read and checked one by one, so one bad field names itself and refuses only its row. */
class FeedRowReaderTest {

    private static List<String> problems(String json) {
        FeedRowReader.Read read = FeedRowReader.read(Json.mapper().readTree(json), "hanoi-crafts", "e", Instant.EPOCH);
        List<RowProblem> all = new ArrayList<>(read.problems());
        if (read.row() != null) {
            all.addAll(FeedRules.check(read.row()));
        }
        return all.stream().map(p -> p.field() + ": " + p.reason()).toList();
    }

    @Test
    void readsShippingOptionsAndTheLowStockThreshold() {
        var read = FeedRowReader.read(Json.mapper().readTree("""
                {"sku":"LAMP-010","supplierSku":"SZ-L","currency":"USD","lowStockThreshold":"25",
                 "shippingOptions":[{"service":"standard","cost":"3.00","days":6},{"service":"EXPEDITED","cost":4,"days":"2","carrier":"DHL"}]}"""),
                "shenzhen-gadgets", "e", Instant.EPOCH);
        assertThat(read.problems()).isEmpty();
        assertThat(read.row().lowStockThreshold()).isEqualTo(25);
        assertThat(read.row().shippingOptions()).extracting(o -> o.service()).containsExactly(Priority.STANDARD, Priority.EXPEDITED);
        assertThat(read.row().shippingOptions().get(1).carrier()).isEqualTo("DHL");
    }

    @Test
    void namesEachBadShippingOptionField() {
        assertThat(problems("""
                {"sku":"A","supplierSku":"B","currency":"USD","shippingOptions":[{"service":"OVERNIGHT","cost":"1"},
                 {"service":"STANDARD","cost":"-2"},{"service":"EXPEDITED"},{"service":"STANDARD","cost":"x"}]}"""))
                .contains("shippingOptions[0].service: must be STANDARD or EXPEDITED",
                        "shippingOptions[1].cost: must not be negative",
                        "shippingOptions[2].cost: is required",
                        "shippingOptions[3].cost: must be a decimal amount such as \"4.20\"");
    }

    @Test
    void eachServiceOnceAndAmountsNeedTheirCurrency() {
        assertThat(problems("""
                {"sku":"A","supplierSku":"B","shippingOptions":[{"service":"STANDARD","cost":"1"},{"service":"STANDARD","cost":"2"}]}"""))
                .contains("shippingOptions: must list each service (STANDARD, EXPEDITED) once",
                        "currency: is required when the row has an amount");
    }

    @Test
    void aNegativeThresholdIsRefused() {
        assertThat(problems("{\"sku\":\"A\",\"supplierSku\":\"B\",\"lowStockThreshold\":-1}"))
                .containsExactly("lowStockThreshold: must not be negative");
    }
}
