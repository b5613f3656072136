package com.openfulfil.dropship.order.web;

import com.openfulfil.dropship.events.model.Address;
import com.openfulfil.dropship.events.model.PaymentStatus;
import com.openfulfil.dropship.events.model.Priority;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;

/**
 * The body of {@code POST /api/v1/orders} and {@code /api/v1/partner-orders} (README.md, "One order, end to end").
 * {@code paymentReference} is optional: the payment provider's id of the customer's payment (a Stripe
 * PaymentIntent), which refunds are paid back against; an order without one is refunded offline.
 */
record PlaceOrderRequest(
        @Size(max = 100) String externalRef,
        @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD") String currency,
        @NotNull @Valid CustomerPart customer,
        @NotNull @Valid AddressPart shipTo,
        @NotEmpty @Size(max = 100) List<@NotNull @Valid LinePart> lines,
        Priority priority,
        @NotNull PaymentStatus paymentStatus,
        @Valid RequestsPart requests,
        @Pattern(regexp = "pi_[A-Za-z0-9_]{1,250}", message = "must be the payment provider's PaymentIntent id,"
                + " such as pi_3MtwBwLkdIwHu7ix28a3tqPa") String paymentReference) {

    /** A request without a payment reference (its orders are refunded offline). */
    PlaceOrderRequest(String externalRef, String currency, CustomerPart customer, AddressPart shipTo,
                      List<LinePart> lines, Priority priority, PaymentStatus paymentStatus, RequestsPart requests) {
        this(externalRef, currency, customer, shipTo, lines, priority, paymentStatus, requests, null);
    }

    record CustomerPart(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Email @Size(max = 254) String email,
            @Pattern(regexp = "\\+?[0-9 ()-]{5,20}", message = "must be a phone number, e.g. +442071234567") String phone,
            @Pattern(regexp = "[a-zA-Z]{2,3}([-_][a-zA-Z0-9]{2,8})*", message = "must be a language tag such as en or vi-VN") String locale) {
    }

    record AddressPart(
            @NotBlank @Size(max = 200) String line1,
            @Size(max = 200) String line2,
            @NotBlank @Size(max = 100) String city,
            @Size(max = 100) String region,
            @Size(max = 20) String postalCode,
            @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as GB") String country) {

        Address toAddress() {
            return new Address(line1, line2, city, region, postalCode, country);
        }
    }

    /**
     * A price is money: at most 12 digits before the point and 4 after. A number such as 1e1000000000
     * reads as a BigDecimal at once, but adding it to anything would take the service's memory.
     */
    record LinePart(
            @NotBlank @Size(max = 64) String sku,
            @NotNull @Min(1) @Max(1000) Integer quantity,
            @Digits(integer = 12, fraction = 4, message = "must be an amount of money, at most 12 digits and 4 decimals")
            BigDecimal salePrice) {
    }

    record RequestsPart(Boolean giftWrap, Boolean invoice, @Size(max = 500) String note) {
    }
}
