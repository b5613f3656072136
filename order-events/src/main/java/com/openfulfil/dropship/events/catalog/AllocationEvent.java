package com.openfulfil.dropship.events.catalog;

import com.openfulfil.dropship.events.OrderScoped;

/** The outcome of allocating an order's stock ({@code orders.allocations}). */
public sealed interface AllocationEvent extends CatalogMessage, OrderScoped permits StockAllocated, StockRejected {
}
