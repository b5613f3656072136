package com.openfulfil.dropship.gateway.config;

import com.openfulfil.dropship.events.topics.TopicSpec;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.kafka.ServiceTopics;
import com.openfulfil.dropship.events.model.Address;
import com.openfulfil.dropship.gateway.domain.ReturnTerms;
import com.openfulfil.dropship.gateway.domain.SlaTerms;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

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
                Topics.FULFILMENT_COMMANDS.name(), Topics.FULFILMENT_BY_SUPPLIER.name(), "supplier.hanoi-crafts.updates",
                "supplier.lyon-linen.updates");
    }

    /** A topic the stream reads without its dead-letter topic would stall the stream on its first bad message. */
    @Test
    void everyTopicTheDispatchStreamIsBoundToHasItsDeadLetterTopic() throws Exception {
        Map<String, Object> yaml;
        try (InputStream in = getClass().getResourceAsStream("/application.yml")) {
            yaml = new Yaml().load(in);
        }
        String destinations = (String) path(yaml, "spring", "cloud", "stream", "bindings", "dispatch-in-0",
                "destination");
        ServiceTopics topics = GatewayTopics.of(new GatewayProperties(BRANDING, List.of(supplier("hanoi-crafts", null))),
                "supplier-gateway");

        assertThat(topics.consumed()).containsAll(List.of(destinations.split(",")));
    }

    @Test
    void aSuppliersReturnAddressAndReturnShippingComeFromTheEnvironmentAndTheNameDefaultsToTheSuppliers() {
        SystemEnvironmentPropertySource env = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                "DROPSHIP_GATEWAY_SUPPLIERS_0_ID", "hanoi-crafts",
                "DROPSHIP_GATEWAY_SUPPLIERS_0_NAME", "Hanoi Crafts",
                "DROPSHIP_GATEWAY_SUPPLIERS_0_RETURNS_ADDRESS_LINE1", "12 Hang Gai",
                "DROPSHIP_GATEWAY_SUPPLIERS_0_RETURNS_ADDRESS_CITY", "Hanoi",
                "DROPSHIP_GATEWAY_SUPPLIERS_0_RETURNS_ADDRESS_POSTALCODE", "100000",
                "DROPSHIP_GATEWAY_SUPPLIERS_0_RETURNS_ADDRESS_COUNTRY", "VN",
                "DROPSHIP_GATEWAY_SUPPLIERS_0_RETURNS_SHIPPING_USD", "6.50",
                "DROPSHIP_GATEWAY_SUPPLIERS_1_ID", "lyon-linen"));

        GatewayProperties properties = new Binder(ConfigurationPropertySources.from(env))
                .bind("dropship.gateway", GatewayProperties.class).get();

        ReturnTerms hanoi = properties.returnTerms().get("hanoi-crafts");
        assertThat(hanoi.returnTo()).isEqualTo("Hanoi Crafts");
        assertThat(hanoi.address()).isEqualTo(new Address("12 Hang Gai", null, "Hanoi", null, "100000", "VN"));
        assertThat(hanoi.shippingCost()).containsOnlyKeys("USD");
        assertThat(hanoi.shippingCost().get("USD")).isEqualByComparingTo("6.50");
        assertThat(properties.returnTerms().get("lyon-linen").address()).as("none configured").isNull();
        assertThatThrownBy(() -> new GatewayProperties.Returns(null, null, Map.of("USD", new BigDecimal("-1"))))
                .hasMessageContaining("returns.shipping.USD");
    }

    @SuppressWarnings("unchecked")
    private static Object path(Map<String, Object> yaml, String... keys) {
        Object node = yaml;
        for (String key : keys) {
            node = ((Map<String, Object>) node).get(key);
        }
        return node;
    }

    @Test
    void aSupplierIdThatCannotNameATopicOrIsRepeatedStopsTheService() {
        assertThatThrownBy(() -> new GatewayProperties(BRANDING, List.of(supplier("Hanoi Crafts", null))))
                .hasMessageContaining("Hanoi Crafts");
        assertThatThrownBy(() -> new GatewayProperties(BRANDING, List.of(supplier("a", null), supplier("a", null))))
                .hasMessageContaining("repeated");
    }

    @Test
    void serviceLevelsBindFromConfigurationWithTheR35DefaultsAndABadPenaltyStopsTheService() {
        GatewayProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                "dropship.gateway.suppliers[0].id", "hanoi-crafts",
                "dropship.gateway.suppliers[1].id", "lyon-linen",
                "dropship.gateway.suppliers[1].sla.ship-within", "72h",
                "dropship.gateway.suppliers[1].sla.policy", "reroute",
                "dropship.gateway.suppliers[1].sla.penalty-percent", "7.5")))
                .bind("dropship.gateway", GatewayProperties.class).get();

        assertThat(properties.slaTerms()).containsEntry("hanoi-crafts", SlaTerms.DEFAULT)
                .containsEntry("lyon-linen", new SlaTerms(Duration.ofHours(24), Duration.ofHours(72),
                        SlaTerms.Policy.REROUTE, new BigDecimal("7.5")));
        assertThatThrownBy(() -> new GatewayProperties.Sla(null, null, null, new BigDecimal("120")))
                .hasMessageContaining("penalty-percent");
    }

    @Test
    void theAdminKeyIsConfiguredByItsHashAndTheKeyInClearStopsTheService() {
        GatewayProperties hashed = new Binder(new MapConfigurationPropertySource(Map.of(
                "dropship.gateway.admin-key-sha256", "28efda03c12f3224502fba1e0e4c67c14e3294a8ac38ef10b8cc9d1a8a329876")))
                .bind("dropship.gateway", GatewayProperties.class).get();
        assertThat(hashed.adminKeySha256()).startsWith("28efda03");

        assertThatThrownBy(() -> new Binder(new MapConfigurationPropertySource(Map.of(
                "dropship.gateway.admin-key", "ok_live_in_clear"))).bind("dropship.gateway", GatewayProperties.class))
                .rootCause().hasMessageContaining("dropship.gateway.admin-key-sha256")
                .hasMessageContaining("DROPSHIP_GATEWAY_ADMIN_KEY_SHA256").hasMessageNotContaining("ok_live_in_clear");
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
