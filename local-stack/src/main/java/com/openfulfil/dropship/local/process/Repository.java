package com.openfulfil.dropship.local.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

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
        return moduleClasses(module) + java.io.File.pathSeparator + runtimeClasspath(module);
    }

    /**
     * Where the launcher keeps the class-data archives of the JVMs it starts: in the build's output,
     * so a clean build removes them with the jars they were made from.
     */
    public Path classDataDir() {
        return root.resolve("local-stack/target/class-data");
    }

    /**
     * The module's jar, as the build packaged it; its folder of compiled classes instead when that
     * has something newer than the jar (compiled since the last package), or when there is no jar.
     */
    Path moduleClasses(String module) {
        Path target = root.resolve(module).resolve("target");
        Path classes = target.resolve("classes");
        try (Stream<Path> files = Files.list(target)) {
            Optional<Path> jar = files.filter(f -> {
                String name = f.getFileName().toString();
                return name.startsWith(module + "-") && name.endsWith(".jar") && !name.endsWith("-tests.jar")
                        && !name.endsWith("-sources.jar") && !name.endsWith("-javadoc.jar");
            }).findFirst();
            if (jar.isPresent() && !newerThan(classes, Files.getLastModifiedTime(jar.get()).toMillis())) {
                return jar.get();
            }
        } catch (IOException e) {
            // no target folder (yet): the classes folder, which the error at start-up then names
        }
        return classes;
    }

    private static boolean newerThan(Path folder, long millis) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).anyMatch(f -> {
                try {
                    return Files.getLastModifiedTime(f).toMillis() > millis;
                } catch (IOException e) {
                    return true;
                }
            });
        }
    }
}
