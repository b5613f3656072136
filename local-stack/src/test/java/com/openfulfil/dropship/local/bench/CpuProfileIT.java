package com.openfulfil.dropship.local.bench;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.fixtures.SampleEvents;
import com.openfulfil.dropship.events.serde.EventSerde;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A real flight recording, taken with jcmd from outside as the bench takes it, of this JVM parsing events. */
class CpuProfileIT {
    @TempDir
    Path dir;

    @Test
    void recordsAProcessFromOutsideAndChargesItsSamplesToTheLibraryThatRan() {
        CpuProfile profile = new CpuProfile(Map.of("this test", ProcessHandle.current().pid()), dir);
        profile.start();
        long parsed = parseEventsFor(2_000);
        CpuProfile.Result result = profile.stop("two seconds of JSON");

        assertThat(parsed).isPositive();
        assertThat(result.problems()).isEmpty();
        assertThat(result.step()).isEqualTo("two seconds of JSON");
        assertThat(result.processes()).singleElement().satisfies(p -> {
            assertThat(p.process()).isEqualTo("this test");
            assertThat(p.samples()).isPositive();
            assertThat(p.components()).containsKey("JSON (Jackson)");
            assertThat(p.components().values().stream().mapToDouble(Double::doubleValue).sum()).isBetween(99.0, 101.0);
            assertThat(p.hotMethods()).isNotEmpty();
        });
        assertThat(Files.exists(dir.resolve("this-test.jfr"))).isTrue();
    }

    /** Serialises and parses the sample events over and over for {@code millis}. */
    private static long parseEventsFor(long millis) {
        EventSerde serde = new EventSerde();
        List<Event> events = SampleEvents.all();
        long end = System.nanoTime() + millis * 1_000_000;
        long parsed = 0;
        while (System.nanoTime() < end) {
            for (Event event : events) {
                if (serde.deserialize("t", serde.serialize("t", event)) != null) {
                    parsed++;
                }
            }
        }
        return parsed;
    }
}
