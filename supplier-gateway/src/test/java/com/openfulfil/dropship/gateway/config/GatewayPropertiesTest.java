package com.openfulfil.dropship.gateway.config;

import com.openfulfil.dropship.events.topics.TopicSpec;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.kafka.ServiceTopics;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GatewayPropertiesTest {
    private static final GatewayProperties.Branding BRANDING = new GatewayProperties.Branding("Acme Home", true, "Thanks");

    @Test
    void eachSupplierGetsItsDispatchAndUpdatesTopicAndEveryConsumedTopicIsListedForItsDeadLetters() {
        GatewayProperties properties = new GatewayProperties(BRANDING, List.of(supplier("hanoi-crafts", null),
                supplier("lyon-linen", "s")));

        ServiceTopics topics = GatewayTopics.of(properties, "supplier-gateway");

        assertThat(topics.group()).isEqualTo("supplier-gateway");
        assertThat(topics.extra()).extracting(TopicSpec::name).containsExactly(
                "supplier.hanoi-crafts.dispatch", "supplier.hanoi-crafts.updates",
                "supplier.lyon-linen.dispatch", "supplier.lyon-linen.updates");
        assertThat(topics.consumed()).containsExactly(Topics.ORDER_ALLOCATIONS.name(), Topics.ORDERS_LIFECYCLE.name(),
                "supplier.hanoi-crafts.updates", "supplier.lyon-linen.updates");
    }

    @Test
    void aSupplierIdThatCannotNameATopicOrIsRepeatedStopsTheService() {
        assertThatThrownBy(() -> new GatewayProperties(BRANDING, List.of(supplier("Hanoi Crafts", null))))
                .hasMessageContaining("Hanoi Crafts");
        assertThatThrownBy(() -> new GatewayProperties(BRANDING, List.of(supplier("a", null), supplier("a", null))))
                .hasMessageContaining("repeated");
    }

    @Test
    void aBlankSecretMeansTheSupplierCannotSignAndIsNeverPrinted() {
        assertThat(supplier("a", " ").signingSecret()).isEmpty();
        assertThat(supplier("a", "ss_x").signingSecret()).contains("ss_x");
        assertThat(supplier("a", "ss_x").toString()).doesNotContain("ss_x");
    }

    private static GatewayProperties.Supplier supplier(String id, String secret) {
        return new GatewayProperties.Supplier(id, id, GatewayProperties.Transport.KAFKA, secret);
    }
}
