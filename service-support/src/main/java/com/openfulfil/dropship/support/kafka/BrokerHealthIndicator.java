package com.openfulfil.dropship.support.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import java.util.concurrent.TimeUnit;

/**
 * DOWN when the Kafka broker cannot be reached. The binder retries an unreachable broker for
 * ever and still reports "Started", so this is what tells an operator (or Kubernetes) the truth.
 */
public class BrokerHealthIndicator extends AbstractHealthIndicator {
    private static final int TIMEOUT_MS = 2_000;
    private final Admin admin;
    private final String bootstrapServers;

    public BrokerHealthIndicator(Admin admin, String bootstrapServers) {
        super("Kafka broker health check failed");
        this.admin = admin;
        this.bootstrapServers = bootstrapServers;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        DescribeClusterResult cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS));
        String clusterId = cluster.clusterId().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        int brokers = cluster.nodes().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).size();
        builder.up().withDetail("clusterId", clusterId).withDetail("brokers", brokers)
                .withDetail("bootstrapServers", bootstrapServers);
    }
}
