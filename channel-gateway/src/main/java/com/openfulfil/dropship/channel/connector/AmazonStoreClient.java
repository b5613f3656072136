package com.openfulfil.dropship.channel.connector;

import com.openfulfil.dropship.channel.domain.OutboundCall;
import com.openfulfil.dropship.channel.domain.ParcelLine;
import io.github.resilience4j.ratelimiter.RateLimiter;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One Amazon store's side of the calls: a parcel becomes {@code confirmShipment} with its carrier code
 * and tracking number, for the units the parcel holds when its shipment said (by SKU), else for the
 * order's items not yet shipped; never more than an item has left (read from {@code getOrderItems}
 * first, so a confirmation made again confirms nothing twice). Amazon cannot change a confirmed package's tracking
 * number, and cancelling is done in Seller Central: those calls are refused, so ops see them.
 * Each confirmation also waits for the store's confirmShipment rate limiter (2 a second, burst 10). A
 * product's stock sets the quantity of the seller's offer of that SKU (Listings Items'
 * {@code patchListingsItem}, through its own rate limiter: 5 a second, burst 10); a SKU the seller does
 * not list (404) is skipped, issues Amazon raises at once refuse the call.
 */
final class AmazonStoreClient implements ChannelClient {
    private static final Map<String, String> CARRIER_CODES = Map.of("dhl", "DHL", "ups", "UPS", "fedex", "FedEx",
            "usps", "USPS", "colissimo", "Colissimo", "dpd", "DPD", "gls", "GLS", "royal-mail", "Royal Mail");

    private final AmazonApi api;
    private final RateLimiter confirmations;
    private final RateLimiter listings;
    private final Clock clock;

    AmazonStoreClient(AmazonApi api, RateLimiter confirmations, RateLimiter listings, Clock clock) {
        this.api = api;
        this.confirmations = confirmations;
        this.listings = listings;
        this.clock = clock;
    }

    @Override
    public void send(OutboundCall call) {
        switch (call.kind()) {
            case FULFIL -> confirm(call);
            case RETRACK -> throw new ChannelRefusedException("Amazon cannot change the tracking number of order "
                    + call.externalRef() + "'s confirmed package from " + call.previousTrackingNumber() + " to "
                    + call.trackingNumber() + ": correct it in Seller Central");
            case CANCEL -> throw new ChannelRefusedException("Order " + call.externalRef()
                    + " was cancelled with us: cancel it in Seller Central");
            case STOCK -> stock(call);
            case COMPLETE -> {
                // Amazon completes shipped orders itself
            }
        }
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
        String carrier = call.carrier() == null ? "" : call.carrier().strip();
        String code = CARRIER_CODES.get(carrier.toLowerCase(Locale.ROOT));
        packageDetail.put("carrierCode", code != null ? code : "Other");
        if (code == null) {
            packageDetail.put("carrierName", carrier.isEmpty() ? "Other" : carrier);
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
