package com.openfulfil.dropship.local.sim;

import com.openfulfil.dropship.events.model.Carrier;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class CarriersTest {

    @Test
    void eachDemoSupplierShipsWithItsCarrier() {
        assertThat(Carriers.carrierOf("shenzhen-gadgets")).isEqualTo("SF");
        assertThat(Carriers.carrierOf("hanoi-crafts")).isEqualTo("VNPOST");
        assertThat(Carriers.carrierOf("lyon-linen")).isEqualTo("COLISSIMO");
    }

    @Test
    void trackingNumberIsTheCarrierPrefixAndTwelveDigits() {
        assertThat(Carriers.trackingNumber("SF", "dsp-1")).matches("SF\\d{12}");
        assertThat(Carriers.trackingNumber("VNPOST", "dsp-1")).matches("VN\\d{12}");
        assertThat(Carriers.trackingNumber("COLISSIMO", "dsp-1")).matches("CO\\d{12}");
    }

    @Test
    void aRedeliveredDispatchGetsTheSameTrackingNumber() {
        assertThat(Carriers.trackingNumber("SF", "dsp-7f3a")).isEqualTo(Carriers.trackingNumber("SF", "dsp-7f3a"));
    }

    @Test
    void differentDispatchesGetDifferentTrackingNumbers() {
        Set<String> numbers = new HashSet<>();
        IntStream.range(0, 10_000).forEach(i -> numbers.add(Carriers.trackingNumber("SF", "dispatch-" + i)));
        assertThat(numbers).hasSize(10_000);
    }

    @Test
    void everyDemoCarrierIsOneWeSupport() {
        assertThat(Carriers.all()).allSatisfy(code -> assertThat(Carrier.find(code)).isPresent());
        assertThat(Carriers.POLLED).isSubsetOf(Carriers.all());
    }

    @Test
    void anotherIdOfACarrierGetsTheCarriersTrackingNumbers() {
        assertThat(Carriers.trackingNumber("laposte", "dsp-1")).isEqualTo(Carriers.trackingNumber("COLISSIMO", "dsp-1"));
        assertThat(Carriers.trackingNumber("UPS", "dsp-1")).matches("UP\\d{12}");
    }

    /** The demo portal offers, and the demo tracking-service takes the webhooks of, the carriers the simulators play. */
    @Test
    void theDemoSettingsOfThePortalAndOfTrackingNameTheSimulatedCarriers() throws IOException {
        Map<String, Object> portal = at(demoSettings("ops-console"), "dropship", "ops", "supplier-portal");
        Map<String, Object> tracking = at(demoSettings("tracking-service"), "dropship", "tracking");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> webhookCarriers = (List<Map<String, Object>>) tracking.get("carriers");

        assertThat(portal.get("carriers")).asInstanceOf(InstanceOfAssertFactories.LIST)
                .containsExactlyInAnyOrderElementsOf(Carriers.all());
        assertThat(webhookCarriers).extracting(c -> c.get("id")).containsExactlyInAnyOrderElementsOf(Carriers.all());
    }

    private static Map<String, Object> demoSettings(String service) throws IOException {
        Path file = Path.of("..").toAbsolutePath().normalize().resolve(service)
                .resolve("src/main/resources/application-demo.yml");
        return asMap(new Yaml().load(Files.readString(file)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object node) {
        return node instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static Map<String, Object> at(Map<String, Object> yaml, String... path) {
        Map<String, Object> node = yaml;
        for (String key : path) {
            node = asMap(node.get(key));
        }
        return node;
    }
}
