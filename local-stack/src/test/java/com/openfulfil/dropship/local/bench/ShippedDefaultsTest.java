package com.openfulfil.dropship.local.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ShippedDefaultsTest {
    @TempDir
    Path classes;

    @Test
    void readsTheDefaultsFileFromTheClasspathItIsGiven() throws IOException {
        Files.writeString(classes.resolve(ShippedDefaults.RESOURCE), """
                dropship.streams.processing-guarantee=exactly_once_v2
                dropship.streams.commit-interval-ms=250
                dropship.streams.linger-ms=20
                """);

        ShippedDefaults defaults = load();

        assertThat(defaults.known()).isTrue();
        assertThat(defaults.commitIntervalMs()).isEqualTo(250);
        assertThat(defaults.lingerMs()).isEqualTo(20);
        assertThat(defaults.processingGuarantee()).contains("exactly_once_v2");
        assertThat(defaults.source()).isEqualTo("test classpath");
    }

    @Test
    void whatTheFileLeavesOutIsKafkaStreamsOwnDefault() throws IOException {
        Files.writeString(classes.resolve(ShippedDefaults.RESOURCE), "dropship.topics.replication-factor=1\n");

        ShippedDefaults defaults = load();

        assertThat(defaults.commitIntervalMs()).isEqualTo(ShippedDefaults.STREAMS_EOS_COMMIT_INTERVAL_MS);
        assertThat(defaults.lingerMs()).isEqualTo(ShippedDefaults.STREAMS_LINGER_MS);
        assertThat(defaults.processingGuarantee()).isEmpty();
    }

    @Test
    void noFileMeansUnknownWithTheReason() throws IOException {
        ShippedDefaults defaults = load();

        assertThat(defaults.known()).isFalse();
        assertThat(defaults.source()).contains("is not on the services' classpath");
    }

    private ShippedDefaults load() throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[]{classes.toUri().toURL()}, null)) {
            return ShippedDefaults.from(loader, "test classpath");
        }
    }
}
