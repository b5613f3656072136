package com.openfulfil.dropship.events.model;

/** What the customer asked for beyond the items (R2.1). */
public record SpecialRequests(boolean giftWrap, boolean invoice, String note) {
    public static final SpecialRequests NONE = new SpecialRequests(false, false, null);
}
