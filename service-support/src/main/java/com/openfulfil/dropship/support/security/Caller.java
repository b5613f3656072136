package com.openfulfil.dropship.support.security;

import java.security.Principal;
import java.util.Objects;

/**
 * Who a request's credentials name: a role ({@link #ADMIN}, or a service's own such as a supplier or
 * a partner) and who within it. It becomes the request's principal, so a controller can take it as a
 * parameter and actuator's {@code when-authorized} health details see an authenticated caller.
 */
public record Caller(String role, String id) implements Principal {
    public static final String ADMIN = "ADMIN";

    public Caller {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(id, "id");
    }

    /** The operators' key: may do and see everything the service offers. */
    public static Caller admin() {
        return new Caller(ADMIN, "admin");
    }

    public boolean isAdmin() {
        return ADMIN.equals(role);
    }

    public boolean is(String role, String id) {
        return this.role.equals(role) && this.id.equals(id);
    }

    @Override
    public String getName() {
        return role.toLowerCase(java.util.Locale.ROOT) + ":" + id;
    }
}
