package com.openfulfil.dropship.local.chaos;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./dropship chaos --short} as part of the test suite: the broker and the five services as
 * processes on free ports in a fresh folder under target/, a steady load, then kill -9 of the
 * broker, a second catalog-service with the first one killed (and restarted), poison on every
 * consumed topic, and an HTTP supplier answering 500 and then timing out. Fails when any invariant
 * of the run fails.
 */
class ChaosShortIT {

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void theShortFaultSuiteLosesNothingDoublesNothingAndParksEveryPoisonMessage() throws Exception {
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "chaos-short-");
        ByteArrayOutputStream captured = new ByteArrayOutputStream();

        int exit = ChaosCommand.run(List.of("--short", "--data-dir", data.toString()), tee(captured));

        String output = captured.toString(StandardCharsets.UTF_8);
        List<Poison> poison = PoisonMessages.forRun("any");
        long topics = poison.stream().map(Poison::topic).distinct().count();
        int deadLetters = poison.stream().mapToInt(p -> p.groups().size()).sum();
        assertThat(output).as("the table").contains("kill -9 broker", "2 x catalog-service, kill -9 one",
                "poison: " + poison.size() + " messages on " + topics + " topics",
                deadLetters + "/" + deadLetters, "supplier HTTP 500s and timeouts (lyon-linen)");
        assertThat(output).as("every fault was injected").doesNotContain("not applicable");
        assertThat(output).as("invariants").doesNotContain("[FAIL]").contains("[PASS] pipeline still moving");
        assertThat(exit).as("exit code of the chaos run; output:\n%s", output).isZero();
    }

    /** The run's output goes to the build log as it happens and is kept for the assertions. */
    private static PrintStream tee(ByteArrayOutputStream captured) {
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                System.out.write(b);
                captured.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                System.out.write(b, off, len);
                captured.write(b, off, len);
            }
        }, true, StandardCharsets.UTF_8);
    }
}
