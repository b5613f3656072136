package com.openfulfil.dropship.events.serde;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds every record the binary format writes for the contract to its recorded layout
 * ({@code src/test/resources/binary-layout.txt}): values already on topics are read by position, so a
 * component may only be added at the end. After an intended change, record the new layout with
 * {@code -Dlayout.write=true} and review the diff.
 */
class BinaryLayoutTest {
    private static final Path RECORDED = Path.of("src/test/resources/binary-layout.txt");

    @Test
    void componentsAreOnlyEverAddedAtTheEnd() throws IOException {
        List<String> current = BinaryLayout.of(Json.eventTypes());
        if (Boolean.getBoolean("layout.write")) {
            Files.write(RECORDED, current);
        }
        List<String> recorded = Files.readAllLines(RECORDED);
        List<String> problems = BinaryLayout.incompatibilities(recorded, current);
        assertThat(problems).as("changes that older values cannot be read through").isEmpty();
        assertThat(current).as("the layout changed compatibly: record it with -Dlayout.write=true")
                .containsExactlyElementsOf(recorded);
    }
}
