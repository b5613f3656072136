package com.openfulfil.dropship.local;

import com.openfulfil.dropship.local.demo.DemoKeys;
import com.openfulfil.dropship.local.process.Service;
import com.openfulfil.dropship.local.process.ServiceProcess;
import com.openfulfil.dropship.local.sim.CarrierQueryApi;
import com.openfulfil.dropship.local.sim.Carriers;
import com.openfulfil.dropship.local.sim.ChannelStores;

/** What {@code ./dropship up} prints once everything is running. */
final class Banner {
    private Banner() {
    }

    static String of(LocalStack stack) {
        StringBuilder out = new StringBuilder("\nDropship is up.\n\n");
        out.append(String.format("  %-20s %-24s %s%n", "service", "API", "health"));
        for (ServiceProcess s : stack.services()) {
            out.append(String.format("  %-20s %-24s %s%n", s.service().module(), s.baseUrl(), s.healthUrl()));
        }
        out.append(String.format("  %-20s %s (KRaft, one node)%n", "Kafka broker", stack.bootstrapServers()));
        out.append(String.format("%n  data     %s%n  logs     %s%n", stack.config().dataDir(), stack.config().logDir()));
        out.append(String.format("  mailbox  %s  (the customers' e-mails, one .eml file each%s)%n",
                stack.config().dataDir().resolve("mailbox"), stack.config().opsConsole()
                        ? "; the demo shop's text messages in sms/" : ""));
        out.append(String.format("  tracking %s/track/<trackingNumber>  (the customer's tracking page)%n",
                stack.service(Service.TRACKING).baseUrl()));
        stack.carrierQueryApi().ifPresent(api -> {
            out.append(String.format("  carriers %s post webhooks; tracking-service polls the others every %ss:%n",
                    webhookCarriers(api), LocalStack.CARRIER_POLL_INTERVAL.toSeconds()));
            api.carriers().stream().sorted().forEach(carrier -> out.append(String.format(
                    "           %-9s %s  (Authorization: Bearer %s)%n", carrier,
                    CarrierQueryApi.url(api.port(), carrier), CarrierQueryApi.DEMO_API_KEY)));
        });
        stack.channelStores().ifPresent(stores -> channels(out, stores, stack.config().channels()));
        ServiceProcess console = stack.service(Service.OPS_CONSOLE);
        if (console != null) {
            out.append(String.format("%nOps console  %s  (log in as %s / %s)%n", console.baseUrl(),
                    DemoKeys.OPS_USER, DemoKeys.OPS_PASSWORD));
            out.append(String.format("Partner app  %s/partner  (sign in with the partner key %s)%n", console.baseUrl(),
                    DemoKeys.PARTNER_KEY));
            for (String supplier : stack.config().portalSuppliers().stream().sorted().toList()) {
                out.append(String.format("Supplier portal  %s/supplier  (sign in as %s / %s): %s's dispatches wait "
                        + "for you there%n", console.baseUrl(), supplier, DemoKeys.SUPPLIER_PORTAL_PASSWORD, supplier));
            }
        }
        out.append(String.format("%nDemo keys (X-Api-Key)%n"));
        out.append(String.format("  storefront %-14s %s%n", DemoKeys.STOREFRONT_ID, DemoKeys.STOREFRONT_KEY));
        out.append(String.format("  partner    %-14s %s  (%s, %s)%n", DemoKeys.PARTNER_ID, DemoKeys.PARTNER_KEY,
                DemoKeys.PARTNER_NAME, DemoKeys.PARTNER_EMAIL));
        out.append(String.format("  admin      %-14s %s%n", "", DemoKeys.ADMIN_KEY));
        out.append(String.format("  supplier HMAC secrets %s; carrier webhook secret %s%n",
                DemoKeys.SUPPLIER_SECRET_PATTERN, DemoKeys.CARRIER_SECRET));
        if (stack.channelStores().isPresent()) {
            out.append(String.format("  channels   Shopify app secret %s, WooCommerce webhook secret %s;"
                    + " channel-gateway's X-Admin-Key %s%n", DemoKeys.SHOPIFY_WEBHOOK_SECRET,
                    DemoKeys.WOO_WEBHOOK_SECRET, DemoKeys.CHANNELS_OPS_KEY));
        }
        out.append(String.format("%nTry:%n%s%n%n", firstCurl(stack.service(Service.ORDER).baseUrl())));
        return out.toString();
    }

    /** The simulated stores, what each shows of what it was told, and where their orders go. */
    private static void channels(StringBuilder out, ChannelStores stores, StackConfig.Channels settings) {
        String received = "/simulator/received";
        out.append(String.format("%n  Sales channels (simulated; what each was told: GET <store>%s)%n", received));
        out.append(String.format("    %-12s %-24s %s  (orders/create to order-service; the rest to channel-gateway)%n",
                "Shopify", stores.shopify().baseUrl(), DemoKeys.SHOPIFY_DOMAIN + " = storefront "
                        + DemoKeys.STOREFRONT_ID));
        out.append(String.format("    %-12s %-24s storefront %s  (order.created to channel-gateway)%n", "WooCommerce",
                stores.woo().url(), DemoKeys.WOO_STORE));
        out.append(String.format("    %-12s %-24s storefront %s  (polled by channel-gateway every %ss)%n", "Amazon",
                stores.amazon().endpoint(), DemoKeys.AMAZON_STORE,
                settings.amazonPollEvery().toSeconds()));
        if ((!settings.orderEvery().isZero() && !settings.orderEvery().isNegative())) {
            out.append(String.format("    a customer buys at each store every %ss%n", settings.orderEvery().toSeconds()));
        }
    }

    private static String webhookCarriers(CarrierQueryApi api) {
        return String.join(", ", Carriers.all().stream().filter(c -> !api.serves(c)).toList());
    }

    private static String firstCurl(String orderUrl) {
        return "  curl -s -X POST " + orderUrl + "/api/v1/orders \\\n"
                + "    -H 'X-Api-Key: " + DemoKeys.STOREFRONT_KEY + "' -H 'Content-Type: application/json' \\\n"
                + "    -d '{\"externalRef\":\"SHOP-1001\",\"currency\":\"USD\","
                + "\"customer\":{\"name\":\"Ada Lovelace\",\"email\":\"ada@example.com\"},"
                + "\"shipTo\":{\"line1\":\"1 Example Street\",\"city\":\"London\",\"postalCode\":\"N1 9GU\",\"country\":\"GB\"},"
                + "\"lines\":[{\"sku\":\"MUG-001\",\"quantity\":2}],\"paymentStatus\":\"PAID\"}'\n"
                + "  curl -s " + orderUrl + "/api/v1/orders/<orderId> -H 'X-Api-Key: " + DemoKeys.STOREFRONT_KEY + "'";
    }
}
