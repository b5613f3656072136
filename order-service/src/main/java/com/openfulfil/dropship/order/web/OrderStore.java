package com.openfulfil.dropship.order.web;

import com.openfulfil.dropship.order.domain.OrderRecord;
import com.openfulfil.dropship.support.streams.StoreQueries;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The orders this instance's stream keeps, read for the API. */
@Component
class OrderStore {
    private static final String ORDERS = "orders";
    private final StoreQueries stores;

    OrderStore(StoreQueries stores) {
        this.stores = stores;
    }

    Optional<OrderRecord> find(String orderId) {
        return stores.<OrderRecord>get(ORDERS, orderId).filter(OrderRecord::isPlaced);
    }
}
