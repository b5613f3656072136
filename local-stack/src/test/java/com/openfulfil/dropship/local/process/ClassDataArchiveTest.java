package com.openfulfil.dropship.local.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** With real JVMs: the first one records its classes at a clean exit, the next one maps them. */
class ClassDataArchiveTest {

    private static final List<String> SERIAL = List.of("-XX:+UseSerialGC");
    private static final List<String> TEST_JVM = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    @TempDir
    Path dir;

    @Test
    void theFirstCleanStopLeavesAnArchiveThatTheNextStartMaps() throws Exception {
        Path jar = helloJar();
        ClassDataArchive archive = ClassDataArchive.of(dir.resolve("class-data"), "hello", jar.toString(), SERIAL).orElseThrow();

        String first = run(archive.jvmOptions(), jar);
        archive.stopped(true);

        assertThat(first).contains("hello").doesNotContain("shared objects file (top)");
        assertThat(archive.archive()).isRegularFile();
        List<String> options = archive.jvmOptions();
        assertThat(options).containsExactly("-XX:SharedArchiveFile=" + archive.archive());
        assertThat(run(options, jar)).as("Hello read from the archive, not the jar")
                .containsPattern("Hello source: shared objects file \\(top\\)");
        assertThat(Files.list(dir.resolve("class-data"))).as("no recording left behind").containsExactly(archive.archive());
    }

    @Test
    void aKilledJvmLeavesNoArchiveAndTheNextStartRecordsAgain() throws Exception {
        Path jar = helloJar();
        ClassDataArchive archive = ClassDataArchive.of(dir.resolve("class-data"), "hello", jar.toString(), SERIAL).orElseThrow();

        run(archive.jvmOptions(), jar);
        archive.stopped(false);

        assertThat(archive.archive()).doesNotExist();
        assertThat(Files.list(dir.resolve("class-data"))).isEmpty();
        assertThat(archive.jvmOptions()).first().asString().startsWith("-XX:ArchiveClassesAtExit=");
    }

    @Test
    void aRebuiltJarGetsAnArchiveOfItsOwnAndTheOldOneGoes() throws Exception {
        Path jar = helloJar();
        ClassDataArchive before = ClassDataArchive.of(dir.resolve("class-data"), "hello", jar.toString(), SERIAL).orElseThrow();
        run(before.jvmOptions(), jar);
        before.stopped(true);

        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
        ClassDataArchive after = ClassDataArchive.of(dir.resolve("class-data"), "hello", jar.toString(), SERIAL).orElseThrow();
        run(after.jvmOptions(), jar);
        after.stopped(true);

        assertThat(after.archive()).isNotEqualTo(before.archive()).isRegularFile();
        assertThat(before.archive()).doesNotExist();
    }

    @Test
    void whileOneJvmRecordsTheArchiveASecondOfTheSameKindRecordsNoneAndAfterAKillTheNextStartRecords() throws Exception {
        Path jar = helloJar();
        ClassDataArchive first = ClassDataArchive.of(dir.resolve("class-data"), "hello", jar.toString(), SERIAL).orElseThrow();
        ClassDataArchive second = ClassDataArchive.of(dir.resolve("class-data"), "hello", jar.toString(), SERIAL).orElseThrow();
        ClassDataArchive otherOptions = ClassDataArchive.of(dir.resolve("class-data"), "hello", jar.toString(), TEST_JVM)
                .orElseThrow();

        assertThat(first.jvmOptions()).first().asString().startsWith("-XX:ArchiveClassesAtExit=");
        assertThat(second.jvmOptions()).as("the first is recording it").isEmpty();
        assertThat(second.stopGrace(Duration.ofSeconds(30))).as("so its stop is an ordinary one").isEqualTo(Duration.ofSeconds(30));
        assertThat(otherOptions.jvmOptions()).as("another archive").first().asString().startsWith("-XX:ArchiveClassesAtExit=");
        otherOptions.stopped(false);

        first.stopped(false);
        List<String> secondAgain = second.jvmOptions();
        assertThat(secondAgain).as("the first was killed: nobody records it now").first().asString()
                .startsWith("-XX:ArchiveClassesAtExit=");
        assertThat(first.jvmOptions()).isEmpty();
        run(secondAgain, jar);
        second.stopped(true);
        assertThat(first.jvmOptions()).containsExactly("-XX:SharedArchiveFile=" + second.archive());
    }

    @Test
    void jvmsWithOtherOptionsRecordAndMapAnArchiveOfTheirOwnAndLeaveTheOtherAsItWas() throws Exception {
        Path jar = helloJar();
        ClassDataArchive shipped = recorded(jar, SERIAL);
        long shippedSize = Files.size(shipped.archive());
        FileTime shippedTime = Files.getLastModifiedTime(shipped.archive());

        ClassDataArchive tests = ClassDataArchive.of(dir.resolve("class-data"), "hello", jar.toString(), TEST_JVM).orElseThrow();
        assertThat(tests.archive()).as("the tests' JVMs have an archive name of their own").isNotEqualTo(shipped.archive());
        assertThat(tests.jvmOptions()).as("and record one rather than map the other options' archive")
                .first().asString().startsWith("-XX:ArchiveClassesAtExit=");
        run(tests.jvmOptions(), TEST_JVM, jar);
        tests.stopped(true);

        assertThat(Files.list(dir.resolve("class-data"))).containsExactlyInAnyOrder(shipped.archive(), tests.archive());
        assertThat(run(tests.jvmOptions(), TEST_JVM, jar)).containsPattern("Hello source: shared objects file \\(top\\)");
        assertThat(Files.size(shipped.archive())).isEqualTo(shippedSize);
        assertThat(Files.getLastModifiedTime(shipped.archive())).isEqualTo(shippedTime);
        assertThat(ClassDataArchive.of(dir.resolve("class-data"), "hello", jar.toString(), SERIAL).orElseThrow().jvmOptions())
                .as("the first options still map their own archive")
                .containsExactly("-XX:SharedArchiveFile=" + shipped.archive());
    }

