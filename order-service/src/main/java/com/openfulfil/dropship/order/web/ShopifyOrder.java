package com.openfulfil.dropship.order.web;

import com.openfulfil.dropship.events.model.PaymentStatus;
import com.openfulfil.dropship.events.model.Priority;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The fields we use of a Shopify {@code orders/create} webhook (Shopify sends many more), and how
 * they become our order: the lines whose SKU we carry, the shipping address, the customer, the
 * payment status, and the shipping line and note attributes for priority and special requests.
 */
record ShopifyOrder(Long id, String name, String email, String phone, String currency, String financialStatus,
                    String customerLocale, String note, List<NoteAttribute> noteAttributes, Customer customer,
                    Address shippingAddress, List<LineItem> lineItems, List<ShippingLine> shippingLines) {

    record NoteAttribute(String name, String value) {
    }

    record Customer(String email, String firstName, String lastName, String phone, String locale) {
    }

    record Address(String name, String firstName, String lastName, String address1, String address2, String city,
                   String province, String zip, String countryCode, String phone) {
    }

    record LineItem(String sku, Integer quantity, String title, Boolean requiresShipping) {
    }

    record ShippingLine(String title, String code) {
    }

    /** Our order, from the lines we can fulfil ({@code carried}); empty when none is ours. */
    Optional<PlaceOrderRequest> toRequest(Predicate<String> carried) {
        List<PlaceOrderRequest.LinePart> lines = items().stream()
                .filter(i -> i.sku() != null && !i.sku().isBlank() && !Boolean.FALSE.equals(i.requiresShipping()))
                .filter(i -> carried.test(i.sku().strip()))
                .map(i -> new PlaceOrderRequest.LinePart(i.sku().strip(), i.quantity(), null))
                .toList();
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        Address to = shippingAddress == null ? new Address(null, null, null, null, null, null, null, null, null, null)
                : shippingAddress;
        return Optional.of(new PlaceOrderRequest(name != null ? name : String.valueOf(id), currency,
                new PlaceOrderRequest.CustomerPart(customerName(to), contactEmail(), contactPhone(to), contactLocale()),
                new PlaceOrderRequest.AddressPart(to.address1(), to.address2(), to.city(), to.province(), to.zip(),
                        to.countryCode()),
                lines, priority(), paymentStatus(), new PlaceOrderRequest.RequestsPart(attribute("gift"),
                attribute("invoice"), note)));
    }

    private List<LineItem> items() {
        return lineItems == null ? List.of() : lineItems;
    }

    private String customerName(Address to) {
        if (to.name() != null && !to.name().isBlank()) {
            return to.name();
        }
        String first = customer == null ? to.firstName() : customer.firstName();
        String last = customer == null ? to.lastName() : customer.lastName();
        return String.join(" ", Optional.ofNullable(first).orElse(""), Optional.ofNullable(last).orElse("")).strip();
    }

    private String contactEmail() {
        return email != null ? email : customer == null ? null : customer.email();
    }

    private String contactPhone(Address to) {
        String found = to.phone() != null ? to.phone() : phone != null ? phone : customer == null ? null : customer.phone();
        return found == null || found.isBlank() ? null : found;
    }

    private String contactLocale() {
        String found = customerLocale != null ? customerLocale : customer == null ? null : customer.locale();
        return found == null ? null : found.replace('_', '-');
    }

    /** Shopify's financial status: only paid or authorized orders are fulfilled. */
    private PaymentStatus paymentStatus() {
        String status = financialStatus == null ? "" : financialStatus.toLowerCase(Locale.ROOT);
        if (status.equals("paid")) {
            return PaymentStatus.PAID;
        }
        return status.equals("authorized") || status.equals("partially_paid") ? PaymentStatus.AUTHORIZED
                : PaymentStatus.PENDING;
    }

    /** The shipping line the customer chose: express, expedited, priority or next-day service is EXPEDITED. */
    private Priority priority() {
        boolean fast = shippingLines != null && shippingLines.stream().anyMatch(line -> {
            String text = ((line.title() == null ? "" : line.title()) + " " + (line.code() == null ? "" : line.code()))
                    .toLowerCase(Locale.ROOT);
            return text.contains("express") || text.contains("expedited") || text.contains("priority")
                    || text.contains("next day") || text.contains("overnight");
        });
        return fast ? Priority.EXPEDITED : Priority.STANDARD;
    }

    /** A note attribute such as {@code gift_wrap: yes} or {@code invoice: true}. */
    private Boolean attribute(String namePart) {
        return noteAttributes != null && noteAttributes.stream().anyMatch(a -> a.name() != null
                && a.name().toLowerCase(Locale.ROOT).contains(namePart)
                && a.value() != null && List.of("yes", "true", "1", "on").contains(a.value().strip().toLowerCase(Locale.ROOT)));
    }
}
