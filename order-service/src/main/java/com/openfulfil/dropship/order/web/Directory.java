package com.openfulfil.dropship.order.web;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.catalog.ProductUpdated;
import com.openfulfil.dropship.events.partner.PartnerUpdated;
import com.openfulfil.dropship.order.stream.OrderTopology;
import com.openfulfil.dropship.support.streams.StoreQueries;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The products and partners order-service keeps locally (global tables of catalog.products and partners). */
@Component
class Directory {
    private final StoreQueries stores;

    Directory(StoreQueries stores) {
        this.stores = stores;
    }

    Optional<ProductUpdated> product(String sku) {
        return stores.<Event>get(OrderTopology.PRODUCTS_STORE, sku)
                .filter(ProductUpdated.class::isInstance).map(ProductUpdated.class::cast);
    }

    Optional<PartnerUpdated> partner(String partnerId) {
        return stores.<Event>get(OrderTopology.PARTNERS_STORE, partnerId)
                .filter(PartnerUpdated.class::isInstance).map(PartnerUpdated.class::cast);
    }
}
