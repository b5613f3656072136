package com.openfulfil.dropship.channelsim;

import com.openfulfil.dropship.events.serde.Json;
import com.sun.net.httpserver.HttpExchange;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simulated seller's Feeds API (2021-06-30) for its order feeds:
 * <ul>
 *   <li>{@code createFeedDocument} ({@code POST /feeds/2021-06-30/documents} with a {@code contentType}) answers a
 *   document id and the URL to upload it to, which takes a {@code PUT} of the content without an access token;</li>
 *   <li>{@code createFeed} ({@code POST /feeds/2021-06-30/feeds} with {@code feedType}, {@code marketplaceIds} and
 *   {@code inputFeedDocumentId}) processes the uploaded XML at once (or, while feeds are held, leaves it
 *   {@code IN_QUEUE} until they are let go, as Amazon's queue does at busy times):
 *   {@code POST_ORDER_ACKNOWLEDGEMENT_DATA} with {@code StatusCode} Failure cancels the order (refused while any of its items is shipped, as Amazon would
 *   refund the whole order), {@code POST_ORDER_FULFILLMENT_DATA} ships the items it names, and gives items shipped
 *   already its carrier and tracking number (a correction);</li>
 *   <li>{@code getFeed} answers the feed's {@code processingStatus} ({@code DONE}, or {@code FATAL} for a document
 *   that is not the feed's XML, or a feed Amazon is set to fail) and its processing report's document,
 *   {@code getFeedDocument} the report's URL, where the report says how each message went.</li>
 * </ul>
 */
final class Feeds {
    /** Where documents are uploaded and reports read: Amazon's presigned URLs stand on another host. */
    static final String UPLOADS = "/feed-documents/";
    static final String ACKNOWLEDGEMENT = "POST_ORDER_ACKNOWLEDGEMENT_DATA";
    static final String FULFILMENT = "POST_ORDER_FULFILLMENT_DATA";
    /** The cancel reasons of Amazon's OrderAcknowledgement XSD. */
    private static final Set<String> CANCEL_REASONS = Set.of("NoInventory", "ShippingAddressUndeliverable",
            "CustomerExchange", "BuyerCanceled", "GeneralAdjustment", "CarrierCreditDecision",
            "RiskAssessmentInformationNotValid", "CarrierCoverageFailure", "CustomerReturn", "MerchandiseNotReceived");

    private record Upload(String contentType, byte[] content) {
    }

    private final AmazonSimulator seller;
    private final Map<String, Upload> documents = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> feeds = new ConcurrentHashMap<>();
    private final List<String> feedTypes = Collections.synchronizedList(new ArrayList<>());
    private final List<AmazonSimulator.Cancellation> cancellations = Collections.synchronizedList(new ArrayList<>());
    private final List<AmazonSimulator.TrackingCorrection> corrections = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger tooManyLeft = new AtomicInteger();
    private final AtomicInteger throttled = new AtomicInteger();
    private final AtomicInteger failLeft = new AtomicInteger();
    /** The order ids each feed created names, by feed id. */
    private final Map<String, List<String>> feedOrders = new ConcurrentHashMap<>();
    /** Feeds created while held, in order, processed once let go; null while feeds are processed at once. */
    private List<Runnable> held;

    Feeds(AmazonSimulator seller) {
        this.seller = seller;
    }

    void tooManyRequests(int calls) {
        tooManyLeft.set(calls);
    }

    void fail(int feeds) {
        failLeft.set(feeds);
    }

    /** Held: feeds created stay IN_QUEUE; let go, those waiting are processed in the order they came. */
    void hold(boolean hold) {
        List<Runnable> waiting;
        synchronized (this) {
            if (hold) {
                held = held == null ? new ArrayList<>() : held;
                return;
            }
            waiting = held == null ? List.of() : held;
            held = null;
        }
        waiting.forEach(Runnable::run);
    }

    /** How many feeds created name the order. */
    int feedsNaming(String amazonOrderId) {
        return (int) feedOrders.values().stream().filter(ids -> ids.contains(amazonOrderId)).count();
    }

    int throttled() {
        return throttled.get();
    }

    List<String> feedTypes() {
        return List.copyOf(feedTypes);
    }

    List<AmazonSimulator.Cancellation> cancellations() {
        return List.copyOf(cancellations);
    }

    List<AmazonSimulator.TrackingCorrection> trackingCorrections() {
        return List.copyOf(corrections);
    }

    /** The Feeds API's operations, each with the seller's access token. */
    void api(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!seller.admits(exchange)) {
                return;
            }
            if (tooManyLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throttled.incrementAndGet();
                exchange.getResponseHeaders().add("Retry-After", "1");
                AmazonSimulator.reply(exchange, 429, AmazonSimulator.errors("QuotaExceeded",
                        "You exceeded your quota for the requested resource."));
                return;
            }
            String path = exchange.getRequestURI().getPath().substring("/feeds/2021-06-30/".length());
            String method = exchange.getRequestMethod();
            if (path.equals("documents") && method.equals("POST")) {
                createFeedDocument(exchange, Json.mapper().readTree(body));
            } else if (path.equals("feeds") && method.equals("POST")) {
                createFeed(exchange, Json.mapper().readTree(body));
            } else if (path.startsWith("feeds/") && method.equals("GET") && feeds.containsKey(path.substring(6))) {
                ObjectNode feed = feeds.get(path.substring(6));
                ObjectNode answer;
                synchronized (feed) {
                    answer = feed.deepCopy();
                }
                AmazonSimulator.reply(exchange, 200, answer);
            } else if (path.startsWith("documents/") && method.equals("GET") && documents.containsKey(path.substring(10))) {
                AmazonSimulator.reply(exchange, 200, Json.mapper().createObjectNode()
                        .put("feedDocumentId", path.substring(10)).put("url", url(path.substring(10))));
            } else {
                AmazonSimulator.reply(exchange, 404, AmazonSimulator.errors("NotFound", "No such feed resource"));
            }
        }
    }

    /** The presigned URL: {@code PUT} uploads a document created before, {@code GET} reads one. No access token. */
    void upload(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestURI().getPath().substring(UPLOADS.length());
            Upload document = documents.get(id);
            if (document == null) {
                exchange.sendResponseHeaders(404, -1);
            } else if (exchange.getRequestMethod().equals("PUT")) {
                String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
                if (!type.equals(document.contentType())) {
                    // the URL is signed for the content type the document was created with
                    exchange.sendResponseHeaders(403, -1);
                    return;
                }
                documents.put(id, new Upload(document.contentType(), body));
                exchange.sendResponseHeaders(200, -1);
            } else {
                exchange.getResponseHeaders().add("Content-Type", document.contentType());
                exchange.sendResponseHeaders(200, document.content().length);
                exchange.getResponseBody().write(document.content());
            }
        }
    }

    private String url(String documentId) {
        return seller.endpoint() + UPLOADS + documentId;
    }

    private void createFeedDocument(HttpExchange exchange, JsonNode body) throws IOException {
        String contentType = body.path("contentType").asString("");
        if (contentType.isEmpty()) {
            AmazonSimulator.reply(exchange, 400, AmazonSimulator.errors("InvalidInput", "contentType is required"));
            return;
        }
        String id = "amzn1.tortuga.4.na." + UUID.randomUUID();
        documents.put(id, new Upload(contentType, new byte[0]));
        AmazonSimulator.reply(exchange, 201, Json.mapper().createObjectNode().put("feedDocumentId", id)
                .put("url", url(id)));
    }

    private void createFeed(HttpExchange exchange, JsonNode body) throws IOException {
        String type = body.path("feedType").asString("");
        Upload document = documents.get(body.path("inputFeedDocumentId").asString(""));
        if (document == null || !body.path("marketplaceIds").isArray() || body.path("marketplaceIds").isEmpty()
                || !body.path("marketplaceIds").path(0).asString("").equals(AmazonSimulator.MARKETPLACE)) {
            AmazonSimulator.reply(exchange, 400, AmazonSimulator.errors("InvalidInput",
                    "A feed needs a document created before and the seller's marketplace"));
            return;
        }
        String feedId = Long.toString(50_000_000_000L + feeds.size());
        feedTypes.add(type);
        ObjectNode feed = Json.mapper().createObjectNode().put("feedId", feedId).put("feedType", type)
                .put("createdTime", Instant.now().toString()).put("processingStatus", "IN_QUEUE");
        feed.putArray("marketplaceIds").add(AmazonSimulator.MARKETPLACE);
        Document xml = parse(document.content());
        List<String> orderIds = new ArrayList<>();
        if (xml != null) {
            NodeList ids = xml.getDocumentElement().getElementsByTagName("AmazonOrderID");
            for (int i = 0; i < ids.getLength(); i++) {
                orderIds.add(ids.item(i).getTextContent().strip());
            }
        }
        feedOrders.put(feedId, List.copyOf(orderIds));
        feeds.put(feedId, feed);
        boolean processNow;
        synchronized (this) {
            processNow = held == null;
            if (!processNow) {
                held.add(() -> process(feed, type, xml));
            }
        }
        if (processNow) {
            process(feed, type, xml);
        }
        AmazonSimulator.reply(exchange, 202, Json.mapper().createObjectNode().put("feedId", feedId));
    }

    /** Processes the feed's XML: what it asks is done, and its processing report written. */
    private void process(ObjectNode feed, String type, Document xml) {
        List<String[]> results = new ArrayList<>();
        String expected = type.equals(ACKNOWLEDGEMENT) ? "OrderAcknowledgement"
                : type.equals(FULFILMENT) ? "OrderFulfillment" : null;
        String status;
        if (failLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            status = "FATAL";
            results.add(new String[]{"0", "The feed could not be processed; submit it again"});
        } else if (xml == null || expected == null
                || !expected.equals(text(xml.getDocumentElement(), "MessageType"))) {
            status = "FATAL";
            results.add(new String[]{"0", "The document is not a " + type + " feed"});
        } else {
            NodeList messages = xml.getDocumentElement().getElementsByTagName("Message");
            for (int i = 0; i < messages.getLength(); i++) {
                Element message = (Element) messages.item(i);
                String error = type.equals(ACKNOWLEDGEMENT) ? acknowledge(message) : fulfil(message);
                if (error != null) {
                    results.add(new String[]{text(message, "MessageID"), error});
                }
            }
            status = "DONE";
        }
        String report = "amzn1.tortuga.4.na." + UUID.randomUUID();
        int processed = xml == null || status.equals("FATAL") ? 0
                : xml.getDocumentElement().getElementsByTagName("Message").getLength();
        documents.put(report, new Upload("text/xml; charset=UTF-8", report(processed, results)));
        synchronized (feed) {
            feed.put("processingEndTime", Instant.now().toString()).put("resultFeedDocumentId", report)
                    .put("processingStatus", status);
        }
    }

    /** An order acknowledgement: Failure cancels the order unless some of it has shipped; the error, or null. */
    private String acknowledge(Element message) {
        Element ack = child(message, "OrderAcknowledgement");
        String orderId = ack == null ? "" : text(ack, "AmazonOrderID");
        ObjectNode order = seller.order(orderId);
        if (order == null) {
            return "No order " + orderId;
        }
        if (!"Failure".equals(text(ack, "StatusCode"))) {
            return null;  // an acknowledgement of an order taken changes nothing here
        }
        List<Element> lines = children(ack, "Item");
        String reason = lines.isEmpty() ? "" : text(lines.get(0), "CancelReason");
        if (!CANCEL_REASONS.contains(reason)) {
            return "Order " + orderId + ": CancelReason '" + reason + "' is not one of Amazon's";
        }
        if (seller.itemsOf(orderId).stream().anyMatch(i -> i.path("QuantityShipped").asInt() > 0)) {
            return "Order " + orderId + " has shipped items: it cannot be cancelled";
        }
        if (!"Canceled".equals(order.path("OrderStatus").asString())) {
            order.put("OrderStatus", "Canceled")
                    .put("LastUpdateDate", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
            cancellations.add(new AmazonSimulator.Cancellation(orderId, reason, lines.size()));
            seller.server().told("order " + orderId + " cancelled by the seller (" + reason + ")");
        }
        return null;
    }

    /** An order fulfilment: its items ship with its tracking number, or, shipped already, are given it; the error, or null. */
    private String fulfil(Element message) {
        Element fulfilment = child(message, "OrderFulfillment");
        String orderId = fulfilment == null ? "" : text(fulfilment, "AmazonOrderID");
        Element data = fulfilment == null ? null : child(fulfilment, "FulfillmentData");
        if (seller.order(orderId) == null || data == null) {
            return "No order " + orderId;
        }
        String carrier = text(data, "CarrierCode");
        String tracking = text(data, "ShipperTrackingNumber");
        if (tracking.isEmpty()) {
            return "Order " + orderId + ": ShipperTrackingNumber is required";
        }
        int corrected = 0;
        for (Element line : children(fulfilment, "Item")) {
            String code = text(line, "AmazonOrderItemCode");
            int quantity = Integer.parseInt(text(line, "Quantity").isEmpty() ? "0" : text(line, "Quantity"));
            ObjectNode item = seller.itemsOf(orderId).stream()
                    .filter(i -> i.path("OrderItemId").asString().equals(code)).findFirst().orElse(null);
            if (item == null) {
                return "Order " + orderId + " has no item " + code;
            }
            int shipped = item.path("QuantityShipped").asInt();
            if (shipped >= quantity && quantity > 0) {
                corrected++;
            } else {
                item.put("QuantityShipped", Math.min(item.path("QuantityOrdered").asInt(), shipped + quantity));
            }
            item.put("TrackingNumber", tracking);
        }
        if (corrected > 0) {
            corrections.add(new AmazonSimulator.TrackingCorrection(orderId, carrier, tracking, corrected));
            seller.server().told("order " + orderId + " tracking corrected: " + carrier + " " + tracking + " ("
                    + corrected + " item(s))");
        }
        return null;
    }

    private static byte[] report(int processed, List<String[]> errors) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<AmazonEnvelope>"
                + "<Header><DocumentVersion>1.02</DocumentVersion><MerchantIdentifier>" + AmazonSimulator.SELLER_ID
                + "</MerchantIdentifier></Header><MessageType>ProcessingReport</MessageType><Message><MessageID>1"
                + "</MessageID><ProcessingReport><StatusCode>Complete</StatusCode><ProcessingSummary><MessagesProcessed>"
                + processed + "</MessagesProcessed><MessagesSuccessful>" + Math.max(0, processed - errors.size())
                + "</MessagesSuccessful><MessagesWithError>" + errors.size() + "</MessagesWithError>"
                + "<MessagesWithWarning>0</MessagesWithWarning></ProcessingSummary>");
        for (String[] error : errors) {
            xml.append("<Result><MessageID>").append(escape(error[0])).append("</MessageID><ResultCode>Error")
                    .append("</ResultCode><ResultMessageCode>18028</ResultMessageCode><ResultDescription>")
                    .append(escape(error[1])).append("</ResultDescription></Result>");
        }
        return xml.append("</ProcessingReport></Message></AmazonEnvelope>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The document as XML, with no DOCTYPE or external entities; null when it is not XML. */
    private static Document parse(byte[] content) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(content));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            return null;
        }
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        Element element = child(parent, name);
        return element == null ? "" : element.getTextContent().strip();
    }
}
