package com.openfulfil.dropship.ops.stream;

/** The state stores the console's stream keeps, each queried by the pages. */
public final class ConsoleStores {
    /** orderId → {@code OrderTrack}: current status, since when, history. */
    public static final String ORDERS = "ops-orders";
    /** status → orders in it, one partial count per stream task. */
    public static final String FUNNEL = "ops-funnel";
    /** sku → {@code StockLevel} of products low or out of stock. */
    public static final String STOCK = "ops-stock";
    /** supplierId → {@code SupplierTally}, one partial tally per stream task. */
    public static final String SUPPLIERS = "ops-suppliers";

    private ConsoleStores() {
    }
}
