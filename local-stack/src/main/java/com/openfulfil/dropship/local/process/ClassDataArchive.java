package com.openfulfil.dropship.local.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Class-data sharing for one kind of child JVM (the broker, a service): the classes it loads are
 * kept in an archive that later JVMs map at start instead of reading, verifying and parsing them
 * from the jars again. On two busy cores that takes a third to a half off a start, which is most of
 * what a restart after a crash costs. A JVM started while there is no archive records one
 * ({@code -XX:ArchiveClassesAtExit}) and leaves it behind when it stops cleanly; a kill leaves
 * none, and the next clean stop tries again. The archive's name carries a digest of the classpath
 * (every jar's path, size and time), so a rebuilt jar gets a new archive rather than a stale one;
 * the JVM itself also checks the jars and starts without an archive that does not match them.
 */
final class ClassDataArchive {
    private static final String SUFFIX = ".jsa";
    private static final String RECORDING = ".recording";
    private static final Duration RECORDING_GRACE = Duration.ofSeconds(90);

    private final Path dir;
    private final String name;
    private final Path archive;
    private Path recording;

    private ClassDataArchive(Path dir, String name, String digest) {
        this.dir = dir;
        this.name = name;
        this.archive = dir.resolve(name + "-" + digest + SUFFIX);
    }

    /**
     * The archive of {@code name}'s JVMs with this classpath, in {@code dir}; empty when an entry of
     * the classpath is not a jar (the JVM shares classes from jars only, and will not even start
     * recording with a folder of classes on the classpath).
     */
    static Optional<ClassDataArchive> of(Path dir, String name, String classpath) {
        List<Path> entries = classpath.isBlank() ? List.of()
                : List.of(classpath.split(java.io.File.pathSeparator)).stream().map(Path::of).toList();
        if (entries.isEmpty() || !entries.stream().allMatch(p -> p.toString().endsWith(".jar") && Files.isRegularFile(p))) {
            return Optional.empty();
        }
        return Optional.of(new ClassDataArchive(dir, name, digest(entries)));
    }

    /** The options for the next start: map the archive, or record one if there is none yet. */
    synchronized List<String> jvmOptions() {
        return jvmOptions(List.of());
    }

    /**
     * As {@link #jvmOptions()}, for a JVM that also gets {@code others}: one that starts a flight
     * recording (the benchmark's profile) records no archive, since the JVM switches the flight
     * recorder off while it records one, and maps an archive only if there is one already.
     */
    synchronized List<String> jvmOptions(List<String> others) {
        discardRecording();
        if (Files.isRegularFile(archive)) {
            return List.of("-XX:SharedArchiveFile=" + archive);
        }
        if (others.stream().anyMatch(option -> option.startsWith("-XX:StartFlightRecording"))) {
            return List.of();
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
        recording = dir.resolve(name + "-" + UUID.randomUUID() + RECORDING);
        // recording names every class it leaves out (hundreds of lines) as a warning; errors still show
        return List.of("-XX:ArchiveClassesAtExit=" + recording, "-Xlog:cds=error");
    }

    /**
     * After the JVM has exited: a recording it wrote in a clean stop becomes the archive (and the
     * archives of earlier builds go); anything else it left is dropped.
     */
    synchronized void stopped(boolean clean) {
        Path recorded = recording;
        recording = null;
        if (recorded == null || !Files.isRegularFile(recorded)) {
            return;
        }
        try {
            if (clean && Files.size(recorded) > 0 && !Files.exists(archive)) {
                Files.move(recorded, archive);
                removeOlderArchives();
            }
        } catch (FileAlreadyExistsException e) {
            // another instance of the same classpath was quicker; its archive is as good
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the class-data archive " + archive, e);
        } finally {
            deleteQuietly(recorded);
        }
    }

    Path archive() {
        return archive;
    }

    /**
     * How long a stop may take: writing the archive comes after the JVM's own shutdown and takes
     * a while on a busy machine (several JVMs of a stack write theirs at once), so a recording JVM
     * gets longer before it is killed.
     */
    synchronized Duration stopGrace(Duration usual) {
        return recording == null ? usual : usual.plus(RECORDING_GRACE);
    }

    private void discardRecording() {
        if (recording != null) {
            deleteQuietly(recording);
            recording = null;
        }
    }

    private void removeOlderArchives() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, name + "-*" + SUFFIX)) {
            for (Path file : files) {
                if (!file.equals(archive)) {
                    deleteQuietly(file);
                }
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover file takes disk space, nothing else; the next build's clean removes it
        }
    }

    private static String digest(List<Path> jars) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path jar : jars) {
                String entry = jar.toAbsolutePath() + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis();
                sha.update(entry.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the classpath", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
