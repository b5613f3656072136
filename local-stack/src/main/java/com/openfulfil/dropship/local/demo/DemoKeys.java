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

    /**
     * The demo shop's Shopify store: order-service takes its {@code orders/create} webhook and
     * channel-gateway the rest, both with this app secret (their demo profiles know it); the Admin API
     * token is the simulated store's.
     */
    public static final String SHOPIFY_DOMAIN = "demo-shop.myshopify.com";
    public static final String SHOPIFY_WEBHOOK_SECRET = "shpss_demo_shop_0123456789";
    public static final String SHOPIFY_ADMIN_TOKEN = "shpat_demo_shop_0123456789";
    /** The demo WooCommerce site: the storefront id its orders are placed under, its webhooks' secret and REST key. */
    public static final String WOO_STORE = "demo-woo";
    public static final String WOO_WEBHOOK_SECRET = "wc_demo_webhook_0123456789";
    public static final String WOO_CONSUMER_KEY = "ck_demo_woo_0123456789";
    public static final String WOO_CONSUMER_SECRET = "cs_demo_woo_0123456789";
    /** The demo Amazon seller: the storefront id its orders are placed under, and our app's LWA credentials for it. */
    public static final String AMAZON_STORE = "demo-amazon";
    public static final String AMAZON_CLIENT_ID = "amzn1.application-oa2-client.demo";
    public static final String AMAZON_CLIENT_SECRET = "amzn_demo_client_secret";
    public static final String AMAZON_REFRESH_TOKEN = "Atzr|demo-seller-refresh-token";
    /** Ops' key at channel-gateway ({@code X-Admin-Key}: the stores' activity, retries); its demo profile holds the SHA-256. */
    public static final String CHANNELS_OPS_KEY = "ok_demo_channels_0123456789";

    private DemoKeys() {
    }

    /** The HMAC secret a demo supplier and supplier-gateway share. */
    public static String supplierSecret(String supplierId) {
        return SUPPLIER_SECRET_PATTERN.replace("<supplierId>", supplierId);
    }
}
