package com.openfulfil.dropship.local.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The checked-out repository: where the modules' classes and runtime classpaths are. */
public record Repository(Path root) {
    private static final String CLASSPATH_FILE = "target/runtime-classpath.txt";

    /**
     * The folder holding {@code mvnw} and {@code local-stack/}: the {@code dropship.root} system
     * property (set by the {@code ./dropship} script) or the first such folder above the working directory.
     */
    public static Repository locate() {
        String given = System.getProperty("dropship.root");
        if (given != null && !given.isBlank()) {
            return new Repository(Path.of(given).toAbsolutePath().normalize());
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("local-stack"))) {
                return new Repository(dir);
            }
        }
        throw new IllegalStateException("Cannot find the repository root (a folder with mvnw and local-stack/) above "
                + Path.of("").toAbsolutePath() + "; run ./dropship from the repository.");
    }

    /** The runtime classpath the build wrote for {@code module}. */
    public String runtimeClasspath(String module) {
        Path file = root.resolve(module).resolve(CLASSPATH_FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: build first with `./mvnw -q -B -DskipTests package` "
                    + "(./dropship does it when something is missing).");
        }
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A service's compiled classes followed by its dependencies. */
    public String serviceClasspath(String module) {
        return root.resolve(module).resolve("target/classes") + java.io.File.pathSeparator + runtimeClasspath(module);
    }
}
