package com.openfulfil.dropship.manifests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Setting a deployment up for another supplier is a line in the suppliers file, which the generator reads. */
class SuppliersTest {
    private static final String NEW = "oslo-outdoor";

    @Test
    void aSupplierAddedToTheFileGetsItsTopicsItsKafkaUserAndThePortalsAccess(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("suppliers.yaml");
        Files.writeString(file, Files.readString(GeneratedFilesTest.ROOT.resolve(Suppliers.FILE)) + "  - id: " + NEW + "\n");
        Manifests before = GeneratedFilesTest.CONFIGURED;
        Manifests after = Manifests.forSuppliersIn(file);

        assertThat(after.suppliers()).containsExactlyElementsOf(append(before.suppliers(), NEW));
        assertThat(before.kafkaTopics() + before.kafkaUsers() + before.composeTopicScript()).doesNotContain(NEW);
        assertThat(topicNames(after.kafkaTopics())).containsAll(topicNames(before.kafkaTopics()))
                .contains("supplier." + NEW + ".dispatch", "supplier." + NEW + ".updates")
                .hasSize(topicNames(before.kafkaTopics()).size() + 2);
        assertThat(after.composeTopicScript()).contains("create --topic supplier." + NEW + ".dispatch ",
                "create --topic supplier." + NEW + ".updates ");

        List<Map<String, Object>> users = documents(after.kafkaUsers());
        assertThat(acls(users, "supplier-" + NEW)).containsExactly(
                "topic supplier." + NEW + ".dispatch [Read, Describe]",
                "topic supplier." + NEW + ".updates [Write, Describe]",
                "group supplier-" + NEW + " [Read]");
        // the supplier portal may answer the new supplier's dispatches and park its poison
        assertThat(acls(users, "ops-console")).contains("topic supplier." + NEW + ".dispatch [Create, Describe]",
                "topic supplier." + NEW + ".dispatch." + Manifests.SUPPLIER_PORTAL + ".dlq [Create, Write, Read, Describe]");
    }

    @Test
    void theRepositorysFileListsTheDemoSuppliersInOrder() {
        assertThat(Suppliers.read(GeneratedFilesTest.ROOT.resolve(Suppliers.FILE)))
                .containsExactly("shenzhen-gadgets", "hanoi-crafts", "lyon-linen");
    }

    @Test
    void anIdThatCannotNameATopicIsRefusedNamingTheFileAndTheEntry() {
        assertThatThrownBy(() -> Suppliers.parse("s.yaml", "suppliers:\n  - id: lyon-linen\n  - id: Oslo Outdoor\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("s.yaml: suppliers[1]").hasMessageContaining("Oslo Outdoor");
    }

    @Test
    void aSupplierListedTwiceOrWithoutAnIdIsRefused() {
        assertThatThrownBy(() -> Suppliers.parse("s.yaml", "suppliers:\n  - id: lyon-linen\n  - id: lyon-linen\n"))
                .hasMessage("s.yaml: suppliers[1]: lyon-linen is listed twice");
        assertThatThrownBy(() -> Suppliers.parse("s.yaml", "suppliers:\n  - lyon-linen\n"))
                .hasMessage("s.yaml: suppliers[0] has no 'id'");
        assertThatThrownBy(() -> Suppliers.parse("s.yaml", "supplier:\n  - id: lyon-linen\n"))
                .hasMessageContaining("a list 'suppliers'");
    }

    @Test
    void aMissingFileIsRefusedByName(@TempDir Path dir) {
        assertThatThrownBy(() -> Suppliers.read(dir.resolve("suppliers.yaml")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("suppliers.yaml: no such file");
    }

    private static List<String> append(List<String> list, String element) {
        List<String> appended = new ArrayList<>(list);
        appended.add(element);
        return appended;
    }

    private static List<String> topicNames(String kafkaTopics) {
        return documents(kafkaTopics).stream().map(topic -> (String) ServicesTest.at(topic, "spec").get("topicName"))
                .toList();
    }

    /** A user's ACLs as "type name [operations]". */
    @SuppressWarnings("unchecked")
    private static List<String> acls(List<Map<String, Object>> users, String user) {
        Map<String, Object> found = users.stream().filter(u -> user.equals(ServicesTest.at(u, "metadata").get("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no KafkaUser " + user));
        List<Map<String, Object>> acls = (List<Map<String, Object>>) ServicesTest.at(found, "spec", "authorization")
                .get("acls");
        return acls.stream().map(acl -> {
            Map<String, Object> resource = (Map<String, Object>) acl.get("resource");
            return resource.get("type") + " " + resource.get("name") + " " + acl.get("operations");
        }).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> documents(String yaml) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml().loadAll(yaml)) {
            if (document != null) {
                documents.add((Map<String, Object>) document);
            }
        }
        return documents;
    }
}
