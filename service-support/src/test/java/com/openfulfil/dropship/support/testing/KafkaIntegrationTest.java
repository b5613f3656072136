package com.openfulfil.dropship.support.testing;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Base class of every {@code *IT}: gives the Spring context the JVM's real KRaft broker and a
 * fresh data folder for its state stores.
 */
public abstract class KafkaIntegrationTest {

    @DynamicPropertySource
    static void broker(DynamicPropertyRegistry registry) {
        registry.add("dropship.kafka.bootstrap-servers", EmbeddedBroker::bootstrapServers);
        registry.add("dropship.data-dir", KafkaIntegrationTest::freshDataDir);
        registry.add("dropship.streams.commit-interval-ms", () -> "50");
    }

    private static String freshDataDir() {
        try {
            Path target = Path.of("target");
            Files.createDirectories(target);
            return Files.createTempDirectory(target, "it-data-").toAbsolutePath().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
