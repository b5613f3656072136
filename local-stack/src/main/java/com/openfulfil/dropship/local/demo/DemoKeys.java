package com.openfulfil.dropship.local.demo;

/** The demo credentials every service's demo profile knows (common to the whole project). */
public final class DemoKeys {
    public static final String STOREFRONT_ID = "demo-shop";
    public static final String STOREFRONT_KEY = "sk_demo_shop_0123456789";
    public static final String ADMIN_KEY = "ak_demo_admin_0123456789";
    public static final String PARTNER_ID = "partner-lan";
    public static final String PARTNER_NAME = "Nguyễn Thị Lan";
    public static final String PARTNER_EMAIL = "lan@example.vn";
    public static final String PARTNER_KEY = "pk_partner-lan_0123456789";
    public static final String CARRIER_SECRET = "cs_demo_carriers";
    public static final String SUPPLIER_SECRET_PATTERN = "ss_demo_<supplierId>";
    /** The ops console's demo login (its demo profile holds the password's bcrypt hash). */
    public static final String OPS_USER = "ops";
    public static final String OPS_PASSWORD = "ops-demo-password";
    /**
     * Ops' key at supplier-gateway ({@code X-Admin-Key}: parked dispatches, reroutes, any supplier's
     * figures); the gateway's demo profile holds its SHA-256.
     */
    public static final String GATEWAY_OPS_KEY = "ok_demo_gateway_0123456789";
    /**
     * The supplier portal's demo logins: each demo supplier's id as user name, this password (the
     * console's demo profile holds its bcrypt hash).
     */
    public static final String SUPPLIER_PORTAL_PASSWORD = "supplier-demo-password";
    /** The demo supplier ./dropship up leaves to a person in the supplier portal. */
    public static final String PORTAL_SUPPLIER = "lyon-linen";

    private DemoKeys() {
    }

    /** The HMAC secret a demo supplier and supplier-gateway share. */
    public static String supplierSecret(String supplierId) {
        return SUPPLIER_SECRET_PATTERN.replace("<supplierId>", supplierId);
    }
}
