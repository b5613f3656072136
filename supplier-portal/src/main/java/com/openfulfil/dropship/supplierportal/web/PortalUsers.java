package com.openfulfil.dropship.supplierportal.web;

import com.openfulfil.dropship.supplierportal.config.SupplierPortalProperties;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import java.security.Principal;

/** Which supplier a signed-in portal user acts for, from the portal's own user list. */
@Component
class PortalUsers {
    private final SupplierPortalProperties properties;

    PortalUsers(SupplierPortalProperties properties) {
        this.properties = properties;
    }

    SignedIn of(Principal principal) {
        if (principal == null) {
            throw new AccessDeniedException("Not signed in to the supplier portal");
        }
        return properties.users().stream().filter(u -> principal.getName().equals(u.name())).findFirst()
                .flatMap(u -> properties.supplier(u.supplierId()))
                .map(s -> new SignedIn(principal.getName(), s))
                .orElseThrow(() -> new AccessDeniedException(principal.getName() + " is not a supplier portal user"));
    }
}
