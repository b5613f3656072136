package com.openfulfil.dropship.commission.it;

import com.openfulfil.dropship.support.testing.RouteLocks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** Every route commission-service maps refuses a caller without credentials, except these (docs/security.md). */
class CommissionRouteLocksIT extends CommissionApiIT {
    static final RouteLocks PUBLIC = RouteLocks.healthAndMetricsArePublic()
            .allow("POST /api/v1/partners/apply", "anyone may apply to the partner programme (a budget per address)");

    @Autowired
    ApplicationContext context;

    @Test
    void everyRouteButThePublicOnesRefusesACallerWithoutCredentials() {
        assertThat(RouteLocks.mapped(context)).contains("POST /api/v1/admin/payouts", "GET /api/v1/partners/me",
                "PUT /api/v1/partners/me/payout-details");
        PUBLIC.check(context, port);
    }
}
