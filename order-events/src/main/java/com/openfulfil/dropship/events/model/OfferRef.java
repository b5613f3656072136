package com.openfulfil.dropship.events.model;

import java.math.BigDecimal;

/** A supplier offer chosen for (or ranked as backup for) an order line. */
public record OfferRef(String supplierId, String supplierSku, BigDecimal unitCost, BigDecimal shippingCost,
                       String currency, int handlingDays, int priority) {
}
