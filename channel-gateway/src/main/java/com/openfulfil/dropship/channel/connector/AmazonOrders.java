package com.openfulfil.dropship.channel.connector;

import com.openfulfil.dropship.events.catalog.ProductUpdated;
import com.openfulfil.dropship.events.model.Address;
import com.openfulfil.dropship.events.model.Channel;
import com.openfulfil.dropship.events.model.Customer;
import com.openfulfil.dropship.events.model.OrderDetails;
import com.openfulfil.dropship.events.model.OrderLine;
import com.openfulfil.dropship.events.model.OrderSource;
import com.openfulfil.dropship.events.model.PaymentStatus;
import com.openfulfil.dropship.events.model.Priority;
import com.openfulfil.dropship.events.model.SpecialRequests;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * An Amazon order (getOrders' order and its getOrderItems) as ours: the items whose seller SKU is in
 * our catalog, priced from the catalog; the shipping address; the buyer. Unshipped and partly shipped
 * orders are paid (Amazon holds Pending ones until payment clears).
 */
final class AmazonOrders {
    private static final Set<String> PAID = Set.of("Unshipped", "PartiallyShipped");

    private AmazonOrders() {
    }

    static boolean paid(JsonNode order) {
        return PAID.contains(order.path("OrderStatus").asString(""));
    }

    /**
     * Whether the order already carries what we ship to: the buyer's e-mail and the street of the address.
     * getOrders leaves them out (Amazon's restricted data) unless the seller's application was granted them
     * another way; then the order is read again under a Restricted Data Token.
     */
    static boolean hasBuyer(JsonNode order) {
        return !order.path("BuyerInfo").path("BuyerEmail").asString("").isBlank()
                && !order.path("ShippingAddress").path("AddressLine1").asString("").isBlank();
    }

    static boolean cancelled(JsonNode order) {
        return "Canceled".equals(order.path("OrderStatus").asString(""));
    }

    /** Our order, or why it is not taken. */
    static Optional<OrderDetails> details(String storeId, JsonNode order, List<JsonNode> items,
                                          Function<String, Optional<ProductUpdated>> catalog, List<String> problems) {
        String currency = order.path("OrderTotal").path("CurrencyCode").asString("");
        List<OrderLine> lines = new ArrayList<>();
        for (JsonNode item : items) {
            String sku = item.path("SellerSKU").asString("").strip();
            Optional<ProductUpdated> product = sku.isEmpty() ? Optional.empty() : catalog.apply(sku);
            if (product.isEmpty()) {
                continue;
            }
            ProductUpdated p = product.get();
            int quantity = item.path("QuantityOrdered").asInt(0);
            if (!p.listed()) {
                problems.add(sku + " is out of stock and not listed");
            } else if (!p.currency().equals(currency)) {
                problems.add(sku + " is priced in " + p.currency() + ", the order is in " + currency);
            } else if (quantity < 1) {
                problems.add(sku + " has no quantity");
            }
            lines.add(new OrderLine(lines.size() + 1, p.sku(), p.title(), quantity, p.retailPrice(), p.retailPrice(),
                    p.hsCode(), p.countryOfOrigin()));
        }
        if (lines.isEmpty()) {
            problems.add("none of its items is a product of this catalog");
        }
        JsonNode to = order.path("ShippingAddress");
        String country = to.path("CountryCode").asString("").toUpperCase(Locale.ROOT);
        if (to.path("AddressLine1").asString("").isBlank() || to.path("City").asString("").isBlank()
                || !country.matches("[A-Z]{2}")) {
            problems.add("no shipping address (AddressLine1, City, CountryCode) was given with the order");
        }
        String email = order.path("BuyerInfo").path("BuyerEmail").asString("");
        if (email.isBlank()) {
            problems.add("no buyer e-mail was given with the order");
        }
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        Address address = new Address(to.path("AddressLine1").asString(), text(to, "AddressLine2"),
                to.path("City").asString(), text(to, "StateOrRegion"), text(to, "PostalCode"), country);
        String name = text(to, "Name") != null ? text(to, "Name") : order.path("BuyerInfo").path("BuyerName").asString("");
        return Optional.of(new OrderDetails(new OrderSource(Channel.AMAZON, storeId, null, null,
                order.path("AmazonOrderId").asString()), currency, new Customer(name, email, text(to, "Phone"), "en"),
                address, lines, Priority.STANDARD, PaymentStatus.PAID, SpecialRequests.NONE));
    }

    private static String text(JsonNode node, String field) {
        String value = node.path(field).asString("");
        return value.isBlank() ? null : value;
    }
}
