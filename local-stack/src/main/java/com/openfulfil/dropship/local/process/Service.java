package com.openfulfil.dropship.local.process;

/** The five services of the pipeline: their module, main class and default port (API.md). */
public enum Service {
    ORDER("order-service", "com.openfulfil.dropship.order.OrderServiceApplication", 8081),
    CATALOG("catalog-service", "com.openfulfil.dropship.catalog.CatalogServiceApplication", 8082),
    GATEWAY("supplier-gateway", "com.openfulfil.dropship.gateway.SupplierGatewayApplication", 8083),
    TRACKING("tracking-service", "com.openfulfil.dropship.tracking.TrackingServiceApplication", 8084),
    COMMISSION("commission-service", "com.openfulfil.dropship.commission.CommissionServiceApplication", 8085);

    private final String module;
    private final String mainClass;
    private final int defaultPort;

    Service(String module, String mainClass, int defaultPort) {
        this.module = module;
        this.mainClass = mainClass;
        this.defaultPort = defaultPort;
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
