package com.openfulfil.dropship.events.topics;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.catalog.AllocationEvent;
import com.openfulfil.dropship.events.catalog.OfferFeedRow;
import com.openfulfil.dropship.events.catalog.ProductUpdated;
import com.openfulfil.dropship.events.catalog.ReservationRequest;
import com.openfulfil.dropship.events.catalog.ReservationResult;
import com.openfulfil.dropship.events.catalog.StockAlert;
import com.openfulfil.dropship.events.notification.NotificationMessage;
import com.openfulfil.dropship.events.notification.SmsOptOutChanged;
import com.openfulfil.dropship.events.ops.OpsMessage;
import com.openfulfil.dropship.events.order.OrderCommand;
import com.openfulfil.dropship.events.order.OrderPlaced;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.partner.LedgerEvent;
import com.openfulfil.dropship.events.partner.PartnerUpdated;
import com.openfulfil.dropship.events.partner.PayoutDetailsSet;
import com.openfulfil.dropship.events.partner.PayoutRequested;
import com.openfulfil.dropship.events.serde.Format;
import com.openfulfil.dropship.events.storefront.StorefrontWebhookSet;
import com.openfulfil.dropship.events.supplier.DispatchMessage;
import com.openfulfil.dropship.events.supplier.FulfilmentEvent;
import com.openfulfil.dropship.events.supplier.GatewayCommand;
import com.openfulfil.dropship.events.supplier.SupplierUpdate;
import com.openfulfil.dropship.events.tracking.CarrierCheckpoint;
import com.openfulfil.dropship.events.tracking.ParcelRegistered;
import com.openfulfil.dropship.events.tracking.TrackingEvent;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The topic registry: every topic of the pipeline, declared once. Topics keyed by orderId share
 * one partition count so that a service can keep all of an order's events in one task.
 */
public final class Topics {
    /** Partitions of every order-keyed topic (and of the sku-keyed ones, which sit in the same tasks). */
    public static final int PARTITIONS = 3;

