package com.openfulfil.dropship.local.sim;

import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class SupplierSimulatorTopicsTest {

    @Test
    void readsEverySuppliersDispatchTopicButThoseOfSuppliersOverHttp() {
        Pattern topics = SupplierSimulator.dispatchTopics(Set.of("lyon-linen"));

        assertThat(topics.matcher("supplier.hanoi-crafts.dispatch").matches()).isTrue();
        assertThat(topics.matcher("supplier.lyon-linen-east.dispatch").matches()).isTrue();
        assertThat(topics.matcher("supplier.lyon-linen.dispatch").matches()).isFalse();
        assertThat(topics.matcher("supplier.hanoi-crafts.updates").matches()).isFalse();
        assertThat(topics.matcher("supplier.hanoi-crafts.dispatch.supplier-gateway.dlq").matches()).isFalse();
        assertThat(SupplierSimulator.DISPATCH_TOPICS.matcher("supplier.lyon-linen.dispatch").matches()).isTrue();
    }
}
