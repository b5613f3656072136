package com.openfulfil.dropship.support.security;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ClientBudgetsTest {
    private static RateLimiterRegistry registry(int limit) {
        RateLimiterConfig config = RateLimiterConfig.custom().limitForPeriod(limit)
                .limitRefreshPeriod(Duration.ofHours(1)).timeoutDuration(Duration.ZERO).build();
        return RateLimiterRegistry.of(Map.of(PublicRoutes.PUBLIC_POST, config, "signup", config));
    }

    @Test
    void eachAddressHasABudgetOfItsOwnForEachBudgetName() {
        ClientBudgets budgets = new ClientBudgets(registry(2), 100);

        assertThat(budgets.spend("signup", "203.0.113.7")).isTrue();
        assertThat(budgets.spend("signup", "203.0.113.7")).isTrue();
        assertThat(budgets.spend("signup", "203.0.113.7")).isFalse();
        assertThat(budgets.spend("signup", "203.0.113.8")).as("another address").isTrue();
        assertThat(budgets.spend(PublicRoutes.PUBLIC_POST, "203.0.113.7")).as("another budget").isTrue();
    }

    @Test
    void anIpv6HostCannotEscapeItsBudgetByChangingTheLowerHalfOfItsAddress() {
        ClientBudgets budgets = new ClientBudgets(registry(1), 100);

        assertThat(budgets.spend("signup", "2001:db8:1:2:aaaa::1")).isTrue();
        assertThat(budgets.spend("signup", "2001:db8:1:2:bbbb::2")).as("the same /64").isFalse();
        assertThat(budgets.spend("signup", "2001:db8:1:3::1")).as("another /64").isTrue();
        assertThat(ClientBudgets.client("2001:db8:1:2:aaaa::1")).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(ClientBudgets.client("192.0.2.1")).isEqualTo("192.0.2.1");
    }

    @Test
    void onlyTheMostRecentlySeenAddressesAreRemembered() {
        ClientBudgets budgets = new ClientBudgets(registry(1), 2);
        assertThat(budgets.spend("signup", "192.0.2.1")).isTrue();
        assertThat(budgets.spend("signup", "192.0.2.2")).isTrue();
        assertThat(budgets.spend("signup", "192.0.2.1")).isFalse();

        assertThat(budgets.spend("signup", "192.0.2.3")).isTrue();

        assertThat(budgets.spend("signup", "192.0.2.1")).as("still remembered: seen more recently than .2").isFalse();
        assertThat(budgets.spend("signup", "192.0.2.2")).as("forgotten for .3, so a fresh budget").isTrue();
    }

    @Test
    void aBudgetNobodyConfiguredIsThePublicPostOne() {
        ClientBudgets budgets = new ClientBudgets(registry(7), 10);
        assertThat(budgets.config("unconfigured").getLimitForPeriod()).isEqualTo(7);
        assertThat(new ClientBudgets(RateLimiterRegistry.ofDefaults(), 10).config("unconfigured").getLimitForPeriod())
                .as("nothing configured at all").isEqualTo(50);
    }
}
