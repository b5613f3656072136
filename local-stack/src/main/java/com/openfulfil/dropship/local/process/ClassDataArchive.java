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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Class-data sharing for one kind of child JVM (the broker, a service): the classes it loads are
 * kept in an archive that later JVMs map at start instead of reading, verifying and parsing them
 * from the jars again. On two busy cores that takes a third to a half off a start, which is most of
 * what a restart after a crash costs. A JVM started while there is no archive records one
 * ({@code -XX:ArchiveClassesAtExit}) and leaves it behind when it stops cleanly; a kill leaves
 * none, and the next clean stop tries again. The archive's name carries a digest of the classpath
 * (every jar's path, size and time), so a rebuilt jar gets a new archive rather than a stale one;
 * the JVM itself also checks the jars and starts without an archive that does not match them.
 * It carries a second digest, of the JVM options the archive was recorded with (the collector, the
 * compilers, the heap, agents, and the runtime with the options it takes from the environment): a
 * JVM maps only an archive that JVMs with the same options recorded, and JVMs with other options
 * (the test suites' short-lived stacks run with the client compiler alone) record one of their own
 * beside it instead of slowing down on the first one's.
 */
final class ClassDataArchive {
    private static final String SUFFIX = ".jsa";
    private static final String RECORDING = ".recording";
    private static final Duration RECORDING_GRACE = Duration.ofSeconds(90);

    /**
     * Options that change nothing in what a JVM archives or maps: system properties, logging, the
     * flight recorder (a profiled JVM maps the archive of its unprofiled peers), and the archive's own.
     */
    private static final List<String> NOT_KEYED = List.of("-D", "-Xlog", "-XX:StartFlightRecording",
            "-XX:FlightRecorderOptions", "-XX:SharedArchiveFile", "-XX:ArchiveClassesAtExit");
    /** Archives some JVM of this launcher is recording now: another JVM of the same kind need not record it too. */
    private static final Set<Path> RECORDING_NOW = ConcurrentHashMap.newKeySet();
    /** Environment variables the JVM reads options from. */
    private static final List<String> OPTION_VARIABLES = List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS");

    private final Path dir;
    private final String name;
    private final String classpathDigest;
    private final Path archive;
    private Path recording;

    private ClassDataArchive(Path dir, String name, String classpathDigest, String optionsDigest) {
        this.dir = dir;
        this.name = name;
        this.classpathDigest = classpathDigest;
        this.archive = dir.resolve(name + "-" + classpathDigest + "-" + optionsDigest + SUFFIX);
    }

    /**
     * The archive of {@code name}'s JVMs with this classpath and these JVM options, in {@code dir};
     * empty when an entry of the classpath is not a jar (the JVM shares classes from jars only, and
     * will not even start recording with a folder of classes on the classpath).
     *
     * @param jvmOptions every option the JVM is started with, in order, other than the archive's own
     */
    static Optional<ClassDataArchive> of(Path dir, String name, String classpath, List<String> jvmOptions) {
        List<Path> entries = classpath.isBlank() ? List.of()
                : List.of(classpath.split(java.io.File.pathSeparator)).stream().map(Path::of).toList();
        if (entries.isEmpty() || !entries.stream().allMatch(p -> p.toString().endsWith(".jar") && Files.isRegularFile(p))) {
            return Optional.empty();
        }
        return Optional.of(new ClassDataArchive(dir, name, digest(entries), optionsDigest(jvmOptions, System.getenv())));
    }

    /**
     * The digest of what a JVM's archive must agree with beyond its classpath: the runtime, the
     * options that shape the classes it loads and how (every option but those {@link #NOT_KEYED},
     * in order, since a later one overrides an earlier one) and the options the environment adds.
     */
    static String optionsDigest(List<String> jvmOptions, Map<String, String> environment) {
        StringBuilder key = new StringBuilder(System.getProperty("java.home")).append('|')
                .append(System.getProperty("java.vm.version"));
        for (String option : jvmOptions) {
            if (NOT_KEYED.stream().noneMatch(option::startsWith)) {
                key.append('|').append(option);
            }
        }
        for (String variable : OPTION_VARIABLES) {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                key.append('|').append(variable).append('=').append(value.strip());
            }
        }
        return sha256(key.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The options for the next start: map the archive, or record one if there is none yet. */
    synchronized List<String> jvmOptions() {
        return jvmOptions(List.of());
    }

    /**
     * As {@link #jvmOptions()}, for a JVM that also gets {@code others}: one that starts a flight
     * recording (the benchmark's profile) records no archive, since the JVM switches the flight
     * recorder off while it records one, and maps an archive only if there is one already. While
     * another JVM of the same kind records the archive (a second instance of a service started beside
     * the first), this one records none: its stop would write the same archive again.
     */
    synchronized List<String> jvmOptions(List<String> others) {
        discardRecording();
        if (Files.isRegularFile(archive)) {
            return List.of("-XX:SharedArchiveFile=" + archive);
        }
        if (others.stream().anyMatch(option -> option.startsWith("-XX:StartFlightRecording"))
                || !RECORDING_NOW.add(archive)) {
            return List.of();
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            RECORDING_NOW.remove(archive);
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
        recording = dir.resolve(name + "-" + UUID.randomUUID() + RECORDING);
        // recording names every class it leaves out (hundreds of lines) as a warning; errors still show
        return List.of("-XX:ArchiveClassesAtExit=" + recording, "-Xlog:cds=error");
    }

    /**
     * After the JVM has exited: a recording it wrote in a clean stop becomes the archive (and the
     * archives of earlier builds go, whatever their options; those of this build with other options
     * stay); anything else it left is dropped.
     */
    synchronized void stopped(boolean clean) {
        Path recorded = recording;
        recording = null;
        if (recorded == null) {
            return;
        }
        RECORDING_NOW.remove(archive);
        if (!Files.isRegularFile(recorded)) {
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
            RECORDING_NOW.remove(archive);
        }
    }

    /** Archives of this name from another classpath (or named before they carried their options' digest). */
    private void removeOlderArchives() throws IOException {
        Pattern ours = Pattern.compile(Pattern.quote(name) + "-([0-9a-f]{16})(-[0-9a-f]{16})?" + Pattern.quote(SUFFIX));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, name + "-*" + SUFFIX)) {
            for (Path file : files) {
                Matcher matcher = ours.matcher(file.getFileName().toString());
                boolean sameBuild = matcher.matches() && matcher.group(1).equals(classpathDigest) && matcher.group(2) != null;
                if (matcher.matches() && !sameBuild) {
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
            StringBuilder entries = new StringBuilder();
            for (Path jar : jars) {
                entries.append(jar.toAbsolutePath()).append('|').append(Files.size(jar)).append('|')
                        .append(Files.getLastModifiedTime(jar).toMillis());
            }
            return sha256(entries.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the classpath", e);
        }
    }

    /** The first 8 bytes of the SHA-256, in hex. */
    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
