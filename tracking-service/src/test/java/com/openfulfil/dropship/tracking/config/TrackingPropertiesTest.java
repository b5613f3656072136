package com.openfulfil.dropship.tracking.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

import com.openfulfil.dropship.tracking.domain.notification.ExpectedDays;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

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

    @Test
    void aCarrierWeDoNotSupportIsRefusedAtStartUpNamingTheSettingAndTheCarriers() {
        assertThatThrownBy(() -> new TrackingProperties.Carrier("ACME", "s3cret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("dropship.tracking.carriers: \"ACME\" is not a carrier we support")
                .hasMessageContaining("VNPOST (Vietnam Post)");
        assertThatThrownBy(() -> new TrackingProperties.Polling("ACME", "https://acme.example/{trackingNumber}", null,
                Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("dropship.tracking.polling: \"ACME\" is not a carrier we support");
        assertThat(new TrackingProperties.Carrier("laposte", "s3cret").id()).as("another id of Colissimo")
                .isEqualTo("laposte");
    }

    @Test
    void timersPollingAndMessagesAreSetByEnvironmentVariables() {
        // bound the way Spring reads the process environment (the source's name decides the mapping)
        String env = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(env, new SystemEnvironmentPropertySource(env, Map.of(
                "DROPSHIP_TRACKING_TIMERS_DELAY_AFTER", "2d",
                "DROPSHIP_TRACKING_TIMERS_MAX_FAILURES", "5",
                "DROPSHIP_TRACKING_POLLING_0_CARRIER", "VNPOST",
                "DROPSHIP_TRACKING_POLLING_0_URL", "https://api.vnpost.example/track/{trackingNumber}",
                "DROPSHIP_TRACKING_POLLING_0_API_KEY", "k-123",
                "DROPSHIP_TRACKING_NOTIFICATIONS_DELIVERY", "SMTP",
                "DROPSHIP_TRACKING_NOTIFICATIONS_TRACKING_PAGE_URL", "https://shop.example.com/track/",
                "DROPSHIP_TRACKING_NOTIFICATIONS_EXPECTED_DAYS_STANDARD", "12")));
        Binder binder = Binder.get(environment);

        TrackingProperties tracking = binder.bindOrCreate("dropship.tracking", TrackingProperties.class);
        assertThat(tracking.timers().delayAfter()).isEqualTo(Duration.ofDays(2));
        assertThat(tracking.timers().expireAfter()).isEqualTo(Duration.ofDays(30));
        assertThat(tracking.timers().maxFailures()).isEqualTo(5);
        assertThat(tracking.polling()).singleElement().satisfies(p -> {
            assertThat(p.carrier()).isEqualTo("VNPOST");
            assertThat(p.apiKey()).isEqualTo("k-123");
            assertThat(p.interval()).isEqualTo(Duration.ofMinutes(15));
            assertThat(p.toString()).doesNotContain("k-123");
        });
        NotificationProperties notifications = binder.bindOrCreate("dropship.tracking.notifications",
                NotificationProperties.class);
        assertThat(notifications.delivery()).isEqualTo(NotificationProperties.Delivery.SMTP);
        assertThat(notifications.trackingPageUrl()).isEqualTo("https://shop.example.com/track/");
        assertThat(notifications.expectedDays().days()).isEqualTo(new ExpectedDays(12, 5));
    }
}
