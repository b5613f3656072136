package com.openfulfil.dropship.local;

import com.openfulfil.dropship.events.serde.Json;
import com.openfulfil.dropship.local.demo.DemoCatalog;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** What supplier-gateway is started with when some demo suppliers take their dispatches over HTTP. */
class HttpSupplierArgsTest {
    private static final int PORT = 21080;

    @Test
    void anHttpSupplierKeepsTheCountryItShipsFromAndItsReturns() {
        JsonNode lyon = suppliers(LocalStack.httpSupplierArgs(Set.of("lyon-linen"), PORT)).get(2);

        assertThat(lyon.path("id").asString()).isEqualTo("lyon-linen");
        assertThat(lyon.path("transport").asString()).isEqualTo("http");
        assertThat(lyon.path("http").path("base-url").asString()).isEqualTo("http://127.0.0.1:" + PORT + "/lyon-linen");
        assertThat(lyon.path("country").asString()).isEqualTo("FR");
        JsonNode returns = lyon.path("returns");
        assertThat(returns.path("address").path("line1").asString()).isEqualTo("4 Rue de la Charité");
        assertThat(returns.path("address").path("city").asString()).isEqualTo("Lyon");
        assertThat(returns.path("address").path("postal-code").asString()).isEqualTo("69002");
        assertThat(returns.path("address").path("country").asString()).isEqualTo("FR");
        assertThat(returns.path("shipping").path("USD").asString()).isEqualTo("5.00");
        assertThat(returns.path("shipping").path("EUR").asString()).isEqualTo("4.50");
    }

    @Test
    void theKafkaSuppliersBesideItKeepThemToo() {
        JsonNode hanoi = suppliers(LocalStack.httpSupplierArgs(Set.of("lyon-linen"), PORT)).get(1);

        assertThat(hanoi.path("transport").asString()).isEqualTo("kafka");
        assertThat(hanoi.has("http")).isFalse();
        assertThat(hanoi.path("country").asString()).isEqualTo("VN");
        assertThat(hanoi.path("returns").path("name").asString()).isEqualTo("Hanoi Crafts Returns");
        assertThat(hanoi.path("returns").path("address").path("line1").asString()).isEqualTo("12 Hang Gai");
    }

    /** A process's arguments pass through the launcher's locale, which may be plain ASCII. */
    @Test
    void theArgumentIsAsciiWhateverTheAddressesHold() {
        List<String> args = LocalStack.httpSupplierArgs(Set.of("lyon-linen"), PORT);

        assertThat(args).hasSize(1).allSatisfy(arg -> assertThat(arg).startsWith(LocalStack.SPRING_JSON_ARG)
                .matches("\\p{ASCII}*").contains("Charit\\u00e9"));
    }

    /**
     * The list replaces the demo profile's whole list, so it must say everything the profile says
     * of every supplier; only the HTTP suppliers' transport and address differ.
     */
    @Test
    void everyDemoSupplierIsGivenAsSupplierGatewaysDemoProfileHasIt() throws IOException {
        JsonNode given = suppliers(LocalStack.httpSupplierArgs(Set.of("lyon-linen"), PORT));
        List<Map<String, Object>> demo = demoProfileSuppliers();

        assertThat(given).hasSize(demo.size());
        for (int i = 0; i < demo.size(); i++) {
            Map<String, String> expected = flat(demo.get(i));
            Map<String, String> actual = flat(Json.mapper().convertValue(given.get(i), Map.class));
            if (expected.get("id").equals("lyon-linen")) {
                expected.put("transport", "http");
                actual.remove("http.base-url");
                actual.remove("http.timeout");
            }
            assertThat(actual).as(expected.get("id")).isEqualTo(expected);
        }
        assertThat(given).extracting(s -> s.path("id").asString()).containsExactlyElementsOf(DemoCatalog.SUPPLIERS);
    }

    private static JsonNode suppliers(List<String> args) {
        String arg = args.stream().filter(a -> a.startsWith(LocalStack.SPRING_JSON_ARG)).findFirst().orElseThrow();
        return Json.mapper().readTree(arg.substring(LocalStack.SPRING_JSON_ARG.length()))
                .path("dropship").path("gateway").path("suppliers");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> demoProfileSuppliers() throws IOException {
        Path file = Path.of("..").toAbsolutePath().normalize()
                .resolve("supplier-gateway/src/main/resources/application-demo.yml");
        Map<String, Object> settings = new Yaml().load(Files.readString(file));
        Map<String, Object> gateway = (Map<String, Object>) ((Map<String, Object>) settings.get("dropship")).get("gateway");
        return new ArrayList<>((List<Map<String, Object>>) gateway.get("suppliers"));
    }

    /** Nested settings as dotted names, numbers without trailing zeros (YAML reads 5.00 as 5.0). */
    private static Map<String, String> flat(Map<?, ?> settings) {
        Map<String, String> flat = new TreeMap<>();
        flatten("", settings, flat);
        return flat;
    }

    private static void flatten(String prefix, Map<?, ?> settings, Map<String, String> into) {
        settings.forEach((name, value) -> {
            String key = prefix + name;
            if (value instanceof Map<?, ?> nested) {
                flatten(key + ".", nested, into);
            } else {
                String text = String.valueOf(value);
                into.put(key, text.matches("\\d+(\\.\\d+)?")
                        ? new BigDecimal(text).stripTrailingZeros().toPlainString() : text);
            }
        });
    }
}
