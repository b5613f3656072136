package com.openfulfil.dropship.gateway.web;

import com.openfulfil.dropship.gateway.config.GatewayProperties;
import com.openfulfil.dropship.gateway.connector.ParkedDispatches;
import com.openfulfil.dropship.support.security.Caller;
import com.openfulfil.dropship.support.web.ApiProblem;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Ops send an HTTP supplier's parked dispatches again, once the supplier says it is fixed. */
@RestController
class ParkedDispatchesController {
    private final GatewayProperties properties;
    private final ParkedDispatches parked;

    ParkedDispatchesController(GatewayProperties properties, ParkedDispatches parked) {
        this.properties = properties;
        this.parked = parked;
    }

    @PostMapping("/api/v1/admin/suppliers/{supplierId}/parked/retry")
    ParkedDispatches.Retried retry(@PathVariable String supplierId, Caller caller) {
        SupplierAccess.requireOperator(caller);
        GatewayProperties.Supplier supplier = properties.supplier(supplierId)
                .orElseThrow(() -> ApiProblem.notFound("No supplier " + supplierId + " is configured"));
        if (supplier.transport() != GatewayProperties.Transport.HTTP) {
            throw ApiProblem.notFound(supplierId + " reads its dispatch topic itself: nothing is parked for it");
        }
        return parked.retry(supplierId);
    }
}
