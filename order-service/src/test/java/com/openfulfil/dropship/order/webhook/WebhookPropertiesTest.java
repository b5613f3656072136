package com.openfulfil.dropship.order.webhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookPropertiesTest {
    private final WebhookProperties properties = new WebhookProperties(Duration.ofSeconds(1), Duration.ofMinutes(5),
            Duration.ofSeconds(5), Duration.ofSeconds(10), 20);

    @Test
    void theWaitDoublesAfterEachFailureUpToTheCeiling() {
        assertThat(properties.backoff(0)).isZero();
        assertThat(properties.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(properties.backoff(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(properties.backoff(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(properties.backoff(9)).isEqualTo(Duration.ofSeconds(256));
        assertThat(properties.backoff(10)).isEqualTo(Duration.ofMinutes(5));
        assertThat(properties.backoff(10_000)).as("no overflow however long the storefront is down")
                .isEqualTo(Duration.ofMinutes(5));
    }
}
