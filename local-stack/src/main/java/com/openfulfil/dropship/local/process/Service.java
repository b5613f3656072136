package com.openfulfil.dropship.local.process;

import java.util.Arrays;
import java.util.List;

/**
 * The processes the local stack runs: the five services of the pipeline, the ops console that
 * watches them and channel-gateway, which connects the demo merchant's simulated Shopify, WooCommerce
 * and Amazon stores (both started by {@code up} and {@code demo}, left out of bench and chaos, which
 * measure and break the pipeline alone); their module, main class and default port (README.md, "Project layout").
 */
public enum Service {
    ORDER("order-service", "com.openfulfil.dropship.order.OrderServiceApplication", 8081, true),
    CATALOG("catalog-service", "com.openfulfil.dropship.catalog.CatalogServiceApplication", 8082, true),
    GATEWAY("supplier-gateway", "com.openfulfil.dropship.gateway.SupplierGatewayApplication", 8083, true),
    TRACKING("tracking-service", "com.openfulfil.dropship.tracking.TrackingServiceApplication", 8084, true),
    COMMISSION("commission-service", "com.openfulfil.dropship.commission.CommissionServiceApplication", 8085, true),
    OPS_CONSOLE("ops-console", "com.openfulfil.dropship.ops.OpsConsoleApplication", 8080, false),
    CHANNELS("channel-gateway", "com.openfulfil.dropship.channel.ChannelGatewayApplication", 8086, false);

    private final String module;
    private final String mainClass;
    private final int defaultPort;
    private final boolean pipeline;

    Service(String module, String mainClass, int defaultPort, boolean pipeline) {
        this.module = module;
        this.mainClass = mainClass;
        this.defaultPort = defaultPort;
        this.pipeline = pipeline;
    }

    /** The five services an order passes through. */
    public static List<Service> pipeline() {
        return Arrays.stream(values()).filter(s -> s.pipeline).toList();
    }

    /** Whether orders of every kind pass through this service (false for the ops console and channel-gateway). */
    public boolean inPipeline() {
        return pipeline;
    }

    public String module() {
        return module;
    }

    public String mainClass() {
        return mainClass;
    }

    public int defaultPort() {
        return defaultPort;
    }
}
