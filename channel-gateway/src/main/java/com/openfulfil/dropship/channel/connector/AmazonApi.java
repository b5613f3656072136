package com.openfulfil.dropship.channel.connector;

import com.openfulfil.dropship.channel.config.ChannelProperties;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The Selling Partner API's operations we use, for one seller, one call each, no retries: Orders'
 * {@code getOrders} (one page), {@code getOrder}, {@code getOrderItems} (every page) and
 * {@code confirmShipment}, Listings Items' {@code patchListingsItem}, Tokens'
 * {@code createRestrictedDataToken} for the one order whose buyer and address we need, and Feeds'
 * {@code createFeedDocument} (with the upload of the document to the URL it names), {@code createFeed},
 * {@code getFeed} and {@code getFeedDocument} (with the download of a processing report). Each call carries
 * a fresh-enough access token ({@link LwaTokens}); the order's restricted data, its Restricted Data Token; the
 * upload and download URLs, which Amazon signs, none.
 */
final class AmazonApi {
    /** One page of getOrders: its orders and the token of the next page (null on the last). */
    record OrdersPage(List<JsonNode> orders, String nextToken) {
    }

    /** A feed document created: its id, for createFeed, and the URL its content is uploaded to. */
    record FeedDocument(String feedDocumentId, URI url) {
    }

    private final ChannelProperties.AmazonStore store;
    private final StoreHttp http;
    private final LwaTokens tokens;

    AmazonApi(ChannelProperties.AmazonStore store, Duration timeout, Clock clock) {
        this.store = store;
        this.http = new StoreHttp(timeout);
        this.tokens = new LwaTokens(store, http, clock);
    }

    OrdersPage getOrders(Instant lastUpdatedAfter, String nextToken) {
        String query = "MarketplaceIds=" + encode(String.join(",", store.marketplaceIds()))
                + (nextToken != null ? "&NextToken=" + encode(nextToken)
                : "&LastUpdatedAfter=" + encode(lastUpdatedAfter.toString()));
        JsonNode payload = get("/orders/v0/orders?" + query).path("payload");
        List<JsonNode> orders = new ArrayList<>();
        payload.path("Orders").forEach(orders::add);
        String next = payload.path("NextToken").asString("");
        return new OrdersPage(orders, next.isEmpty() ? null : next);
    }

    JsonNode getOrder(String amazonOrderId) {
        return get("/orders/v0/orders/" + encode(amazonOrderId)).path("payload");
    }

    /**
     * The order with its restricted data (the buyer's name and e-mail, the whole shipping address), which
     * getOrders and getOrder leave out: a Restricted Data Token for this one order's {@code buyerInfo} and
     * {@code shippingAddress} first, then getOrder under that token. The token is used once and kept nowhere.
     */
    JsonNode getOrderWithBuyer(String amazonOrderId) {
        String path = "/orders/v0/orders/" + encode(amazonOrderId);
        Map<String, Object> resource = Map.of("method", "GET", "path", path,
                "dataElements", List.of("buyerInfo", "shippingAddress"));
        String token = http.send(authorized("/tokens/2021-03-01/restrictedDataToken")
                        .header("Content-Type", "application/json")
                        .POST(StoreHttp.json(Map.of("restrictedResources", List.of(resource)))).build())
                .path("restrictedDataToken").asString("");
        if (token.isEmpty()) {
            throw new ChannelRefusedException("Amazon gave no Restricted Data Token for order " + amazonOrderId);
        }
        return http.send(http.request(URI.create(store.endpoint().toString().replaceAll("/+$", "") + path))
                .header("x-amz-access-token", token).GET().build()).path("payload");
    }

    List<JsonNode> getOrderItems(String amazonOrderId) {
        List<JsonNode> items = new ArrayList<>();
        String next = null;
        do {
            JsonNode payload = get("/orders/v0/orders/" + encode(amazonOrderId) + "/orderItems"
                    + (next == null ? "" : "?NextToken=" + encode(next))).path("payload");
            payload.path("OrderItems").forEach(items::add);
            next = payload.path("NextToken").asString("");
        } while (!next.isEmpty());
        return items;
    }

    void confirmShipment(String amazonOrderId, Map<String, Object> body) {
        http.send(authorized("/orders/v0/orders/" + encode(amazonOrderId) + "/shipmentConfirmation")
                .header("Content-Type", "application/json").POST(StoreHttp.json(body)).build());
    }

