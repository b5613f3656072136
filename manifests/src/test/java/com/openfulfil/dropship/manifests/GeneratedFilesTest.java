package com.openfulfil.dropship.manifests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated files in the repository are exactly what the manifests module generates: the Kafka
 * resources from the topic registry, each service's Kubernetes objects from the service template.
 * After a change to either, rewrite them with {@code ./mvnw -pl manifests -am test -Dmanifests.write=true}
 * and review the diff.
 */
class GeneratedFilesTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** The deployment the repository's files are for: its suppliers are the ones manifests/suppliers.yaml lists. */
    static final Manifests CONFIGURED = Manifests.forSuppliersIn(ROOT.resolve(Suppliers.FILE));

    @Test
    void theKafkaTopicsOfKubernetesAreTheRegistrys() throws IOException {
        check("k8s/base/kafka/topics.yaml", CONFIGURED.kafkaTopics());
    }

    @Test
    void theKafkaUsersOfKubernetesFollowWhatEachServiceReadsAndWrites() throws IOException {
        check("k8s/base/kafka/users.yaml", CONFIGURED.kafkaUsers());
    }

    @Test
    void theComposeTopicJobCreatesTheRegistrysTopics() throws IOException {
        check("compose/create-topics.sh", CONFIGURED.composeTopicScript());
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void eachServicesKubernetesObjectsAreTheServiceTemplateFilledInForIt(Service service) throws IOException {
        check(ServiceWorkloads.file(service), ServiceWorkloads.of(service));
    }

    private static void check(String file, String expected) throws IOException {
        Path path = ROOT.resolve(file);
        if (Boolean.getBoolean("manifests.write")) {
            Files.createDirectories(path.getParent());
            Files.writeString(path, expected, StandardCharsets.UTF_8);
        }
        assertThat(path).as(file + " exists").exists();
        assertThat(Files.readString(path, StandardCharsets.UTF_8))
                .as(file + " is not what the manifests module generates: run ./mvnw -pl manifests -am test -Dmanifests.write=true")
                .isEqualTo(expected);
    }
}
