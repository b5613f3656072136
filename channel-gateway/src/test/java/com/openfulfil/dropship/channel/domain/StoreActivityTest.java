package com.openfulfil.dropship.channel.domain;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StoreActivityTest {
    private static final Instant T0 = Instant.parse("2026-12-06T20:00:00Z");
    private Instant now = T0;
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final StoreActivity activity = new StoreActivity(stores(), clock);

    private static Map<String, Platform> stores() {
        Map<String, Platform> stores = new LinkedHashMap<>();
        stores.put("demo-shop", Platform.SHOPIFY);
        stores.put("demo-woo", Platform.WOOCOMMERCE);
        return stores;
    }

    @Test
    void ordersInAndUpdatesOutAreCountedOverTheLastHourOnly() {
        activity.orderIn("demo-shop");
        activity.updateOut("demo-shop");
        now = T0.plus(Duration.ofMinutes(40));
        activity.orderIn("demo-shop");
        activity.orderIn("not-a-store");

        StoreActivity.View shop = activity.view().get(0);
        assertThat(shop.ordersInLastHour()).isEqualTo(2);
        assertThat(shop.updatesOutLastHour()).isEqualTo(1);
        assertThat(shop.lastSync()).isEqualTo(now);

        now = T0.plus(Duration.ofMinutes(70));
        shop = activity.view().get(0);
        assertThat(shop.ordersInLastHour()).isEqualTo(1);
        assertThat(shop.updatesOutLastHour()).isZero();
        assertThat(activity.view()).extracting(StoreActivity.View::storeId).containsExactly("demo-shop", "demo-woo");
        assertThat(activity.view().get(1).lastSync()).isNull();
    }

    @Test
    void aStoreIsUnavailableSinceItsFirstFailedCallUntilACallGetsThrough() {
        activity.unavailable("demo-woo", "503");
        now = T0.plusSeconds(30);
        activity.unavailable("demo-woo", "timed out");
        StoreActivity.View woo = activity.view().get(1);
        assertThat(woo.unavailable()).isEqualTo("timed out");
        assertThat(woo.unavailableSince()).isEqualTo(T0);

        activity.updateOut("demo-woo");
        assertThat(activity.view().get(1).unavailable()).isNull();
        assertThat(activity.view().get(1).unavailableSince()).isNull();
    }

    @Test
    void aStoresWaitingCallsAreShownAsLastCountedAndNoOtherStores() {
        assertThat(activity.view().get(0).waitingCalls()).isZero();
        activity.waiting("demo-shop", 3);
        activity.waiting("not-a-store", 7);
        assertThat(activity.view()).extracting(StoreActivity.View::waitingCalls).containsExactly(3, 0);

        activity.waiting("demo-shop", 0);
        assertThat(activity.view().get(0).waitingCalls()).isZero();
    }

    @Test
    void refusedCallsAreKeptNewestFirstUpToTheLimitAndRetriedOnce() {
        for (int i = 0; i < StoreActivity.FAILURES_KEPT + 5; i++) {
            activity.refused("demo-woo", "NOTE for order " + i, "404", "order-" + i, ("call " + i).getBytes());
        }
        StoreActivity.View woo = activity.view().get(1);
        assertThat(woo.failures()).hasSize(StoreActivity.FAILURES_KEPT);
        StoreActivity.Failure newest = woo.failures().get(0);
        assertThat(newest.what()).isEqualTo("NOTE for order " + (StoreActivity.FAILURES_KEPT + 4));
        assertThat(new String(newest.call())).isEqualTo("call " + (StoreActivity.FAILURES_KEPT + 4));
        assertThat(newest.retriedAt()).isNull();

        now = T0.plusSeconds(5);
        assertThat(activity.markRetried("demo-woo", newest.id())).hasValueSatisfying(f ->
                assertThat(f.retriedAt()).isEqualTo(now));
        assertThat(activity.failure("demo-woo", newest.id())).hasValueSatisfying(f ->
                assertThat(f.retriedAt()).isEqualTo(now));
        assertThat(activity.view().get(1).failures().get(0).id()).isEqualTo(newest.id());
        assertThat(activity.markRetried("demo-shop", newest.id())).isEmpty();
        assertThat(activity.failure("demo-woo", "no-such")).isEmpty();
    }
}