    @Test
    void theKeyIsTheOptionsThatShapeTheArchiveNotPropertiesLogsOrTheFlightRecorder() {
        Map<String, String> none = Map.of();
        String serial = ClassDataArchive.optionsDigest(List.of("-Xmx384m", "-XX:+UseSerialGC"), none);

        assertThat(ClassDataArchive.optionsDigest(List.of("-Xmx384m", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8",
                "-Xlog:cds=error", "-XX:StartFlightRecording=name=idle"), none)).isEqualTo(serial);
        assertThat(ClassDataArchive.optionsDigest(List.of("-Xmx384m", "-XX:+UseG1GC"), none)).as("collector").isNotEqualTo(serial);
        assertThat(ClassDataArchive.optionsDigest(List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), none))
                .as("compiler").isNotEqualTo(serial);
        assertThat(ClassDataArchive.optionsDigest(List.of("-Xmx2g", "-XX:+UseSerialGC"), none)).as("heap").isNotEqualTo(serial);
        assertThat(ClassDataArchive.optionsDigest(List.of("-Xmx384m", "-XX:+UseSerialGC"),
                Map.of("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1"))).as("options from the environment").isNotEqualTo(serial);
        assertThat(ClassDataArchive.optionsDigest(List.of("-Xmx384m", "-XX:+UseSerialGC"), Map.of("JAVA_TOOL_OPTIONS", " ")))
                .isEqualTo(serial);
    }

    @Test
    void aRebuildRemovesTheOldArchivesOfEveryOptionButKeepsTheOtherOptionsArchiveOfTheSameBuild() throws Exception {
        Path jar = helloJar();
        ClassDataArchive oldTests = recorded(jar, TEST_JVM);
        Path unkeyed = Files.createFile(dir.resolve("class-data").resolve("hello-0123456789abcdef.jsa"));
        Path otherService = Files.createFile(dir.resolve("class-data").resolve("hello2-0123456789abcdef-0123456789abcdef.jsa"));

        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
        ClassDataArchive newShipped = ClassDataArchive.of(dir.resolve("class-data"), "hello", jar.toString(), SERIAL).orElseThrow();
        ClassDataArchive newTests = ClassDataArchive.of(dir.resolve("class-data"), "hello", jar.toString(), TEST_JVM).orElseThrow();
        run(newTests.jvmOptions(), TEST_JVM, jar);
        newTests.stopped(true);
        run(newShipped.jvmOptions(), SERIAL, jar);
        newShipped.stopped(true);

        assertThat(Files.list(dir.resolve("class-data"))).as("the old build's archives go, whatever their options")
                .containsExactlyInAnyOrder(newShipped.archive(), newTests.archive(), otherService);
        assertThat(oldTests.archive()).doesNotExist();
        assertThat(unkeyed).doesNotExist();
    }

    @Test
    void aJvmThatRecordsItsFlightRecordsNoArchiveSoItsProfileIsNotSwitchedOff() throws Exception {
        Path jar = helloJar();
        ClassDataArchive archive = ClassDataArchive.of(dir.resolve("class-data"), "hello", jar.toString(), SERIAL).orElseThrow();
        List<String> profiled = List.of("-XX:StartFlightRecording=name=idle,settings=default");

        assertThat(archive.jvmOptions(profiled)).isEmpty();
        List<String> options = new ArrayList<>(archive.jvmOptions());
        options.addAll(profiled);
        assertThat(run(options, jar)).as("what the JVM says when it records an archive and a flight at once")
                .contains("JFR will be disabled during CDS dumping");
        archive.stopped(true);

        assertThat(archive.jvmOptions(profiled)).as("an archive there already is mapped")
                .containsExactly("-XX:SharedArchiveFile=" + archive.archive());
    }

    @Test
    void aFolderOfClassesOnTheClasspathMeansNoArchive() throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes"));

        assertThat(ClassDataArchive.of(dir.resolve("class-data"), "hello", classes + java.io.File.pathSeparator
                + helloJar(), SERIAL)).isEmpty();
    }

    /** Runs Hello from the jar with the options, class loading logged; its output. */
    /** The archive of JVMs with {@code options}, recorded by one that ran and stopped cleanly. */
    private ClassDataArchive recorded(Path jar, List<String> options) throws Exception {
        ClassDataArchive archive = ClassDataArchive.of(dir.resolve("class-data"), "hello", jar.toString(), options)
                .orElseThrow();
        run(archive.jvmOptions(), options, jar);
        archive.stopped(true);
        return archive;
    }

    private String run(List<String> options, Path jar) throws Exception {
        return run(options, SERIAL, jar);
    }

    /** Runs Hello from the jar with the archive's options and the JVM's own, class loading logged; its output. */
    private String run(List<String> archiveOptions, List<String> jvmOptions, Path jar) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info"));
        cmd.addAll(archiveOptions);
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", jar.toString(), "Hello"));
        Process process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private Path helloJar() throws IOException {
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.writeString(src.resolve("Hello.java"), "public class Hello { public static void main(String[] a) {"
                + " System.out.println(\"hello\"); } }");
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", src.toString(),
                src.resolve("Hello.java").toString())).isZero();
        Path jar = dir.resolve("hello.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out)) {
            jarOut.putNextEntry(new JarEntry("Hello.class"));
            jarOut.write(Files.readAllBytes(src.resolve("Hello.class")));
            jarOut.closeEntry();
        }
        return jar;
    }
}
