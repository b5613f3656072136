package com.openfulfil.dropship.supplierportal.config;

import com.openfulfil.dropship.events.model.Carrier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SupplierPortalPropertiesTest {
    private static final String PREFIX = "dropship.ops.supplier-portal";

    /** Bound from the named files on the classpath, the later ones over the earlier. */
    public static SupplierPortalProperties bind(String... yamls) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        for (String yaml : yamls) {
            new YamlPropertySourceLoader().load(yaml, new ClassPathResource(yaml))
                    .forEach(environment.getPropertySources()::addFirst);
        }
        return Binder.get(environment).bindOrCreate(PREFIX, SupplierPortalProperties.class);
    }

    /** Bound the way Spring reads the process environment (the source's name decides the mapping). */
    private static SupplierPortalProperties bindEnvironment(String carriers) {
        String env = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(env, new SystemEnvironmentPropertySource(env,
                Map.of("DROPSHIP_OPS_SUPPLIER_PORTAL_CARRIERS", carriers)));
        return Binder.get(environment).bindOrCreate(PREFIX, SupplierPortalProperties.class);
    }

    @Test
    void byDefaultThePortalOffersEveryCarrierWeSupport() throws IOException {
        assertThat(bind("supplier-portal.yml").carrierCodes())
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(Carrier.values()).map(Carrier::code).toList());
    }

    @Test
    void aDeploymentMayOfferFewerCarriersNamedByCodeOrOtherIdInAnyCase() {
        assertThat(bindEnvironment("sf, laposte,DHL").carrierCodes()).containsExactly("COLISSIMO", "DHL", "SF");
    }

    @Test
    void aCarrierWeDoNotSupportIsRefusedAtStartUpNamingTheSettingAndTheCarriers() {
        assertThatThrownBy(() -> bindEnvironment("SF,ACME"))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageStartingWith("dropship.ops.supplier-portal.carriers: \"ACME\" is not a carrier we support")
                .hasMessageContaining("SF (SF Express)");
    }
}
