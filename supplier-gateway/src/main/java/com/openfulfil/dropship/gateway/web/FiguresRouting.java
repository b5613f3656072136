package com.openfulfil.dropship.gateway.web;

import com.openfulfil.dropship.gateway.stream.DispatchTopology;
import com.openfulfil.dropship.gateway.stream.SupplierBooks;
import com.openfulfil.dropship.support.instances.InstanceCalls;
import com.openfulfil.dropship.support.instances.Instances;
import com.openfulfil.dropship.support.instances.OwnerRouting;
import com.openfulfil.dropship.support.instances.OwnerRouting.Route;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Optional;

/**
 * With several supplier-gateway instances, a supplier's scorecard and ledger live on the instance
 * that holds the supplier's partition of the by-supplier stream, and an order's dispatches on the
 * instance holding the order's partition. A scorecard or settlement request (by supplier), or an
 * operator's reroute (by order), that reaches another instance is passed on unchanged (same path,
 * query, body and credentials: the supplier's signature covers the path, so the owner checks it as
 * it would its own) and the owner's answer is relayed. A request already passed on is answered where
 * it lands, so it never loops; one that no instance can be named for yet is 503 with Retry-After.
 */
@Configuration
class FiguresRouting {

    @Bean
    OwnerRouting supplierAndOrderRouting(Instances instances, InstanceCalls calls) {
        return new OwnerRouting(instances, calls, List.of(
                Route.get("/api/v1/suppliers/([^/]+)/(?:scorecard|settlement)", SupplierBooks.SCORECARDS),
                Route.post("/api/v1/admin/orders/([^/]+)/reroute", DispatchTopology.STORE, Optional::of)));
    }
}
