package com.openfulfil.dropship.tracking.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrackingPropertiesTest {

    private static TrackingProperties bind(String yaml) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load(yaml, new ClassPathResource(yaml))
                .forEach(environment.getPropertySources()::addFirst);
        return Binder.get(environment).bindOrCreate("dropship.tracking", TrackingProperties.class);
    }

    @Test
    void theDemoProfileLetsEveryDemoCarrierSignWithTheSharedSecret() throws IOException {
        TrackingProperties demo = bind("application-demo.yml");
        assertThat(demo.carriers()).extracting(TrackingProperties.Carrier::id)
                .containsExactlyInAnyOrder("SF", "VNPOST", "COLISSIMO", "DHL");
        assertThat(demo.carriers()).extracting(TrackingProperties.Carrier::secret).containsOnly("cs_demo_carriers");
        assertThat(demo.carrier("colissimo")).as("any case").isPresent();
    }

    @Test
    void theDefaultProfileHasNoCarrierSecrets() throws IOException {
        assertThat(bind("application.yml").carriers()).isEmpty();
    }

    @Test
    void aCarrierWithoutSecretIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new TrackingProperties.Carrier("SF", " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new TrackingProperties.Carrier("SF", "s3cret").toString()).doesNotContain("s3cret");
    }
}
