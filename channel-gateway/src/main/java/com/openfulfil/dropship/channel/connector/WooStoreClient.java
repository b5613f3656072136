package com.openfulfil.dropship.channel.connector;

import com.openfulfil.dropship.channel.config.ChannelProperties;
import com.openfulfil.dropship.channel.domain.OutboundCall;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * One WooCommerce store's side of the calls, through its REST API ({@code /wp-json/wc/v3}, HTTP Basic
 * with the store's REST key). A parcel becomes a note to the customer with its carrier and tracking
 * number ({@code POST orders/<id>/notes}); an order done or cancelled on our side sets the store's
 * status ({@code PUT orders/<id>}); a product's stock sets the store's product with that SKU
 * ({@code GET products?sku=}, then {@code PUT products/<id>}, or {@code products/<parent>/variations/<id>}
 * for a variation, with {@code stock_quantity} and stock managed; a SKU the store does not sell is
 * skipped). Each call first reads what the store has, so one made again adds no second note, moves no
 * status back and sets no quantity the product already shows.
 */
final class WooStoreClient implements ChannelClient {
    private static final Set<String> FINAL = Set.of("completed", "cancelled", "refunded");

    private final URI api;
    private final String authorization;
    private final StoreHttp http;
    private final TrackingLinks links;

    WooStoreClient(ChannelProperties.WooStore store, Duration timeout, TrackingLinks links) {
        this.api = store.apiUrl();
        String credentials = (store.consumerKey() == null ? "" : store.consumerKey()) + ":"
                + (store.consumerSecret() == null ? "" : store.consumerSecret());
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
        this.http = new StoreHttp(timeout);
        this.links = links;
    }

    @Override
    public void send(OutboundCall call) {
        switch (call.kind()) {
            case FULFIL, RETRACK -> note(call);
            case COMPLETE -> status(call, "completed");
            case CANCEL -> status(call, "cancelled");
            case STOCK -> stock(call);
        }
    }

    private void note(OutboundCall call) {
        URI notes = uri("orders/" + call.externalRef() + "/notes");
        for (JsonNode note : http.send(get(notes))) {
            if (note.path("note").asString("").contains(call.trackingNumber())) {
                return;  // told already: the earlier call got through
            }
        }
        String company = links.company(call.carrier());
        String text = (call.kind() == OutboundCall.Kind.RETRACK
                ? "Tracking number changed from " + call.previousTrackingNumber() + ": your parcel is with " + company
                : "Your parcel is on its way with " + company) + ", tracking number " + call.trackingNumber()
                + links.url(call.trackingNumber()).map(url -> " (" + url + ")").orElse("") + ".";
        http.send(authorized(http.request(notes)).header("Content-Type", "application/json")
                .POST(StoreHttp.json(Map.of("note", text, "customer_note", true))).build());
    }

    private void status(OutboundCall call, String status) {
        URI order = uri("orders/" + call.externalRef());
        String now = http.send(get(order)).path("status").asString("");
        if (now.equals(status) || FINAL.contains(now)) {
            return;  // already there, or past where we could move it
        }
        http.send(authorized(http.request(order)).header("Content-Type", "application/json")
                .PUT(StoreHttp.json(Map.of("status", status))).build());
    }

    private void stock(OutboundCall call) {
        JsonNode found = http.send(get(uri("products?sku=" + URLEncoder.encode(call.sku(), StandardCharsets.UTF_8))));
        for (JsonNode product : found) {
            if (!call.sku().equals(product.path("sku").asString(""))) {
                continue;  // WooCommerce matches SKUs partly too
            }
            if (product.path("manage_stock").asBoolean(false) && product.has("stock_quantity")
                    && product.path("stock_quantity").asInt() == call.quantity()) {
                return;  // shows it already: the earlier call got through
            }
            long parent = product.path("parent_id").asLong(0);
            URI target = uri(parent > 0 ? "products/" + parent + "/variations/" + product.path("id").asLong()
                    : "products/" + product.path("id").asLong());
            http.send(authorized(http.request(target)).header("Content-Type", "application/json")
                    .PUT(StoreHttp.json(Map.of("manage_stock", true, "stock_quantity", call.quantity()))).build());
            return;
        }
        // a SKU the store does not sell: nothing to set
    }

    private HttpRequest get(URI uri) {
        return authorized(http.request(uri)).GET().build();
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return request.header("Authorization", authorization);
    }

    private URI uri(String path) {
        return URI.create(api + "/" + path);
    }
}
