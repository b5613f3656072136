package com.openfulfil.dropship.console.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceAddressesTest {
    /** Bound the way Spring reads the process environment, as the launcher, compose and Kubernetes set it. */
    private static Binder environment(Map<String, Object> variables) {
        String env = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(env, new SystemEnvironmentPropertySource(env, variables));
        return Binder.get(environment);
    }

    @Test
    void readsEachServicesAddressFromTheEnvironmentDashesAndAll() {
        ServiceAddresses addresses = environment(Map.of(
                "DROPSHIP_OPS_SERVICES_ORDER_SERVICE", "http://order-service:8081",
                "DROPSHIP_OPS_SERVICES_CATALOG_SERVICE", "http://catalog-service:8082",
                "DROPSHIP_OPS_SERVICES_SUPPLIER_GATEWAY", "http://supplier-gateway:8083",
                "DROPSHIP_OPS_SERVICES_TRACKING_SERVICE", "http://tracking-service:8084",
                "DROPSHIP_OPS_SERVICES_COMMISSION_SERVICE", "http://commission-service:8085",
                "DROPSHIP_OPS_SERVICES_CHANNEL_GATEWAY", "http://channel-gateway:8086"))
                .bindOrCreate("dropship.ops", ServiceAddresses.class);
        for (String module : new String[]{"order-service", "catalog-service", "supplier-gateway", "tracking-service",
                "commission-service", "channel-gateway"}) {
            assertThat(addresses.service(module)).as(module).hasHost(module);
        }
    }

    @Test
    void theEnvironmentWinsOverTheSettingsFile() throws IOException {
        String env = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addLast(new MapPropertySource("application.yml",
                Map.of("dropship.ops.services.supplier-gateway", "http://localhost:8083",
                        "dropship.ops.services.order-service", "http://localhost:8081")));
        environment.getPropertySources().replace(env, new SystemEnvironmentPropertySource(env,
                Map.of("DROPSHIP_OPS_SERVICES_SUPPLIER_GATEWAY", "http://supplier-gateway:8083")));
        ServiceAddresses addresses = Binder.get(environment).bindOrCreate("dropship.ops", ServiceAddresses.class);
        assertThat(addresses.service("supplier-gateway")).isEqualTo(URI.create("http://supplier-gateway:8083"));
        assertThat(addresses.service("order-service")).isEqualTo(URI.create("http://localhost:8081"));
    }

    @Test
    void aServiceWithoutAnAddressNamesTheSettingToSet() {
        ServiceAddresses none = environment(Map.of()).bindOrCreate("dropship.ops", ServiceAddresses.class);
        assertThatThrownBy(() -> none.service("order-service")).isInstanceOf(IllegalStateException.class)
                .hasMessage("No address for order-service: set dropship.ops.services.order-service");
        assertThatThrownBy(() -> none.service("shop-service")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("shop-service");
    }

    @Test
    void theGatewaysAdminKeyAndTimeoutKeepTheirNames() {
        GatewayAccess access = environment(Map.of("DROPSHIP_OPS_SUPPLIER_PORTAL_GATEWAY_ADMIN_KEY", "ok_x",
                "DROPSHIP_OPS_SUPPLIER_PORTAL_GATEWAY_TIMEOUT", "3s"))
                .bindOrCreate("dropship.ops.supplier-portal", GatewayAccess.class);
        assertThat(access.gatewayAdminKey()).isEqualTo("ok_x");
        assertThat(access.gatewayTimeout()).hasSeconds(3);
        assertThat(environment(Map.of()).bindOrCreate("dropship.ops.supplier-portal", GatewayAccess.class)
                .gatewayTimeout()).hasSeconds(10);
    }
}
