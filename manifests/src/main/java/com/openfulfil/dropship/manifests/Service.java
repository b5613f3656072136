package com.openfulfil.dropship.manifests;

import com.openfulfil.dropship.events.topics.Topics;

import java.util.List;

/**
 * The services of the pipeline as a deployment sees them: name (also its Kafka Streams
 * application id, consumer-group prefix and Kafka user), HTTP port, and the registry topics it
 * reads. What each writes comes from the registry ({@code TopicSpec.writer}), plus the topics of
 * another service it also writes to ({@link #alsoWrites}).
 */
public enum Service {
    CATALOG("catalog-service", 8082, List.of(Topics.CATALOG_FEED.name(), Topics.ORDERS_PLACED.name(),
            Topics.RESERVATION_REQUESTS.name(), Topics.RESERVATION_RESULTS.name(), Topics.FULFILMENT_EVENTS.name(),
            Topics.ORDERS_LIFECYCLE.name())),
    /* order-service also hands a customer's return parcel to tracking-service on tracking.registrations. */
    ORDER("order-service", 8081, List.of(Topics.ORDERS_PLACED.name(), Topics.ORDER_ALLOCATIONS.name(),
            Topics.FULFILMENT_EVENTS.name(), Topics.TRACKING_EVENTS.name(), Topics.ORDER_COMMANDS.name(),
            Topics.COMMISSIONS_LEDGER.name(), Topics.CATALOG_PRODUCTS.name(), Topics.PARTNERS.name(),
            Topics.ORDERS_LIFECYCLE.name(), Topics.STOREFRONT_WEBHOOKS.name()),
            List.of(Topics.TRACKING_REGISTRATIONS.name())),
    GATEWAY("supplier-gateway", 8083, List.of(Topics.ORDER_ALLOCATIONS.name(), Topics.ORDERS_LIFECYCLE.name(),
            Topics.FULFILMENT_COMMANDS.name(), Topics.FULFILMENT_BY_SUPPLIER.name())),
    TRACKING("tracking-service", 8084, List.of(Topics.FULFILMENT_EVENTS.name(), Topics.TRACKING_REGISTRATIONS.name(),
            Topics.CARRIER_EVENTS.name(), Topics.ORDERS_LIFECYCLE.name(), Topics.TRACKING_EVENTS.name(),
            Topics.NOTIFICATIONS_OUTBOUND.name())),
    COMMISSION("commission-service", 8085, List.of(Topics.ORDERS_LIFECYCLE.name(), Topics.PARTNERS.name(),
            Topics.COMMISSIONS_LEDGER.name(), Topics.PAYOUT_REQUESTS.name(), Topics.PAYOUT_DETAILS.name())),
    OPS_CONSOLE("ops-console", 8080, List.of(Topics.ORDERS_LIFECYCLE.name(), Topics.STOCK_ALERTS.name(),
            Topics.FULFILMENT_EVENTS.name())),
    /*
     * channel-gateway reads its own inbound, outbound, watermark and feed topics back (its stream, its connector,
     * its Amazon poller), and places the channels' orders and cancellations on order-service's intake topics,
     * as order-service's own API does: Write on orders.placed and orders.commands, nothing more of them.
     */
    CHANNELS("channel-gateway", 8086, List.of(Topics.ORDERS_PLACED.name(), Topics.ORDERS_LIFECYCLE.name(),
            Topics.FULFILMENT_EVENTS.name(), Topics.CATALOG_PRODUCTS.name(), Topics.CHANNELS_INBOUND.name(),
            Topics.CHANNELS_OUTBOUND.name(), Topics.CHANNELS_AMAZON_WATERMARKS.name(),
            Topics.CHANNELS_AMAZON_FEEDS.name()),
            List.of(Topics.ORDERS_PLACED.name(), Topics.ORDER_COMMANDS.name()));

    /** The prefix of every supplier's dispatch and updates topics, which supplier-gateway owns. */
    public static final String SUPPLIER_TOPICS = "supplier.";

    private final String id;
    private final int port;
    private final List<String> reads;
    private final List<String> alsoWrites;

    Service(String id, int port, List<String> reads) {
        this(id, port, reads, List.of());
    }

    Service(String id, int port, List<String> reads, List<String> alsoWrites) {
        this.id = id;
        this.port = port;
        this.reads = reads;
        this.alsoWrites = alsoWrites;
    }

    public String id() {
        return id;
    }

    public int port() {
        return port;
    }

    public List<String> reads() {
        return reads;
    }

    /** The registry topics the service owns, then those of other services it writes to. */
    public List<String> writes() {
        return java.util.stream.Stream.concat(Topics.all().stream().filter(t -> t.writer().equals(id))
                .map(t -> t.name()), alsoWrites.stream()).toList();
    }

    /** Topics another service owns that this one writes to as well. */
    public List<String> alsoWrites() {
        return alsoWrites;
    }

    /**
     * Whether the service reads suppliers' dispatch topics: supplier-gateway, which owns them, and the
     * ops console, whose supplier portal answers for suppliers with neither Kafka nor an API.
     */
    public boolean readsSupplierDispatches() {
        return this == GATEWAY || this == OPS_CONSOLE;
    }

    /** Whether the service reads and writes every supplier's topics (supplier-gateway does). */
    public boolean ownsSupplierTopics() {
        return this == GATEWAY;
    }
}
