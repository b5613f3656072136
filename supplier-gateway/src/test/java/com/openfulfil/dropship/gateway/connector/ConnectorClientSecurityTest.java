package com.openfulfil.dropship.gateway.connector;

import com.openfulfil.dropship.support.config.DropshipProperties;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The connector's own Kafka clients log in to a secured cluster like every other client of the service. */
class ConnectorClientSecurityTest {
    private static final Map<String, Object> SASL_SSL = new DropshipProperties.Kafka("kafka:9093", "SASL_SSL",
            "SCRAM-SHA-512", "login", "/etc/kafka/ca.pem").security();

    @Test
    void theDispatchConsumerCarriesTheClusterSecurity() {
        Map<String, Object> config = HttpConnectors.consumerConfig("kafka:9093", SASL_SSL, "supplier-gateway-http",
                "acme");

        assertThat(config).containsAllEntriesOf(SASL_SSL)
                .containsEntry("bootstrap.servers", "kafka:9093")
                .containsEntry("group.id", "supplier-gateway-http");
    }

    @Test
    void theParkedRetryConsumerCarriesTheClusterSecurity() {
        Map<String, Object> config = new ParkedDispatches("kafka:9093", SASL_SSL, "supplier-gateway", null)
                .consumerConfig();

        assertThat(config).containsAllEntriesOf(SASL_SSL).containsEntry("group.id", "supplier-gateway-parked-retry");
    }
}
