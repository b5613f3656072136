package com.openfulfil.dropship.local.sim;

import com.openfulfil.dropship.local.demo.DemoKeys;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's simulated stores and the services' demo settings agree on who each store is and how it signs. */
class ChannelStoresTest {

    @Test
    void orderServiceTakesTheDemoShopsShopifyOrdersSignedWithTheStoresAppSecret() throws IOException {
        Path file = Path.of("..").toAbsolutePath().normalize().resolve("order-service/src/main/resources/application-demo.yml");
        Map<String, Object> order = at(new Yaml().load(Files.readString(file)), "dropship", "order");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> storefronts = (List<Map<String, Object>>) order.get("storefronts");

        assertThat(storefronts).filteredOn(s -> DemoKeys.STOREFRONT_ID.equals(s.get("id"))).singleElement()
                .satisfies(shop -> {
                    assertThat(shop.get("shopify-domain")).isEqualTo(DemoKeys.SHOPIFY_DOMAIN);
                    assertThat(shop.get("shopify-secret")).isEqualTo(DemoKeys.SHOPIFY_WEBHOOK_SECRET);
                });
    }

    @Test
    void channelGatewayIsGivenEachStoreWholeAtItsSimulatorsAddress() {
        try (ChannelStores stores = new ChannelStores()) {
            List<String> args = stores.gatewayArgs("http://127.0.0.1:8084/track/{trackingNumber}", Duration.ofSeconds(5));

            assertThat(args).contains(
                    "--dropship.channels.shopify[0].id=" + DemoKeys.STOREFRONT_ID,
                    "--dropship.channels.shopify[0].domain=" + DemoKeys.SHOPIFY_DOMAIN,
                    "--dropship.channels.shopify[0].base-url=" + stores.shopify().baseUrl(),
                    "--dropship.channels.shopify[0].webhook-secret=" + DemoKeys.SHOPIFY_WEBHOOK_SECRET,
                    "--dropship.channels.woocommerce[0].id=" + DemoKeys.WOO_STORE,
                    "--dropship.channels.woocommerce[0].url=" + stores.woo().url(),
                    "--dropship.channels.amazon[0].id=" + DemoKeys.AMAZON_STORE,
                    "--dropship.channels.amazon[0].endpoint=" + stores.amazon().endpoint(),
                    "--dropship.channels.amazon[0].lwa-url=" + stores.amazon().lwaUrl(),
                    "--dropship.channels.amazon[0].poll-every=5000ms",
                    "--dropship.channels.tracking-url=http://127.0.0.1:8084/track/{trackingNumber}");
            assertThat(List.of(stores.shopify().baseUrl().getPort(), stores.woo().url().getPort(),
                    stores.amazon().endpoint().getPort())).doesNotHaveDuplicates().allSatisfy(port ->
                    assertThat(port).isPositive());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> at(Map<String, Object> yaml, String... path) {
        Map<String, Object> node = yaml;
        for (String key : path) {
            node = (Map<String, Object>) node.getOrDefault(key, Map.of());
        }
        return node;
    }
}
