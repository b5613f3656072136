package com.openfulfil.dropship.commission.it;

import com.openfulfil.dropship.support.testing.DocumentedEndpoints;
import com.openfulfil.dropship.support.testing.RouteLocks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route commission-service maps refuses a caller without credentials, except these (docs/security.md);
 * every endpoint the docs name is in its OpenAPI document.
 */
class CommissionRouteLocksIT extends CommissionApiIT {
    static final RouteLocks PUBLIC = RouteLocks.healthAndMetricsArePublic()
            .allow("GET /v3/api-docs", "the OpenAPI description of the API, for integrators")
            .allow("GET /v3/api-docs/swagger-config", "the API documentation page's settings")
            .allow("GET /swagger-ui.html", "the API documentation page")
            .allow("POST /api/v1/partners/apply", "anyone may apply to the partner programme (a budget per address)");

    @Autowired
    ApplicationContext context;

    @Test
    void everyRouteButThePublicOnesRefusesACallerWithoutCredentials() {
        assertThat(RouteLocks.mapped(context)).contains("POST /api/v1/admin/payouts", "GET /api/v1/partners/me",
                "PUT /api/v1/partners/me/payout-details");
        PUBLIC.check(context, port);
    }

    @Test
    void theApiDocsArePublicAndHaveEveryEndpointTheDocsName() {
        DocumentedEndpoints documented = DocumentedEndpoints.of("commission-service", 8085);
        assertThat(documented.endpoints()).contains("POST /api/v1/partners/apply", "GET /api/v1/admin/partner-balances.csv",
                "POST /api/v1/admin/partners/{}/revoke");
        documented.checkPublishedAt(port);
    }
}
