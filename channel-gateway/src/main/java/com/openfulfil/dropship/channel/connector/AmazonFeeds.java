package com.openfulfil.dropship.channel.connector;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The order feeds we send an Amazon seller's account through the Feeds API, as Amazon's XML envelopes
 * (order feeds have no JSON form): an order acknowledgement with {@code StatusCode} Failure, which cancels
 * the order, each item with a cancel reason; and an order fulfilment naming shipped items, which gives them
 * another carrier and tracking number. Each envelope holds one message for one order.
 */
final class AmazonFeeds {
    static final String ACKNOWLEDGEMENT = "POST_ORDER_ACKNOWLEDGEMENT_DATA";
    static final String FULFILMENT = "POST_ORDER_FULFILLMENT_DATA";
    /** What the documents are uploaded as: the upload URL is signed for it. */
    static final String CONTENT_TYPE = "text/xml; charset=UTF-8";

    /** An item of the order and its units. */
    record Item(String orderItemId, int quantity) {
    }

    private AmazonFeeds() {
    }

    /**
     * Amazon's cancel reason closest to ours (order-service's words for the cancellation): out of stock, or a
     * supplier that cannot ship, is {@code NoInventory}; an address we cannot ship to,
     * {@code ShippingAddressUndeliverable}; an exchange, {@code CustomerExchange}; the customer's or buyer's
     * wish, {@code BuyerCanceled}; anything else, {@code GeneralAdjustment}. Who cancelled it (order-service's
     * "cancelled by ops: ...") is not the reason: only the words after it count.
     */
    static String cancelReason(String ours) {
        String reason = ours == null ? "" : ours.toLowerCase(Locale.ROOT);
        if (reason.startsWith("cancelled by ")) {
            int colon = reason.indexOf(": ");
            reason = colon < 0 ? "" : reason.substring(colon + 2);
        }
        if (reason.contains("exchange")) {
            return "CustomerExchange";
        }
        if (reason.contains("address") || reason.contains("undeliverable")) {
            return "ShippingAddressUndeliverable";
        }
        if (reason.contains("stock") || reason.contains("inventory") || reason.contains("supplier")) {
            return "NoInventory";
        }
        if (reason.contains("customer") || reason.contains("buyer")) {
            return "BuyerCanceled";
        }
        return "GeneralAdjustment";
    }

    /** The seller cancels the order: every item, each with {@code cancelReason}. */
    static String cancellation(String sellerId, String amazonOrderId, List<String> orderItemIds, String cancelReason) {
        StringBuilder items = new StringBuilder();
        for (String id : orderItemIds) {
            items.append("<Item><AmazonOrderItemCode>").append(escape(id)).append("</AmazonOrderItemCode><CancelReason>")
                    .append(cancelReason).append("</CancelReason></Item>");
        }
        return envelope(sellerId, "OrderAcknowledgement", "<OrderAcknowledgement><AmazonOrderID>"
                + escape(amazonOrderId) + "</AmazonOrderID><StatusCode>Failure</StatusCode>" + items
                + "</OrderAcknowledgement>");
    }

    /**
     * The items of a package shipped already go under another carrier and tracking number.
     *
     * @param carrier Amazon's carrier code and, for {@code Other}, the carrier's name
     */
    static String trackingCorrection(String sellerId, String amazonOrderId, Map.Entry<String, String> carrier,
                                     String trackingNumber, List<Item> items, Instant fulfilled) {
        StringBuilder lines = new StringBuilder();
        for (Item item : items) {
            lines.append("<Item><AmazonOrderItemCode>").append(escape(item.orderItemId()))
                    .append("</AmazonOrderItemCode><Quantity>").append(item.quantity()).append("</Quantity></Item>");
        }
        String carrierData = "Other".equals(carrier.getKey())
                ? "<CarrierName>" + escape(carrier.getValue()) + "</CarrierName>"
                : "<CarrierCode>" + escape(carrier.getKey()) + "</CarrierCode>";
        return envelope(sellerId, "OrderFulfillment", "<OrderFulfillment><AmazonOrderID>" + escape(amazonOrderId)
                + "</AmazonOrderID><FulfillmentDate>" + fulfilled + "</FulfillmentDate><FulfillmentData>" + carrierData
                + "<ShipperTrackingNumber>" + escape(trackingNumber) + "</ShipperTrackingNumber></FulfillmentData>"
                + lines + "</OrderFulfillment>");
    }

    private static String envelope(String sellerId, String messageType, String message) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<AmazonEnvelope xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xsi:noNamespaceSchemaLocation=\"amzn-envelope.xsd\"><Header><DocumentVersion>1.01</DocumentVersion>"
                + "<MerchantIdentifier>" + escape(sellerId) + "</MerchantIdentifier></Header><MessageType>" + messageType
                + "</MessageType><Message><MessageID>1</MessageID><OperationType>Update</OperationType>" + message
                + "</Message></AmazonEnvelope>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;");
    }
}
