package com.openfulfil.dropship.order.web;

/** Who is calling, as their API key says: a storefront, a partner or an admin. */
record Caller(Kind kind, String id, String name) {
    enum Kind { STOREFRONT, PARTNER, ADMIN }

    boolean isAdmin() {
        return kind == Kind.ADMIN;
    }
}
