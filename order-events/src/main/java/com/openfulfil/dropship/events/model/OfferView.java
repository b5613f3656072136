package com.openfulfil.dropship.events.model;

import java.math.BigDecimal;
import java.util.List;

/** A supplier's offer for a product as the catalog publishes it: {@code available} = stock − reserved. */
public record OfferView(String supplierId, String supplierSku, BigDecimal cost, String currency,
                        BigDecimal shippingCost, int stock, int reserved, int available, int handlingDays,
                        int priority, List<ShippingOption> shippingOptions) {
}
