package com.openfulfil.dropship.local.sim;

import com.openfulfil.dropship.channelsim.AmazonSimulator;
import com.openfulfil.dropship.channelsim.Purchase;
import com.openfulfil.dropship.channelsim.ShopifySimulator;
import com.openfulfil.dropship.channelsim.WooCommerceSimulator;
import com.openfulfil.dropship.local.demo.DemoCatalog;
import com.openfulfil.dropship.local.demo.DemoKeys;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The demo merchant's three sales channels, for the local stack: a Shopify store, a WooCommerce site and
 * an Amazon seller account, each the simulator channel-gateway's tests use (the same API shapes,
 * signatures, paging and rate-limit answers), on free loopback ports. Customers buy at each store
 * ({@link #placeShopifyOrder}, ... or every {@code orderEvery} once {@link #start}ed): Shopify sends
 * its {@code orders/create} webhook to order-service, WooCommerce its {@code order.created} to
 * channel-gateway, and the Amazon order waits to be polled. What the stores are told back (fulfilments,
 * tracking notes, shipment confirmations, and each demo product's stock, which all three take) is said
 * on the launcher's output and shown by each simulator at {@code GET /simulator/received}.
 */
public final class ChannelStores implements AutoCloseable {
    /** Orders per page of the simulated getOrders, small so that a few orders already come in pages. */
    static final int AMAZON_PAGE_SIZE = 2;
    /** The Shopify store location whose available stock channel-gateway sets. */
    static final String SHOPIFY_LOCATION = "gid://shopify/Location/1";
    private static final List<Purchase> CUSTOMERS = List.of(
            purchase("Ada", "Lovelace", "ada@example.com", "1 Example Street", "London", "N1 9GU", "GB"),
            purchase("Camille", "Martin", "camille@example.fr", "8 rue de la République", "Lyon", "69002", "FR"),
            purchase("Grace", "Hopper", "grace@example.com", "1 Navy Way", "Arlington", "22201", "US"));

    private final ShopifySimulator shopify;
    private final WooCommerceSimulator woo;
    private final AmazonSimulator amazon;
    // ids from the clock: stores simulated again on the same data (./dropship up twice) take new orders
    private final AtomicLong wooIds = new AtomicLong(System.currentTimeMillis() / 1000);
    private final long amazonRun = System.currentTimeMillis() / 1000 % 10_000_000;
    private final AtomicInteger amazonIds = new AtomicInteger();
    private final AtomicInteger sales = new AtomicInteger();
    private URI orderService;
    private URI channelGateway;
    private ScheduledExecutorService shoppers;

    /** Opens the three stores on free ports (channel-gateway is started with their addresses). */
    public ChannelStores() {
        shopify = new ShopifySimulator(DemoKeys.SHOPIFY_DOMAIN, DemoKeys.SHOPIFY_ADMIN_TOKEN,
                DemoKeys.SHOPIFY_WEBHOOK_SECRET, 0);
        woo = new WooCommerceSimulator(DemoKeys.WOO_CONSUMER_KEY, DemoKeys.WOO_CONSUMER_SECRET,
                DemoKeys.WOO_WEBHOOK_SECRET, 0);
        amazon = new AmazonSimulator(DemoKeys.AMAZON_REFRESH_TOKEN, AMAZON_PAGE_SIZE, 0);
        // each store sells the everyday demo products and the scarf, so it is told each one's stock
        List<String> sold = new ArrayList<>(DemoCatalog.EVERYDAY.stream().map(DemoCatalog.Product::sku).toList());
        sold.add(DemoCatalog.SCARF.sku());
        for (int i = 0; i < sold.size(); i++) {
            shopify.addVariant(sold.get(i));
            woo.addProduct(100 + i, sold.get(i));
            amazon.addListing(sold.get(i));
        }
    }

    /**
     * channel-gateway's stores: one of each platform, at these simulators, with the demo credentials.
     * A list is bound from one source, so each store is given whole here.
     *
     * @param trackingUrl     the customer's tracking page, {@code {trackingNumber}} in it
     * @param amazonPollEvery how often the Amazon seller's orders are asked for
     */
    public List<String> gatewayArgs(String trackingUrl, Duration amazonPollEvery) {
        List<String> args = new ArrayList<>();
        String s = "--dropship.channels.shopify[0].";
        args.add(s + "id=" + DemoKeys.STOREFRONT_ID);
        args.add(s + "domain=" + DemoKeys.SHOPIFY_DOMAIN);
        args.add(s + "base-url=" + shopify.baseUrl());
        args.add(s + "webhook-secret=" + DemoKeys.SHOPIFY_WEBHOOK_SECRET);
        args.add(s + "admin-token=" + DemoKeys.SHOPIFY_ADMIN_TOKEN);
        args.add(s + "location-id=" + SHOPIFY_LOCATION);
        String w = "--dropship.channels.woocommerce[0].";
        args.add(w + "id=" + DemoKeys.WOO_STORE);
        args.add(w + "url=" + woo.url());
        args.add(w + "webhook-secret=" + DemoKeys.WOO_WEBHOOK_SECRET);
        args.add(w + "consumer-key=" + DemoKeys.WOO_CONSUMER_KEY);
        args.add(w + "consumer-secret=" + DemoKeys.WOO_CONSUMER_SECRET);
        args.add(w + "push-stock=true");
        String a = "--dropship.channels.amazon[0].";
        args.add(a + "id=" + DemoKeys.AMAZON_STORE);
        args.add(a + "endpoint=" + amazon.endpoint());
        args.add(a + "lwa-url=" + amazon.lwaUrl());
        args.add(a + "client-id=" + DemoKeys.AMAZON_CLIENT_ID);
        args.add(a + "client-secret=" + DemoKeys.AMAZON_CLIENT_SECRET);
        args.add(a + "refresh-token=" + DemoKeys.AMAZON_REFRESH_TOKEN);
        args.add(a + "marketplace-ids[0]=" + AmazonSimulator.MARKETPLACE);
        args.add(a + "poll-every=" + amazonPollEvery.toMillis() + "ms");
        args.add(a + "seller-id=" + AmazonSimulator.SELLER_ID);
        args.add("--dropship.channels.tracking-url=" + trackingUrl);
        return args;
    }

    /**
     * Where the stores send their webhooks; each line a store is told goes to {@code say}. With a
     * positive {@code orderEvery}, a customer buys at each store now and then every {@code orderEvery}.
     */
    public synchronized void start(URI orderService, URI channelGateway, Duration orderEvery, Consumer<String> say) {
        this.orderService = orderService;
        this.channelGateway = channelGateway;
        shopify.onReceived(line -> say.accept("  [Shopify " + DemoKeys.SHOPIFY_DOMAIN + "] " + line));
        woo.onReceived(line -> say.accept("  [WooCommerce " + DemoKeys.WOO_STORE + "] " + line));
        amazon.onReceived(line -> say.accept("  [Amazon " + DemoKeys.AMAZON_STORE + "] " + line));
        if (!orderEvery.isZero() && !orderEvery.isNegative()) {
            shoppers = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "channel-shoppers");
                thread.setDaemon(true);
                return thread;
            });
            shoppers.scheduleWithFixedDelay(() -> shop(say), 0, orderEvery.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** One customer at each store; a store that cannot take it now is said, and the next round goes on. */
    private void shop(Consumer<String> say) {
        int n = sales.getAndIncrement();
        try {
            ShopifySimulator.Placed placed = placeShopifyOrder(purchase(n));
            say.accept("  [Shopify " + DemoKeys.SHOPIFY_DOMAIN + "] order " + placed.name() + " placed: "
                    + placed.answer().body());
            long wooId = nextWooId();
            say.accept("  [WooCommerce " + DemoKeys.WOO_STORE + "] order " + wooId + " placed: "
                    + placeWooOrder(wooId, purchase(n + 1)).body());
            String amazonId = placeAmazonOrder(purchase(n + 2));
            say.accept("  [Amazon " + DemoKeys.AMAZON_STORE + "] order " + amazonId + " placed; channel-gateway"
                    + " polls for it");
        } catch (RuntimeException e) {
            say.accept("  [channel stores] a customer could not buy now: " + e.getMessage());
        }
    }

    /** A customer's paid order at the Shopify store, its {@code orders/create} webhook sent to order-service. */
    public ShopifySimulator.Placed placeShopifyOrder(Purchase purchase) {
        return shopify.placeOrder(URI.create(started(orderService) + "/webhooks/shopify/orders-create"), purchase);
    }

    /** A customer's paid order {@code id} at the WooCommerce site, its {@code order.created} webhook sent to channel-gateway. */
    public HttpResponse<String> placeWooOrder(long id, Purchase purchase) {
        return woo.placeOrder(URI.create(started(channelGateway) + "/webhooks/woocommerce/" + DemoKeys.WOO_STORE), id,
                purchase);
    }

    /** An id for the next WooCommerce order, new on every run. */
    public long nextWooId() {
        return wooIds.incrementAndGet();
    }

    /** A customer's paid order on Amazon, which channel-gateway polls for; returns its Amazon order id. */
    public String placeAmazonOrder(Purchase purchase) {
        String id = "111-%07d-%07d".formatted(amazonRun, amazonIds.incrementAndGet());
        amazon.putOrder(id, "Unshipped", Instant.now(), purchase);
        return id;
    }

    /** The demo customers' purchases, one demo product each, in turn. */
    public static Purchase purchase(int n) {
        Purchase customer = CUSTOMERS.get(n % CUSTOMERS.size());
        DemoCatalog.Product product = DemoCatalog.EVERYDAY.get(n % DemoCatalog.EVERYDAY.size());
        return new Purchase(customer.firstName(), customer.lastName(), customer.email(), customer.line1(),
                customer.city(), customer.postalCode(), customer.country(),
                List.of(new Purchase.Item(product.sku(), 1 + n % 2, product.title())));
    }

    public ShopifySimulator shopify() {
        return shopify;
    }

    public WooCommerceSimulator woo() {
        return woo;
    }

    public AmazonSimulator amazon() {
        return amazon;
    }

    private static URI started(URI uri) {
        if (uri == null) {
            throw new IllegalStateException("The channel stores are not started: they do not know where to send orders");
        }
        return uri;
    }

    @Override
    public synchronized void close() {
        if (shoppers != null) {
            shoppers.shutdownNow();
        }
        shopify.close();
        woo.close();
        amazon.close();
    }

    private static Purchase purchase(String first, String last, String email, String line1, String city,
                                     String postalCode, String country) {
        return new Purchase(first, last, email, line1, city, postalCode, country,
                List.of(new Purchase.Item(DemoCatalog.MUG.sku(), 1, DemoCatalog.MUG.title())));
    }
}