    private static final long FOREVER = -1;
    private static final long WEEK = Duration.ofDays(7).toMillis();
    private static final Pattern SUPPLIER_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public static final TopicSpec CATALOG_FEED = spec("catalog.feed", "sku", OfferFeedRow.class, Cleanup.DELETE,
            WEEK, "catalog-service", true, "Supplier feed rows waiting to be applied to a product");
    public static final TopicSpec CATALOG_PRODUCTS = spec("catalog.products", "sku", ProductUpdated.class,
            Cleanup.COMPACT, FOREVER, "catalog-service", false,
            "Current product: retail price, listing state, offers with availability");
    public static final TopicSpec STOCK_ALERTS = spec("catalog.stock-alerts", "sku", StockAlert.class,
            Cleanup.DELETE, WEEK, "catalog-service", false, "LowStock, OutOfStock, BackInStock", Format.JSON);
    public static final TopicSpec RESERVATION_REQUESTS = spec("catalog.reservation-requests", "sku",
            ReservationRequest.class, Cleanup.DELETE, WEEK, "catalog-service", true,
            "Reserve, release or consume one order line's stock, routed to the task that owns the product");
    public static final TopicSpec RESERVATION_RESULTS = spec("catalog.reservation-results", "orderId",
            ReservationResult.class, Cleanup.DELETE, WEEK, "catalog-service", true,
            "Per-line reservation answers, routed back to the task that owns the order");
    public static final TopicSpec ORDERS_PLACED = spec("orders.placed", "orderId", OrderPlaced.class,
            Cleanup.DELETE, FOREVER, "order-service", false, "OrderPlaced");
    public static final TopicSpec ORDER_COMMANDS = spec("orders.commands", "orderId", OrderCommand.class,
            Cleanup.DELETE, FOREVER, "order-service", true, "What is asked of an order and the answers it waits for: cancel, confirm receipt, complete,"
                    + " returns and refunds (the approval, the provider's outcome, a pending one settled or released),"
                    + " a store's cancellation or"
                    + " address change");
    public static final TopicSpec ORDERS_LIFECYCLE = spec("orders.lifecycle", "orderId", OrderStatusChanged.class,
            Cleanup.DELETE, FOREVER, "order-service", false, "Every status change of an order, with the order");
    public static final TopicSpec ORDER_ALLOCATIONS = spec("orders.allocations", "orderId", AllocationEvent.class,
            Cleanup.DELETE, FOREVER, "catalog-service", false, "StockAllocated or StockRejected");
    public static final TopicSpec FULFILMENT_EVENTS = spec("fulfilment.events", "orderId", FulfilmentEvent.class,
            Cleanup.DELETE, FOREVER, "supplier-gateway", false,
            "Normalised supplier events: DispatchSent, SupplierAccepted, SupplierRejected, ParcelsShipped");
    public static final TopicSpec FULFILMENT_COMMANDS = spec("fulfilment.commands", "orderId", GatewayCommand.class,
            Cleanup.DELETE, FOREVER, "supplier-gateway", true,
            "What operators ask of a supplier's part of an order through the API: reroute to a backup");
    public static final TopicSpec FULFILMENT_BY_SUPPLIER = spec("fulfilment.by-supplier", "supplierId",
            FulfilmentEvent.class, Cleanup.DELETE, WEEK, "supplier-gateway", true,
            "The gateway's news of a supplier whose books (ledger, scorecard) another of its tasks keeps");
    public static final TopicSpec TRACKING_REGISTRATIONS = spec("tracking.registrations", "trackingNumber",
            ParcelRegistered.class, Cleanup.DELETE, WEEK, "supplier-gateway", true,
            "Tracking numbers to follow, written with the shipment and routed to the task that owns the parcel");
    public static final TopicSpec CARRIER_EVENTS = spec("tracking.carrier-events", "trackingNumber",
            CarrierCheckpoint.class, Cleanup.DELETE, WEEK, "tracking-service", true,
            "Carrier checkpoints from webhooks and polling, normalised");
    public static final TopicSpec TRACKING_EVENTS = spec("tracking.events", "orderId", TrackingEvent.class,
            Cleanup.DELETE, FOREVER, "tracking-service", false,
            "Parcel status changes, delays and lost-parcel claims");
    public static final TopicSpec NOTIFICATIONS_OUTBOUND = spec("notifications.outbound", "orderId",
            NotificationMessage.class, Cleanup.DELETE, FOREVER, "tracking-service", false,
            "Messages to customers: confirmation, shipping notice, delay notice, delivered");
    public static final TopicSpec SMS_OPT_OUTS = spec("notifications.sms-opt-outs", "phone",
            SmsOptOutChanged.class, Cleanup.COMPACT, FOREVER, "tracking-service", true,
            "Customers who answered a text message with STOP (or START again), by phone number");
    public static final TopicSpec PARTNERS = spec("partners", "partnerId", PartnerUpdated.class, Cleanup.COMPACT,
            FOREVER, "commission-service", false, "The partner registry");
    public static final TopicSpec STOREFRONT_WEBHOOKS = spec("storefronts.webhooks", "storefrontId",
            StorefrontWebhookSet.class, Cleanup.COMPACT, FOREVER, "order-service", true,
            "Where each storefront wants its orders' status changes POSTed");
    public static final TopicSpec COMMISSIONS_LEDGER = spec("commissions.ledger", "partnerId", LedgerEvent.class,
            Cleanup.DELETE, FOREVER, "commission-service", false,
            "CommissionEarned, CommissionReversed (clawback), CommissionRestored (a clawback given back), CommissionPaidOut");
    public static final TopicSpec PAYOUT_REQUESTS = spec("commissions.payout-requests", "orderId",
            PayoutRequested.class, Cleanup.DELETE, FOREVER, "commission-service", true,
            "The orders an admin's payout batch settles, routed to the task that owns each order's commission");
    public static final TopicSpec PAYOUT_DETAILS = spec("commissions.payout-details", "partnerId",
            PayoutDetailsSet.class, Cleanup.COMPACT, FOREVER, "commission-service", true,
            "Where each partner is paid, encrypted; commission-service alone reads it");
    public static final TopicSpec OPS_AUDIT = spec("ops.audit", "deadLetterTopic or supplierId", OpsMessage.class, Cleanup.DELETE,
            FOREVER, "ops-console", false, "What operators did: dead letters replayed or discarded, by whom and when",
            Format.JSON);

    /*
     * channel-gateway's own topics. Their values are the gateway's own JSON records (calls to a store, a
     * store's change to an order, a refusal, a watermark), not events of the contract: the registry names
     * Event as their type only because a TopicSpec must name one.
     */
    public static final TopicSpec CHANNELS_INBOUND = spec("channels.inbound", "orderId", Event.class, Cleanup.DELETE,
            WEEK, "channel-gateway", true, "Channels' new orders, cancellations and order edits, from their webhooks"
                    + " and the Amazon poller", Format.JSON);
    public static final TopicSpec CHANNELS_OUTBOUND = spec("channels.outbound", "orderId or sku", Event.class,
            Cleanup.DELETE, WEEK, "channel-gateway", true, "Calls to the channels the stream decided, in order per key",
            Format.JSON);
    public static final TopicSpec CHANNELS_REFUSALS = spec("channels.refusals", "orderId", Event.class, Cleanup.DELETE,
            FOREVER, "channel-gateway", false, "Channel changes we did not make, and why (for ops)", Format.JSON);
    public static final TopicSpec CHANNELS_AMAZON_WATERMARKS = spec("channels.amazon-watermarks", "storeId",
            Event.class, Cleanup.COMPACT, FOREVER, "channel-gateway", true,
            "How far each Amazon store's orders have been read (an ISO instant)", Format.JSON);
    public static final TopicSpec CHANNELS_AMAZON_FEEDS = spec("channels.amazon-feeds", "callId", Event.class,
            Cleanup.COMPACT, FOREVER, "channel-gateway", true,
            "Each order feed sent to an Amazon seller, by the call it was sent for, until Amazon has processed it",
            Format.JSON);

