package com.openfulfil.dropship.channel.web;

import com.fasterxml.jackson.annotation.JsonProperty;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The fields we use of a WooCommerce order (its {@code order.created} and {@code order.updated}
 * webhooks send the whole order), and how it becomes ours: the lines whose SKU we carry, priced from
 * our catalog as order-service prices a storefront's order, the shipping address (the billing one when
 * the order has none), the customer and the customer's note.
 */
record WooOrder(Long id, String status, String currency, Contact billing, Contact shipping, List<LineItem> lineItems,
                String customerNote) {

    /** Paid: WooCommerce moves an order to processing once the payment is taken. */
    private static final Set<String> PAID = Set.of("processing", "completed");

    record Contact(String firstName, String lastName, @JsonProperty("address_1") String address1,
                   @JsonProperty("address_2") String address2, String city, String state, String postcode,
                   String country, String email, String phone) {
    }

    record LineItem(String sku, Integer quantity, String name) {
    }

    boolean paid() {
        return PAID.contains(status == null ? "" : status.toLowerCase(Locale.ROOT));
    }

    boolean cancelled() {
        return "cancelled".equalsIgnoreCase(status);
    }

    String externalRef() {
        return String.valueOf(id);
    }

    Address shipTo() {
        Contact to = shipping != null && shipping.address1() != null && !shipping.address1().isBlank() ? shipping : billing;
        return to == null ? null : new Address(to.address1(), blankToNull(to.address2()), to.city(),
                blankToNull(to.state()), to.postcode(), to.country() == null ? null : to.country().toUpperCase(Locale.ROOT));
    }

    /**
     * Our order, or why we do not take it.
     *
     * @param catalog the catalog's product for a SKU
     */
    Result toDetails(String storefrontId, Function<String, Optional<ProductUpdated>> catalog) {
        List<String> problems = new ArrayList<>();
        List<OrderLine> lines = new ArrayList<>();
        for (LineItem item : lineItems == null ? List.<LineItem>of() : lineItems) {
            String sku = item.sku() == null ? "" : item.sku().strip();
            Optional<ProductUpdated> product = sku.isEmpty() ? Optional.empty() : catalog.apply(sku);
            if (product.isEmpty()) {
                continue;  // not one of ours: the merchant ships it
            }
            ProductUpdated p = product.get();
            if (!p.listed()) {
                problems.add(sku + " is out of stock and not listed");
            } else if (!p.currency().equals(currency)) {
                problems.add(sku + " is priced in " + p.currency() + ", the order is in " + currency);
            } else if (item.quantity() == null || item.quantity() < 1) {
                problems.add(sku + " has no quantity");
            }
            lines.add(new OrderLine(lines.size() + 1, p.sku(), p.title(), item.quantity() == null ? 0 : item.quantity(),
                    p.retailPrice(), p.retailPrice(), p.hsCode(), p.countryOfOrigin()));
        }
        if (lines.isEmpty()) {
            return Result.refused("none of its lines is a product of this catalog");
        }
        Address to = shipTo();
        if (to == null || blank(to.line1()) || blank(to.city()) || to.country() == null || !to.country().matches("[A-Z]{2}")) {
            problems.add("the shipping address needs address_1, city and a two-letter country");
        }
        Contact contact = billing != null ? billing : shipping;
        if (contact == null || blank(contact.email())) {
            problems.add("the billing e-mail is missing");
        }
        if (!problems.isEmpty()) {
            return Result.refused(String.join("; ", problems));
        }
        Contact named = shipping != null && !blank(shipping.firstName()) ? shipping : contact;
        String name = String.join(" ", Stream.of(named.firstName(), named.lastName()).filter(s -> !blank(s)).toList());
        return new Result(Optional.of(new OrderDetails(
                new OrderSource(Channel.WOOCOMMERCE, storefrontId, null, null, externalRef()), currency,
                new Customer(name, contact.email(), blankToNull(contact.phone()), "en"), to, lines, Priority.STANDARD,
                PaymentStatus.PAID, blank(customerNote) ? SpecialRequests.NONE
                : new SpecialRequests(false, false, customerNote))), null);
    }

    record Result(Optional<OrderDetails> details, String refusal) {
        static Result refused(String why) {
            return new Result(Optional.empty(), why);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return blank(s) ? null : s;
    }
}
