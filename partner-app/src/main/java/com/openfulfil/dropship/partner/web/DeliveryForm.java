package com.openfulfil.dropship.partner.web;

import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The "Deliver on behalf" dialog as the partner filled it in: quantity and selling price as typed,
 * and the customer it ships to. {@code requestId} is fixed when the dialog is first shown, so
 * pressing the button twice places one order.
 */
public record DeliveryForm(String requestId, String quantity, String salePrice, String name, String email,
                           String phone, String line1, String line2, String city, String region, String postalCode,
                           String country, String customerLanguage, String payment) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
    private static final Pattern REQUEST_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** A request id that is not one this app handed out is replaced, so it cannot name someone else's request. */
    public DeliveryForm {
        if (requestId == null || !REQUEST_ID.matcher(requestId).matches()) {
            requestId = UUID.randomUUID().toString();
        }
    }

    /** A fresh dialog: one item at the product's price, shipping in Vietnam. */
    static DeliveryForm fresh(String price, String language) {
        return new DeliveryForm(UUID.randomUUID().toString(), "1", price, "", "", "", "", "", "", "", "", "VN",
                language, "PAID");
    }

    /** A customer field by its form name, for the page that lists them. */
    public String value(String field) {
        return switch (field) {
            case "name" -> name;
            case "email" -> email;
            case "phone" -> phone;
            case "line1" -> line1;
            case "line2" -> line2;
            case "city" -> city;
            case "region" -> region;
            case "postalCode" -> postalCode;
            case "country" -> country;
            default -> throw new IllegalArgumentException("No field " + field + " on the dialog");
        };
    }

    /** The body of order-service's {@code POST /api/v1/partner-orders}; blank optional fields are left out. */
    Map<String, Object> orderBody(String sku, String currency, int quantity, Object price) {
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("name", strip(name));
        customer.put("email", strip(email));
        putIfPresent(customer, "phone", phone);
        putIfPresent(customer, "locale", customerLanguage);
        Map<String, Object> shipTo = new LinkedHashMap<>();
        shipTo.put("line1", strip(line1));
        putIfPresent(shipTo, "line2", line2);
        shipTo.put("city", strip(city));
        putIfPresent(shipTo, "region", region);
        putIfPresent(shipTo, "postalCode", postalCode);
        shipTo.put("country", country == null ? null : country.strip().toUpperCase(Locale.ROOT));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("externalRef", reference());
        body.put("currency", currency);
        body.put("customer", customer);
        body.put("shipTo", shipTo);
        body.put("lines", List.of(Map.of("sku", sku, "quantity", quantity, "salePrice", price)));
        body.put("paymentStatus", payment == null || payment.isBlank() ? "PAID" : payment);
        return body;
    }

    /** The order's reference the partner sees in their list: short, from the request id. */
    String reference() {
        return "WEB-" + requestId.replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT);
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private static void putIfPresent(Map<String, Object> part, String field, String value) {
        if (value != null && !value.isBlank()) {
            part.put(field, value.strip());
        }
    }
}
