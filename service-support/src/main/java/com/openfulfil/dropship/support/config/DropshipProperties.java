package com.openfulfil.dropship.support.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings every service shares, overridable by environment variables
 * ({@code DROPSHIP_KAFKA_BOOTSTRAP_SERVERS}, {@code DROPSHIP_TOPICS_REPLICATION_FACTOR}, ...).
 */
@ConfigurationProperties("dropship")
public record DropshipProperties(@DefaultValue Kafka kafka, @DefaultValue Topics topics) {

    /**
     * How every Kafka client of the service connects. Where the cluster authenticates its clients
     * (SCRAM over TLS on Kubernetes), the same settings reach Kafka Streams through the {@code prod}
     * profile's defaults.
     *
     * @param securityProtocol      {@code PLAINTEXT}, or {@code SASL_SSL} with the three below
     * @param saslMechanism         {@code SCRAM-SHA-512}
     * @param saslJaasConfig        the service's login, as the cluster's user secret gives it
     * @param sslTruststoreLocation a PEM file with the cluster's CA certificate
     */
    public record Kafka(@DefaultValue("localhost:9092") String bootstrapServers,
                        @DefaultValue("PLAINTEXT") String securityProtocol, String saslMechanism,
                        String saslJaasConfig, String sslTruststoreLocation) {

        /** The security settings for a client built by hand (publishers, consumers, admin). */
        public Map<String, Object> security() {
            Map<String, Object> security = new LinkedHashMap<>();
            security.put("security.protocol", securityProtocol);
            if (securityProtocol.startsWith("SASL")) {
                putIfSet(security, "sasl.mechanism", saslMechanism);
                putIfSet(security, "sasl.jaas.config", saslJaasConfig);
            }
            if (securityProtocol.endsWith("SSL") && sslTruststoreLocation != null && !sslTruststoreLocation.isBlank()) {
                security.put("ssl.truststore.type", "PEM");
                security.put("ssl.truststore.location", sslTruststoreLocation);
            }
            return security;
        }

        private static void putIfSet(Map<String, Object> map, String key, String value) {
            if (value != null && !value.isBlank()) {
                map.put(key, value);
            }
        }
    }

    /**
     * @param partitions        0 keeps each topic's partition count from the registry
     * @param minInsyncReplicas 0 leaves the broker's default
     * @param provision         create missing topics at start-up (off where an operator owns topics)
     * @param provisionTimeout  how long start-up waits for the broker before giving up
     * @param provisionRegistry also create the registry's topics (and a service's extra topics); off in
     *                          production, where they are declared as {@code KafkaTopic}s and the service
     *                          creates only its own dead-letter topics
     */
    public record Topics(@DefaultValue("0") int partitions, @DefaultValue("1") short replicationFactor,
                         @DefaultValue("0") int minInsyncReplicas, @DefaultValue("true") boolean provision,
                         @DefaultValue("60s") Duration provisionTimeout,
                         @DefaultValue("true") boolean provisionRegistry) {
    }
}
