package com.openfulfil.dropship.events;

import com.openfulfil.dropship.events.topics.Cleanup;
import com.openfulfil.dropship.events.topics.TopicSpec;
import com.openfulfil.dropship.events.topics.Topics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicsTest {
    @Test
    void namesAreUnique() {
        assertThat(Topics.all().stream().map(TopicSpec::name).distinct()).hasSameSizeAs(Topics.all());
    }

    @Test
    void orderKeyedTopicsShareOnePartitionCount() {
        assertThat(Topics.all().stream().filter(t -> t.key().equals("orderId")).map(TopicSpec::partitions).distinct())
                .containsExactly(Topics.PARTITIONS);
    }

    @Test
    void tablesAreCompacted() {
        assertThat(Topics.CATALOG_PRODUCTS.cleanup()).isEqualTo(Cleanup.COMPACT);
        assertThat(Topics.PARTNERS.configs()).containsEntry("cleanup.policy", "compact");
        assertThat(Topics.ORDERS_LIFECYCLE.configs()).containsEntry("retention.ms", "-1");
    }

    @Test
    void supplierTopicsMatchThePattern() {
        assertThat(Topics.supplierDispatch("hanoi-crafts").name()).isEqualTo("supplier.hanoi-crafts.dispatch");
        assertThat(Topics.SUPPLIER_UPDATES.matcher(Topics.supplierUpdates("hanoi-crafts").name()).matches()).isTrue();
        assertThat(Topics.SUPPLIER_UPDATES.matcher(Topics.supplierDispatch("hanoi-crafts").name()).matches()).isFalse();
        assertThatThrownBy(() -> Topics.supplierDispatch("../etc")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deadLetterTopicsNameTheTopicAndTheGroup() {
        assertThat(Topics.dlq("orders.placed", "catalog-service")).isEqualTo("orders.placed.catalog-service.dlq");
    }
}
