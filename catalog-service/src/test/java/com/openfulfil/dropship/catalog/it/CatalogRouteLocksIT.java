package com.openfulfil.dropship.catalog.it;

import com.openfulfil.dropship.catalog.CatalogServiceApplication;
import com.openfulfil.dropship.support.testing.DocumentedEndpoints;
import com.openfulfil.dropship.support.testing.KafkaIntegrationTest;
import com.openfulfil.dropship.support.testing.RouteLocks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route catalog-service maps refuses a caller without credentials, except these (docs/security.md);
 * every endpoint the docs name is in its OpenAPI document.
 * Same context as {@link CatalogIT}, so it starts no service of its own.
 */
@SpringBootTest(classes = CatalogServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class CatalogRouteLocksIT extends KafkaIntegrationTest {
    static final RouteLocks PUBLIC = RouteLocks.healthAndMetricsArePublic()
            .allow("GET /v3/api-docs", "the OpenAPI description of the API, for integrators")
            .allow("GET /v3/api-docs/swagger-config", "the API documentation page's settings")
            .allow("GET /swagger-ui.html", "the API documentation page")
            .allow("GET /api/v1/products", "product search, as a storefront shows products (no offers or costs)")
            .allow("GET /api/v1/products/{sku}", "one product, as a storefront shows it (no offers or costs)");

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void everyRouteButThePublicOnesRefusesACallerWithoutCredentials() {
        assertThat(RouteLocks.mapped(context)).contains("POST /api/v1/suppliers/{supplierId}/feed",
                "GET /api/v1/suppliers/{supplierId}/feed/pull", "POST /api/v1/suppliers/{supplierId}/feed/pull");
        PUBLIC.check(context, port);
    }

    @Test
    void theApiDocsArePublicAndHaveEveryEndpointTheDocsName() {
        DocumentedEndpoints documented = DocumentedEndpoints.of("catalog-service", 8082);
        assertThat(documented.endpoints()).contains("GET /api/v1/products/{}", "POST /api/v1/suppliers/{}/feed",
                "GET /api/v1/suppliers/{}/feed/pull");
        documented.checkPublishedAt(port);
    }
}
