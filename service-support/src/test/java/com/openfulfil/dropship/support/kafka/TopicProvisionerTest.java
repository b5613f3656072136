package com.openfulfil.dropship.support.kafka;

import com.openfulfil.dropship.events.topics.TopicSpec;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.config.DropshipProperties;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TopicProvisionerTest {
    private final List<ServiceTopics> gateway = List.of(new ServiceTopics("supplier-gateway",
            List.of(Topics.supplierDispatch("hanoi-crafts")), List.of(Topics.ORDER_ALLOCATIONS.name())));

    @Test
    void onItsOwnAServiceCreatesEveryTopicItNeeds() {
        var wanted = new TopicProvisioner(null, settings(true), gateway).wanted();
        assertThat(wanted.keySet()).containsAll(Topics.all().stream().map(TopicSpec::name).toList())
                .contains("supplier.hanoi-crafts.dispatch", "orders.allocations.supplier-gateway.dlq");
        assertThat(wanted.get("orders.placed").replicationFactor()).isEqualTo((short) 3);
        assertThat(wanted.get("orders.placed").configs()).containsEntry("min.insync.replicas", "2");
    }

    @Test
    void whereThePlatformOwnsTheTopicsAServiceCreatesOnlyItsDeadLetterTopics() {
        var wanted = new TopicProvisioner(null, settings(false), gateway).wanted();
        assertThat(wanted.keySet()).containsExactly("orders.allocations.supplier-gateway.dlq");
    }

    private static DropshipProperties.Topics settings(boolean provisionRegistry) {
        return new DropshipProperties.Topics(0, (short) 3, 2, true, Duration.ofSeconds(60), provisionRegistry);
    }
}
