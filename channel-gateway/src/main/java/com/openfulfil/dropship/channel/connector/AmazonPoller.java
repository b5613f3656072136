package com.openfulfil.dropship.channel.connector;

import com.openfulfil.dropship.channel.config.ChannelProperties;
import com.openfulfil.dropship.channel.domain.InboundChange;
import com.openfulfil.dropship.channel.domain.Platform;
import com.openfulfil.dropship.channel.domain.StoreActivity;
import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.model.OrderDetails;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.retry.Retry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Polls each Amazon store's orders: {@code getOrders} updated after the store's watermark, page by page
 * ({@code NextToken}), and {@code getOrderItems} for each. A paid order is recorded on
 * {@code channels.inbound} to be placed (once: the order stream knows it), a cancelled one as a
 * cancellation. The watermark moves to the latest order's {@code LastUpdateDate} once the whole poll is
 * recorded, and is kept on {@code channels.amazon-watermarks}, so a restart neither misses an order nor
 * places one twice. Calls go through the store's rate limiters (getOrders: a burst of 20, then one a
 * minute), retries and breaker, on the poller's own thread.
 */
public final class AmazonPoller implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(AmazonPoller.class);

    /** One store's API and guards. */
    record Store(ChannelProperties.AmazonStore config, AmazonApi api, Retry retry, CircuitBreaker breaker,
                 RateLimiter getOrders, RateLimiter reads) {
    }

    private final List<Store> stores;
    private final AmazonWatermarks watermarks;
    private final InboundChanges changes;
    private final Catalog catalog;
    private final Clock clock;
    private final StoreActivity activity;
    private ScheduledExecutorService scheduler;
    private volatile boolean running;

    AmazonPoller(List<Store> stores, AmazonWatermarks watermarks, InboundChanges changes, Catalog catalog, Clock clock,
                 StoreActivity activity) {
        this.stores = List.copyOf(stores);
        this.watermarks = watermarks;
        this.changes = changes;
        this.catalog = catalog;
        this.clock = clock;
        this.activity = activity;
    }

    /** The poller of every configured Amazon store, each with its guards (named {@code channel-<store id>...}). */
    public static AmazonPoller of(ChannelProperties properties, AmazonSellers sellers, String bootstrapServers,
                                  Map<String, Object> security, String service,
                                  io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry breakers,
                                  io.github.resilience4j.retry.RetryRegistry retries,
                                  io.github.resilience4j.ratelimiter.RateLimiterRegistry rateLimiters,
                                  InboundChanges changes, Catalog catalog, StoreActivity activity) {
        List<Store> stores = properties.amazon().stream().map(store -> {
            String name = "channel-" + store.id();
            return new Store(store, sellers.api(store.id()),
                    retries.retry(name + "-poll", GuardedStore.retryConfig(properties.outbound())),
                    breakers.circuitBreaker(name, ChannelConnectors.BREAKER_CONFIG),
                    rateLimiters.rateLimiter(name + "-get-orders", ChannelConnectors.AMAZON_GET_ORDERS_RATE),
                    rateLimiters.rateLimiter(name, ChannelConnectors.AMAZON_READ_RATE));
        }).toList();
        return new AmazonPoller(stores, new AmazonWatermarks(bootstrapServers, security, service), changes, catalog,
                sellers.clock(), activity);
    }

    @Override
    public synchronized void start() {
        if (stores.isEmpty()) {
            running = true;
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "amazon-poller"));
        scheduler.execute(() -> {
            Map<String, Instant> marks = new java.util.concurrent.ConcurrentHashMap<>(watermarks.load());
            for (Store store : stores) {
                scheduler.scheduleWithFixedDelay(() -> pollSafely(store, marks), 0,
                        store.config().pollEvery().toMillis(), TimeUnit.MILLISECONDS);
            }
        });
        running = true;
    }

    private void pollSafely(Store store, Map<String, Instant> marks) {
        try {
            if (!catalog.ready()) {
                return;  // orders are priced from the catalog: wait until it is read
            }
            Instant from = marks.getOrDefault(store.config().id(),
                    clock.instant().minus(store.config().firstLookBack()));
            Instant reached = poll(store, from);
            activity.answered(store.config().id());
            if (reached.isAfter(from)) {
                watermarks.save(store.config().id(), reached);
                marks.put(store.config().id(), reached);
            }
        } catch (RuntimeException e) {
            log.warn("Polling Amazon store {} failed; the next poll starts from the same watermark: {}",
                    store.config().id(), e.toString());
            activity.unavailable(store.config().id(), "polling failed: " + e.getMessage());
        }
    }

    /** @return the latest LastUpdateDate taken (or {@code from} when nothing came) */
    private Instant poll(Store store, Instant from) {
        Instant reached = from;
        String next = null;
        do {
            String token = next;
            AmazonApi.OrdersPage page = GuardedStore.guarded(store.retry(), store.breaker(), store.getOrders(),
                    () -> store.api().getOrders(from, token));
            for (JsonNode order : page.orders()) {
                record(store, order);
                Instant updated = Instant.parse(order.path("LastUpdateDate").asString(from.toString()));
                reached = updated.isAfter(reached) ? updated : reached;
            }
            next = page.nextToken();
        } while (next != null && running);
        return reached;
    }

    private void record(Store store, JsonNode order) {
        String amazonId = order.path("AmazonOrderId").asString();
        String storeId = store.config().id();
        String orderId = EventIds.derived("STOREFRONT", storeId, "amazon:" + amazonId);
        String changeId = EventIds.derived(storeId, amazonId, order.path("LastUpdateDate").asString(""));
        if (AmazonOrders.cancelled(order)) {
            changes.record(new InboundChange(changeId, Platform.AMAZON, storeId, InboundChange.Kind.CANCELLED, orderId,
                    amazonId, "cancelled on Amazon", null, null));
            return;
        }
        if (!AmazonOrders.paid(order)) {
            return;  // pending payment: it comes again once Amazon moves it
        }
        List<JsonNode> items = GuardedStore.guarded(store.retry(), store.breaker(), store.reads(),
                () -> store.api().getOrderItems(amazonId));
        // the buyer and the street are restricted data: read once, under a token for this order, into our order alone
        JsonNode full = AmazonOrders.hasBuyer(order) ? order : GuardedStore.guarded(store.retry(), store.breaker(),
                store.reads(), () -> store.api().getOrderWithBuyer(amazonId));
        List<String> problems = new ArrayList<>();
        java.util.Optional<OrderDetails> details = AmazonOrders.details(storeId, full, items, catalog::product, problems);
        if (details.isEmpty()) {
            log.warn("Amazon order {} of store {} not taken: {}", amazonId, storeId, String.join("; ", problems));
            return;
        }
        changes.record(new InboundChange(changeId, Platform.AMAZON, storeId, InboundChange.Kind.PLACED, orderId,
                amazonId, null, null, details.get()));  // no address to compare: Amazon's never changes through us
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
