package com.openfulfil.dropship.manifests;

import com.openfulfil.dropship.events.topics.Topics;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the deployment grants each service matches what the service is configured to read and write. */
class ServicesTest {

    @Test
    void everyTopicAServiceIsBoundToIsOneItMayUse() throws IOException {
        for (Service service : Service.values()) {
            Map<String, Object> bindings = at(config(service.id()), "spring", "cloud", "stream", "bindings");
            assertThat(bindings).as(service.id() + " has stream bindings").isNotEmpty();
            for (var binding : bindings.entrySet()) {
                @SuppressWarnings("unchecked")
                Object destination = ((Map<String, Object>) binding.getValue()).get("destination");
                for (String topic : destinations(destination)) {
                    if (topic.startsWith("supplier\\.")) {
                        assertThat(service.readsSupplierDispatches()).as(service.id() + " reads suppliers' topics").isTrue();
                    } else if (binding.getKey().contains("-out-")) {
                        assertThat(service.writes()).as(service.id() + " writes " + topic).contains(topic);
                    } else {
                        assertThat(service.reads()).as(service.id() + " reads " + topic).contains(topic);
                    }
                }
            }
        }
    }

    @Test
    void everyTopicOfTheRegistryIsWrittenByAServiceOfTheDeployment() {
        for (var topic : Topics.all()) {
            assertThat(Arrays.stream(Service.values()).map(Service::id)).as(topic.name() + "'s writer")
                    .contains(topic.writer());
        }
    }

    @Test
    void theSuppliersSetUpAreTheOnesTheGatewayIsConfiguredFor() throws IOException {
        Map<String, Object> gateway = at(config("supplier-gateway"), "dropship", "gateway");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> suppliers = (List<Map<String, Object>>) gateway.get("suppliers");
        assertThat(suppliers.stream().map(s -> (String) s.get("id")).toList()).as(Suppliers.FILE)
                .isEqualTo(GeneratedFilesTest.CONFIGURED.suppliers());
    }

    private static List<String> destinations(Object destination) {
        List<String> topics = new ArrayList<>();
        for (String topic : String.valueOf(destination).split(",")) {
            // a pattern binding (destinationIsPattern) is alternatives of topic names and name patterns
            for (String alternative : topic.strip().split("\\|")) {
                topics.add(alternative.startsWith("supplier\\.") ? alternative : alternative.replace("\\.", "."));
            }
        }
        return topics;
    }

    static Map<String, Object> config(String service) throws IOException {
        Path file = GeneratedFilesTest.ROOT.resolve(service).resolve("src/main/resources/application.yml");
        return new Yaml().load(Files.readString(file));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> at(Map<String, Object> yaml, String... path) {
        Map<String, Object> node = yaml;
        for (String key : path) {
            node = (Map<String, Object>) node.getOrDefault(key, Map.of());
        }
        return node;
    }
}
