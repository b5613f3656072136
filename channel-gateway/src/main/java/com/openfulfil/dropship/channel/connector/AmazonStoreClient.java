package com.openfulfil.dropship.channel.connector;

import com.openfulfil.dropship.channel.config.ChannelProperties;
import com.openfulfil.dropship.channel.domain.OutboundCall;
import com.openfulfil.dropship.channel.domain.ParcelLine;
import com.openfulfil.dropship.support.kafka.PublishFailedException;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One Amazon store's side of the calls: a parcel becomes {@code confirmShipment} with its carrier code
 * and tracking number, for the units the parcel holds when its shipment said (by SKU), else for the
 * order's items not yet shipped; never more than an item has left (read from {@code getOrderItems}
 * first, so a confirmation made again confirms nothing twice). Each confirmation also waits for the store's
 * confirmShipment rate limiter (2 a second, burst 10). A product's stock sets the quantity of the seller's
 * offer of that SKU (Listings Items' {@code patchListingsItem}, through its own rate limiter: 5 a second,
 * burst 10); a SKU the seller does not list (404) is skipped, issues Amazon raises at once refuse the call.
 *
 * <p>What the Orders API cannot do goes through the Feeds API, as an order feed ({@link AmazonFeeds}): an order
 * we cancelled is an order acknowledgement with {@code StatusCode} Failure for each of its items, with Amazon's
 * cancel reason closest to ours; a confirmed package's new tracking number is an order fulfilment of the items it
 * holds with the new carrier and number. Each is a feed document created ({@code createFeedDocument}, 0.5 a
 * second, burst 15), its content uploaded, and a feed created from it ({@code createFeed}, 0.0083 a second,
 * burst 15: a permit is taken before the document is made, and a call that finds none waits on its topic
 * rather than blocking). Never twice: a cancellation is not sent for an order Amazon shows cancelled already
 * (and is refused while Amazon shows some of it shipped: a Failure acknowledgement would refund the whole
 * order), and each feed is recorded by the call's id on Kafka ({@link AmazonFeedLog}) before it is created and
 * once Amazon answers its id, so the same call made again (held back, read again after a failed batch or a restart)
 * sends nothing. Each feed is followed until Amazon has processed it ({@link AmazonFeedWatch}), after a restart too
 * ({@link #resume}).
 */
final class AmazonStoreClient implements ChannelClient {
    private static final Map<String, String> CARRIER_CODES = Map.of("dhl", "DHL", "ups", "UPS", "fedex", "FedEx",
            "usps", "USPS", "colissimo", "Colissimo", "dpd", "DPD", "gls", "GLS", "royal-mail", "Royal Mail");
    private static final Logger log = LoggerFactory.getLogger(AmazonStoreClient.class);

    /** The seller's rate limiters for the Feeds API. */
    record FeedLimits(RateLimiter documents, RateLimiter feeds, RateLimiter getFeed) {
    }

    private final ChannelProperties.AmazonStore store;
    private final AmazonApi api;
    private final RateLimiter confirmations;
    private final RateLimiter listings;
    private final FeedLimits feedLimits;
    private final AmazonFeedWatch watch;
    private final AmazonFeedLog feedLog;
    private final Clock clock;
    /**
     * Call id to the feed sent for it, as {@link AmazonFeedLog} keeps it, oldest first; one older than the calls'
     * topic keeps its calls is let go.
     */
    private final Map<String, AmazonFeedLog.SentFeed> feeds = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, AmazonFeedLog.SentFeed> eldest) {
            return eldest.getValue().at().isBefore(clock.instant().minus(AmazonFeedLog.KEPT_FOR));
        }
    });

    AmazonStoreClient(ChannelProperties.AmazonStore store, AmazonApi api, RateLimiter confirmations,
                      RateLimiter listings, FeedLimits feedLimits, AmazonFeedWatch watch, AmazonFeedLog feedLog,
                      Clock clock) {
        this.store = store;
        this.api = api;
        this.confirmations = confirmations;
        this.listings = listings;
        this.feedLimits = feedLimits;
        this.watch = watch;
        this.feedLog = feedLog;
        this.clock = clock;
    }

    String storeId() {
        return store.id();
    }

    /**
     * After a start: the seller's feeds as {@link AmazonFeedLog} kept them. Their calls, read again, send nothing;
     * the feeds Amazon had not processed are followed again.
     */
    void resume(List<AmazonFeedLog.SentFeed> sent) {
        for (AmazonFeedLog.SentFeed feed : sent) {
            feeds.put(feed.callId(), feed);
            if (feed.created() && !feed.processed()) {
                follow(feed);
            }
        }
    }

    @Override
    public void send(OutboundCall call) {
        switch (call.kind()) {
            case FULFIL -> confirm(call);
            case RETRACK -> retrack(call);
            case CANCEL -> cancel(call);
            case STOCK -> stock(call);
            case COMPLETE -> {
                // Amazon completes shipped orders itself
            }
        }
    }

    /**
     * Our cancellation: an order acknowledgement with StatusCode Failure for every item, unless Amazon shows the
     * order cancelled already; refused while Amazon shows some of it shipped.
     */
    private void cancel(OutboundCall call) {
        if (feedCreated(call)) {
            return;
        }
        JsonNode order = api.getOrder(call.externalRef());
        String status = order.path("OrderStatus").asString("");
        if (status.equals("Canceled")) {
            return;  // cancelled on Amazon already (by a feed of ours that got through, or by the buyer)
        }
        List<JsonNode> items = api.getOrderItems(call.externalRef());
        if (status.equals("Shipped") || status.equals("PartiallyShipped")
                || items.stream().anyMatch(i -> i.path("QuantityShipped").asInt(0) > 0)) {
            throw new ChannelRefusedException("Order " + call.externalRef() + " was cancelled with us, but Amazon"
                    + " shows it " + (status.isEmpty() ? "shipped" : status) + ": cancelling it now would refund the"
                    + " whole order; settle it in Seller Central");
        }
        List<String> itemIds = items.stream().map(i -> i.path("OrderItemId").asString()).toList();
        String reason = AmazonFeeds.cancelReason(call.reason());
        submit(call, AmazonFeeds.ACKNOWLEDGEMENT, order.path("MarketplaceId").asString(),
                AmazonFeeds.cancellation(sellerId(call), call.externalRef(), itemIds, reason));
    }

    /**
     * A confirmed package's new tracking number: an order fulfilment of the items the package holds (by SKU when
     * the call says, else every item shipped) with the new carrier and number.
     */
    private void retrack(OutboundCall call) {
        if (feedCreated(call)) {
            return;
        }
        String marketplaceId = api.getOrder(call.externalRef()).path("MarketplaceId").asString();
        Map<String, Integer> inParcel = unitsBySku(call.items());
        List<AmazonFeeds.Item> items = new ArrayList<>();
        for (JsonNode item : api.getOrderItems(call.externalRef())) {
            int shipped = item.path("QuantityShipped").asInt(0);
            String sku = item.path("SellerSKU").asString("");
            int units = inParcel == null ? shipped : Math.min(shipped, inParcel.getOrDefault(sku, 0));
            if (units > 0) {
                items.add(new AmazonFeeds.Item(item.path("OrderItemId").asString(), units));
            }
        }
        if (items.isEmpty()) {
            throw new ChannelRefusedException("Amazon shows nothing of order " + call.externalRef() + " shipped: there"
                    + " is no package to give tracking number " + call.trackingNumber() + " (it was "
                    + call.previousTrackingNumber() + ")");
        }
        submit(call, AmazonFeeds.FULFILMENT, marketplaceId, AmazonFeeds.trackingCorrection(sellerId(call),
                call.externalRef(), carrier(call.carrier()), call.trackingNumber(), items, clock.instant()));
    }

    /**
     * Whether Amazon took a feed for the call already. A feed recorded without its id (the gateway stopped while
     * createFeed was asked) is not known to be taken: it is sent again, after the order is read again.
     */
    private boolean feedCreated(OutboundCall call) {
        AmazonFeedLog.SentFeed feed = feeds.get(call.callId());
        return feed != null && feed.created();
    }

    /**
     * One feed: a createFeed permit first (none: the call waits its turn on its topic), then the document and its
     * upload, recorded by the call's id before the feed is created, then the feed, recorded with its id and
     * followed until Amazon has processed it.
     */
    private void submit(OutboundCall call, String feedType, String marketplaceId, String content) {
        if (!feedLimits.feeds().acquirePermission()) {
            throw RequestNotPermitted.createRequestNotPermitted(feedLimits.feeds());
        }
        AmazonApi.FeedDocument document = RateLimiter.decorateSupplier(feedLimits.documents(),
                () -> api.createFeedDocument(AmazonFeeds.CONTENT_TYPE)).get();
        api.upload(document, AmazonFeeds.CONTENT_TYPE, content);
        AmazonFeedLog.SentFeed uploaded = new AmazonFeedLog.SentFeed(call.callId(), store.id(), feedType,
                document.feedDocumentId(), null, false, clock.instant(), call);
        try {
            feedLog.record(uploaded);
        } catch (PublishFailedException e) {
            // not created: a feed that could not be kept is not sent, and the call is tried again
            throw new ChannelUnavailableException("The feed for " + call.kind() + " of order " + call.externalRef()
                    + " could not be recorded before it is sent: " + e.getMessage(), null, e);
        }
        feeds.put(call.callId(), uploaded);
        AmazonFeedLog.SentFeed created = uploaded.created(api.createFeed(feedType, marketplaceId,
                document.feedDocumentId()));
        feeds.put(call.callId(), created);
        keep(created, () -> feedLog.record(created));
        follow(created);
    }

    private void follow(AmazonFeedLog.SentFeed feed) {
        watch.follow(api, feedLimits.getFeed(), store.feedCheckEvery(), feed.feedId(), feed.call(),
                new AmazonFeedWatch.Outcome() {
                    @Override
                    public void processed(OutboundCall call) {
                        AmazonFeedLog.SentFeed done = feed.done();
                        feeds.put(call.callId(), done);
                        keep(done, () -> feedLog.record(done));
                    }

                    @Override
                    public void refused(OutboundCall call) {
                        feeds.remove(call.callId());
                        keep(feed, () -> feedLog.forget(call.callId()));
                    }
                });
    }

    /**
     * Writes what became of a feed Amazon took. Not written, it is still known to this process; after a restart
     * the feed is followed again from what was written last, and its outcome written then.
     */
    private static void keep(AmazonFeedLog.SentFeed feed, Runnable write) {
        try {
            write.run();
        } catch (PublishFailedException e) {
            log.warn("Could not record Amazon feed {} of call {} (store {}): {}", feed.feedId(), feed.callId(),
                    feed.storeId(), e.getMessage());
        }
    }

    private String sellerId(OutboundCall call) {
        if (store.sellerId() == null || store.sellerId().isBlank()) {
            throw new ChannelRefusedException("Store " + store.id() + " has no seller-id, which Amazon's feeds are"
                    + " sent under: " + call.kind() + " of order " + call.externalRef() + " is left to Seller Central");
        }
        return store.sellerId();
    }

    /** Amazon's carrier code for ours, and the carrier's name for one Amazon does not list ({@code Other}). */
    private static Map.Entry<String, String> carrier(String ours) {
        String carrier = ours == null ? "" : ours.strip();
        String code = CARRIER_CODES.get(carrier.toLowerCase(Locale.ROOT));
        return code != null ? Map.entry(code, carrier) : Map.entry("Other", carrier.isEmpty() ? "Other" : carrier);
    }

    private void stock(OutboundCall call) {
        JsonNode answer;
        try {
            answer = RateLimiter.decorateSupplier(listings, () -> api.patchListingQuantity(call.sku(), call.quantity()))
                    .get();
        } catch (ChannelRefusedException e) {
            if (e.status() == 404) {
                return;  // a SKU the seller does not list: nothing to set
            }
            throw e;
        }
        List<String> errors = new ArrayList<>();
        answer.path("issues").forEach(issue -> {
            if ("ERROR".equals(issue.path("severity").asString(""))) {
                errors.add(issue.path("code").asString("") + " " + issue.path("message").asString(""));
            }
        });
        if ("INVALID".equals(answer.path("status").asString("")) || !errors.isEmpty()) {
            throw new ChannelRefusedException("Amazon refused the quantity " + call.quantity() + " of " + call.sku()
                    + ": " + String.join("; ", errors));
        }
    }

    private void confirm(OutboundCall call) {
        String marketplaceId = api.getOrder(call.externalRef()).path("MarketplaceId").asString();
        Map<String, Integer> inParcel = unitsBySku(call.items());
        List<Map<String, Object>> items = new ArrayList<>();
        for (JsonNode item : api.getOrderItems(call.externalRef())) {
            int left = item.path("QuantityOrdered").asInt(0) - item.path("QuantityShipped").asInt(0);
            String sku = item.path("SellerSKU").asString("");
            int units = inParcel == null ? left : Math.min(left, inParcel.getOrDefault(sku, 0));
            if (units > 0) {
                items.add(Map.of("orderItemId", item.path("OrderItemId").asString(), "quantity", units));
                if (inParcel != null) {
                    inParcel.merge(sku, -units, Integer::sum);
                }
            }
        }
        if (items.isEmpty()) {
            return;  // every item is confirmed shipped already
        }
        Map<String, Object> packageDetail = new LinkedHashMap<>();
        packageDetail.put("packageReferenceId", call.callId());
        Map.Entry<String, String> carrier = carrier(call.carrier());
        packageDetail.put("carrierCode", carrier.getKey());
        if (carrier.getKey().equals("Other")) {
            packageDetail.put("carrierName", carrier.getValue());
        }
        packageDetail.put("trackingNumber", call.trackingNumber());
        packageDetail.put("shipDate", clock.instant().toString());
        packageDetail.put("orderItems", items);
        RateLimiter.decorateRunnable(confirmations, () -> api.confirmShipment(call.externalRef(),
                Map.of("marketplaceId", marketplaceId, "packageDetail", packageDetail))).run();
    }

    /** What a parcel holds by SKU, when its shipment said; null when it did not (it then holds what is left). */
    private static Map<String, Integer> unitsBySku(List<ParcelLine> lines) {
        if (lines == null || lines.isEmpty() || lines.stream().anyMatch(line -> line.sku() == null)) {
            return null;
        }
        Map<String, Integer> units = new LinkedHashMap<>();
        lines.forEach(line -> units.merge(line.sku(), line.quantity(), Integer::sum));
        return units;
    }
}
