package com.openfulfil.dropship.channel.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class StockPushTest {
    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
    private static final Duration DEBOUNCE = Duration.ofSeconds(30);

    @Test
    void aPushGoesAtMostOncePerDebounceWithTheLatestQuantity() {
        StockPush first = new StockPush(5, null, null);
        assertThat(first.due(T0, DEBOUNCE)).isTrue();
        StockPush sent = first.sent(T0);
        assertThat(sent.pending()).isFalse();

        StockPush changed = sent.want(7).want(9);
        assertThat(changed.due(T0.plusSeconds(29), DEBOUNCE)).isFalse();
        assertThat(changed.due(T0.plusSeconds(30), DEBOUNCE)).isTrue();
        assertThat(changed.sent(T0.plusSeconds(30)).pushed()).isEqualTo(9);
        assertThat(sent.want(5).pending()).isFalse();
    }

    @Test
    void aDelistedProductSellsNothing() {
        assertThat(StockPush.sellable(false, 12)).isZero();
        assertThat(StockPush.sellable(true, 12)).isEqualTo(12);
        assertThat(StockPush.sellable(true, -1)).isZero();
    }
}