    /**
     * Sets the quantity of the seller's offer of {@code sku} in its marketplaces: a JSON-patch merge of
     * {@code /attributes/fulfillment_availability} (merchant-fulfilled, {@code DEFAULT}), which changes the
     * quantity alone. Amazon checks the submission later; what it refuses at once comes back as issues.
     */
    JsonNode patchListingQuantity(String sku, int quantity) {
        Map<String, Object> availability = Map.of("fulfillment_channel_code", "DEFAULT", "quantity", quantity);
        Map<String, Object> body = Map.of("productType", "PRODUCT", "patches", List.of(Map.of("op", "merge",
                "path", "/attributes/fulfillment_availability", "value", List.of(availability))));
        return http.send(authorized("/listings/2021-08-01/items/" + encode(store.sellerId()) + "/" + encode(sku)
                + "?marketplaceIds=" + encode(String.join(",", store.marketplaceIds())))
                .header("Content-Type", "application/json").method("PATCH", StoreHttp.json(body)).build());
    }

    /** createFeedDocument: a document of {@code contentType} to upload a feed's content to. */
    FeedDocument createFeedDocument(String contentType) {
        JsonNode answer = http.send(authorized("/feeds/2021-06-30/documents").header("Content-Type", "application/json")
                .POST(StoreHttp.json(Map.of("contentType", contentType))).build());
        String id = answer.path("feedDocumentId").asString("");
        String url = answer.path("url").asString("");
        if (id.isEmpty() || url.isEmpty()) {
            throw new ChannelUnavailableException("Amazon created no feed document for store " + store.id(), null, null);
        }
        return new FeedDocument(id, URI.create(url));
    }

    /**
     * Uploads a feed document's content to the URL createFeedDocument gave, with the content type it was created
     * for and no access token (the URL is signed). Failures name the document, not the URL and its signature.
     */
    void upload(FeedDocument document, String contentType, String content) {
        try {
            http.bytes(http.request(document.url()).header("Content-Type", contentType)
                    .PUT(HttpRequest.BodyPublishers.ofString(content, StandardCharsets.UTF_8)).build());
        } catch (ChannelUnavailableException e) {
            throw new ChannelUnavailableException("The upload of feed document " + document.feedDocumentId()
                    + " failed; Amazon will be asked for another", e.retryAfter().orElse(null), null);
        } catch (ChannelRefusedException e) {
            throw new ChannelUnavailableException("The upload of feed document " + document.feedDocumentId()
                    + " was refused with " + e.status() + "; Amazon will be asked for another", null, null);
        }
    }

    /** createFeed: Amazon processes the uploaded document as {@code feedType} later; the feed's id. */
    String createFeed(String feedType, String marketplaceId, String feedDocumentId) {
        JsonNode answer = http.send(authorized("/feeds/2021-06-30/feeds").header("Content-Type", "application/json")
                .POST(StoreHttp.json(Map.of("feedType", feedType, "marketplaceIds", List.of(marketplaceId),
                        "inputFeedDocumentId", feedDocumentId))).build());
        String feedId = answer.path("feedId").asString("");
        if (feedId.isEmpty()) {
            throw new ChannelUnavailableException("Amazon gave no feed id for store " + store.id(), null, null);
        }
        return feedId;
    }

    /** getFeed: the feed's {@code processingStatus} and, once processed, its {@code resultFeedDocumentId}. */
    JsonNode getFeed(String feedId) {
        return get("/feeds/2021-06-30/feeds/" + encode(feedId));
    }

    /** A processed feed's report: getFeedDocument for its URL, then the report itself (gzipped when Amazon says). */
    String feedReport(String resultFeedDocumentId) {
        JsonNode document = get("/feeds/2021-06-30/documents/" + encode(resultFeedDocumentId));
        byte[] report = http.bytes(http.request(URI.create(document.path("url").asString())).GET().build());
        if ("GZIP".equals(document.path("compressionAlgorithm").asString(""))) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(report))) {
                report = in.readAllBytes();
            } catch (IOException e) {
                throw new ChannelUnavailableException("Feed report " + resultFeedDocumentId + " could not be unzipped",
                        null, e);
            }
        }
        return new String(report, StandardCharsets.UTF_8);
    }

    private JsonNode get(String path) {
        return http.send(authorized(path).GET().build());
    }

    private HttpRequest.Builder authorized(String path) {
        return http.request(URI.create(store.endpoint().toString().replaceAll("/+$", "") + path))
                .header("x-amz-access-token", tokens.accessToken());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
