package com.openfulfil.dropship.catalog.web;

import com.openfulfil.dropship.catalog.stream.CatalogTopology;
import com.openfulfil.dropship.support.instances.InstanceCalls;
import com.openfulfil.dropship.support.instances.Instances;
import com.openfulfil.dropship.support.instances.OwnerRouting;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * With several catalog-service instances a product lives on the instance holding its sku's
 * partition: a product read that reaches another instance is passed on to it unchanged, the
 * caller's credentials included, and its answer relayed.
 */
@Configuration
class ReadRouting {

    @Bean
    OwnerRouting productRouting(Instances instances, InstanceCalls calls) {
        return new OwnerRouting(instances, calls,
                List.of(OwnerRouting.Route.get("/api/v1/products/([^/]+)", CatalogTopology.INVENTORY_STORE)));
    }
}
