package com.openfulfil.dropship.local.process;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The options a process of the stack starts with: its usual ones unless the caller chose otherwise. */
class JvmOptionsTest {
    private static final List<String> USUAL = List.of("-Xmx384m", "-XX:+UseParallelGC", "-Dfile.encoding=UTF-8");

    @Test
    void aProcessRunsItsUsualCollectorUnlessItsExtraOptionsChooseAnother() {
        assertThat(BrokerProcess.jvmOptions(USUAL, List.of("-Dx=1"))).containsSubsequence(USUAL)
                .contains("-Dx=1");
        assertThat(BrokerProcess.jvmOptions(USUAL, List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")))
                .as("one collector only: a JVM refuses two")
                .containsExactly("-Xmx384m", "-Dfile.encoding=UTF-8", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
        assertThat(BrokerProcess.jvmOptions(USUAL, List.of("-XX:+UseStringDeduplication")))
                .as("an option that only mentions the collector's work chooses none").contains("-XX:+UseParallelGC");
    }
}
