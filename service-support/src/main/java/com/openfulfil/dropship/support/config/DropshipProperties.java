package com.openfulfil.dropship.support.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings every service shares, overridable by environment variables
 * ({@code DROPSHIP_KAFKA_BOOTSTRAP_SERVERS}, {@code DROPSHIP_TOPICS_REPLICATION_FACTOR}, ...).
 */
@ConfigurationProperties("dropship")
public record DropshipProperties(@DefaultValue Kafka kafka, @DefaultValue Topics topics) {

    public record Kafka(@DefaultValue("localhost:9092") String bootstrapServers) {
    }

    /**
     * @param partitions        0 keeps each topic's partition count from the registry
     * @param minInsyncReplicas 0 leaves the broker's default
     * @param provision         create missing topics at start-up (off where an operator owns topics)
     * @param provisionTimeout  how long start-up waits for the broker before giving up
     */
    public record Topics(@DefaultValue("0") int partitions, @DefaultValue("1") short replicationFactor,
                         @DefaultValue("0") int minInsyncReplicas, @DefaultValue("true") boolean provision,
                         @DefaultValue("60s") Duration provisionTimeout) {
    }
}