    private static final List<TopicSpec> ALL = List.of(CATALOG_FEED, CATALOG_PRODUCTS, STOCK_ALERTS,
            RESERVATION_REQUESTS, RESERVATION_RESULTS, ORDERS_PLACED, ORDER_COMMANDS, ORDERS_LIFECYCLE,
            ORDER_ALLOCATIONS, FULFILMENT_EVENTS, FULFILMENT_COMMANDS, FULFILMENT_BY_SUPPLIER, TRACKING_REGISTRATIONS,
            CARRIER_EVENTS,
            TRACKING_EVENTS, NOTIFICATIONS_OUTBOUND, SMS_OPT_OUTS, PARTNERS, COMMISSIONS_LEDGER, PAYOUT_REQUESTS, PAYOUT_DETAILS,
            STOREFRONT_WEBHOOKS, OPS_AUDIT, CHANNELS_INBOUND, CHANNELS_OUTBOUND, CHANNELS_REFUSALS,
            CHANNELS_AMAZON_WATERMARKS, CHANNELS_AMAZON_FEEDS);

    private static final Map<String, TopicSpec> BY_NAME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(TopicSpec::name, t -> t));

    /** Every supplier's updates topic, for a stream that reads all of them. */
    public static final Pattern SUPPLIER_UPDATES = Pattern.compile("supplier\\.[a-z0-9][a-z0-9-]*\\.updates");

    private Topics() {
    }

    /** Every fixed topic; per-supplier topics come from {@link #supplierDispatch} and {@link #supplierUpdates}. */
    public static List<TopicSpec> all() {
        return ALL;
    }

    public static Optional<TopicSpec> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** Dispatch instructions for one supplier; only that supplier may read it (addresses are personal data). */
    public static TopicSpec supplierDispatch(String supplierId) {
        return spec("supplier." + checkSupplierId(supplierId) + ".dispatch", "orderId", DispatchMessage.class,
                Cleanup.DELETE, FOREVER, "supplier-gateway", false, "DispatchRequested, CancellationRequested",
                Format.JSON);
    }

    /** What one supplier reports back; only that supplier may write it. */
    public static TopicSpec supplierUpdates(String supplierId) {
        return spec("supplier." + checkSupplierId(supplierId) + ".updates", "orderId", SupplierUpdate.class,
                Cleanup.DELETE, FOREVER, supplierId, false,
                "DispatchAccepted, DispatchRejected, DispatchShipped, CancellationAccepted, CancellationRejected",
                Format.JSON);
    }

    /** The dead-letter topic for messages that {@code group} could not read from {@code topic}. */
    public static String dlq(String topic, String group) {
        return topic + "." + group + ".dlq";
    }

    public static boolean isValidSupplierId(String supplierId) {
        return supplierId != null && SUPPLIER_ID.matcher(supplierId).matches();
    }

    private static String checkSupplierId(String supplierId) {
        if (!isValidSupplierId(supplierId)) {
            throw new IllegalArgumentException("Supplier id must be lower-case letters, digits and '-': " + supplierId);
        }
        return supplierId;
    }

    /**
     * How values are written to {@code topic}: the registry's format for its topics, JSON for every
     * other (suppliers' topics, dead letters, topics of other applications).
     */
    public static Format format(String topic) {
        TopicSpec spec = BY_NAME.get(topic);
        return spec == null ? Format.JSON : spec.format();
    }

    private static TopicSpec spec(String name, String key, Class<? extends Event> valueType, Cleanup cleanup,
                                  long retentionMs, String writer, boolean internal, String description) {
        return spec(name, key, valueType, cleanup, retentionMs, writer, internal, description, Format.BINARY);
    }

    private static TopicSpec spec(String name, String key, Class<? extends Event> valueType, Cleanup cleanup,
                                  long retentionMs, String writer, boolean internal, String description,
                                  Format format) {
        return new TopicSpec(name, key, String.class, valueType, PARTITIONS, cleanup, retentionMs, writer, internal,
                description, format);
    }
}
