package com.openfulfil.dropship.gateway.web;

import com.openfulfil.dropship.gateway.config.GatewayProperties;
import com.openfulfil.dropship.gateway.connector.ParkedDispatches;
import com.openfulfil.dropship.support.web.ApiProblem;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Ops send an HTTP supplier's parked dispatches again, once the supplier says it is fixed. */
@RestController
class ParkedDispatchesController {
    private final GatewayProperties properties;
    private final ParkedDispatches parked;
    private final SupplierAccess access;

    ParkedDispatchesController(GatewayProperties properties, ParkedDispatches parked, SupplierAccess access) {
        this.properties = properties;
        this.parked = parked;
        this.access = access;
    }

    @PostMapping("/api/v1/admin/suppliers/{supplierId}/parked/retry")
    ParkedDispatches.Retried retry(@PathVariable String supplierId,
                                   @RequestHeader(name = SupplierAccess.ADMIN_KEY, required = false) String key) {
        access.requireOperator(key);
        GatewayProperties.Supplier supplier = properties.supplier(supplierId)
                .orElseThrow(() -> ApiProblem.notFound("No supplier " + supplierId + " is configured"));
        if (supplier.transport() != GatewayProperties.Transport.HTTP) {
            throw ApiProblem.notFound(supplierId + " reads its dispatch topic itself: nothing is parked for it");
        }
        return parked.retry(supplierId);
    }
}
