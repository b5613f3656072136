package com.openfulfil.dropship.supplierportal.web;

import com.openfulfil.dropship.supplierportal.config.SupplierPortalProperties;
import com.openfulfil.dropship.supplierportal.domain.SlaTerms;

/** The supplier user behind a portal request, and the supplier they act for. */
record SignedIn(String user, SupplierPortalProperties.Supplier supplier) {
    String supplierId() {
        return supplier.id();
    }

    SlaTerms terms() {
        return supplier.sla().terms();
    }
}
