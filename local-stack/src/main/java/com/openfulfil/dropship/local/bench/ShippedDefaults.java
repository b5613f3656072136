package com.openfulfil.dropship.local.bench;

import com.openfulfil.dropship.local.process.Repository;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The settings every service ships with: {@value #RESOURCE}, read from a service's own classpath
 * (the launcher does not have it on its own), so the bench states what the services run with when
 * it passes them nothing. Settings the file leaves to Kafka Streams and the Kafka clients are their
 * documented defaults.
 *
 * @param properties the file's entries; empty when it could not be read
 * @param source     where they were read from, or why not
 */
record ShippedDefaults(Map<String, String> properties, String source) {
    static final String RESOURCE = "dropship-defaults.properties";
    static final String COMMIT_INTERVAL = "dropship.streams.commit-interval-ms";
    static final String LINGER = "dropship.streams.linger-ms";
    static final String GUARANTEE = "dropship.streams.processing-guarantee";
    /** Kafka Streams' commit interval under exactly-once, and its producers' linger, when nothing says otherwise. */
    static final int STREAMS_EOS_COMMIT_INTERVAL_MS = 100;
    static final int STREAMS_LINGER_MS = 100;
    static final int STREAM_THREADS = 1;
    static final int BATCH_SIZE = 16_384;
    static final int STREAMS_MAX_POLL_RECORDS = 1_000;

    ShippedDefaults {
        properties = Map.copyOf(properties);
    }

    /** The defaults on order-service's runtime classpath (every service has the same service-support). */
    static ShippedDefaults of(Repository repository) {
        try {
            List<URL> urls = new ArrayList<>();
            for (String entry : repository.serviceClasspath("order-service").split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    urls.add(Path.of(entry).toUri().toURL());
                }
            }
            try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), null)) {
                return from(loader, "service-support's " + RESOURCE);
            }
        } catch (IOException | RuntimeException e) {
            return unknown("the services' classpath could not be read: " + e.getMessage());
        }
    }

    /** The defaults a class loader finds, or none (with the reason) when it finds no such file. */
    static ShippedDefaults from(ClassLoader loader, String source) throws IOException {
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return unknown(RESOURCE + " is not on the services' classpath");
            }
            Properties file = new Properties();
            file.load(in);
            Map<String, String> entries = new TreeMap<>();
            file.stringPropertyNames().forEach(name -> entries.put(name, file.getProperty(name)));
            return new ShippedDefaults(entries, source);
        }
    }

    static ShippedDefaults unknown(String why) {
        return new ShippedDefaults(Map.of(), why);
    }

    /** The file's entries as given. */
    static ShippedDefaults of(Map<String, String> entries) {
        return new ShippedDefaults(entries, RESOURCE);
    }

    boolean known() {
        return !properties.isEmpty();
    }

    Optional<Integer> number(String name) {
        try {
            return Optional.ofNullable(properties.get(name)).map(String::strip).map(Integer::valueOf);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    int commitIntervalMs() {
        return number(COMMIT_INTERVAL).orElse(STREAMS_EOS_COMMIT_INTERVAL_MS);
    }

    int lingerMs() {
        return number(LINGER).orElse(STREAMS_LINGER_MS);
    }

    Optional<String> processingGuarantee() {
        return Optional.ofNullable(properties.get(GUARANTEE));
    }
}
