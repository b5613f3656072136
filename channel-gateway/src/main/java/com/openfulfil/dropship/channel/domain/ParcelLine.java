package com.openfulfil.dropship.channel.domain;

/**
 * Units of one of our order's lines in a parcel, as a fulfilment tells them to the store.
 *
 * @param lineNo          our order's line; null when the parcel named only the SKU of a line we do not know
 * @param storeLineItemId the store's line item of that line, when an earlier fulfilment matched it; null: the
 *                        store's client matches it by SKU
 */
public record ParcelLine(Integer lineNo, String sku, int quantity, String storeLineItemId) {
}
