package com.openfulfil.dropship.gateway.web;

import com.openfulfil.dropship.gateway.config.GatewayProperties;
import com.openfulfil.dropship.gateway.connector.ParkedDispatches;
import com.openfulfil.dropship.support.web.ApiProblem;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Ops send an HTTP supplier's parked dispatches again, once the supplier says it is fixed. */
@RestController
class ParkedDispatchesController {
    static final String ADMIN_KEY = "X-Admin-Key";

    private final GatewayProperties properties;
    private final ParkedDispatches parked;

    ParkedDispatchesController(GatewayProperties properties, ParkedDispatches parked) {
        this.properties = properties;
        this.parked = parked;
    }

    @PostMapping("/api/v1/admin/suppliers/{supplierId}/parked/retry")
    ParkedDispatches.Retried retry(@PathVariable String supplierId,
                                   @RequestHeader(name = ADMIN_KEY, required = false) String key) {
        boolean allowed = properties.operatorKey().map(expected -> key != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), key.getBytes(StandardCharsets.UTF_8))).orElse(false);
        if (!allowed) {
            throw ApiProblem.unauthorized("Missing or wrong " + ADMIN_KEY);
        }
        GatewayProperties.Supplier supplier = properties.supplier(supplierId)
                .orElseThrow(() -> ApiProblem.notFound("No supplier " + supplierId + " is configured"));
        if (supplier.transport() != GatewayProperties.Transport.HTTP) {
            throw ApiProblem.notFound(supplierId + " reads its dispatch topic itself: nothing is parked for it");
        }
        return parked.retry(supplierId);
    }
}
