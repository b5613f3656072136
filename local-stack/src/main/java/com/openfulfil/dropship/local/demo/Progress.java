package com.openfulfil.dropship.local.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

/** Where the demo reports how far it got. */
public interface Progress {
    Progress NONE = (placed, finished, total) -> { };

    void update(int placed, int finished, int total);

    default void done() {
    }

    /** A bar redrawn in place on a terminal; a plain line every few seconds when output is redirected. */
    static Progress bar(PrintStream out) {
        return new Progress() {
            private static final int WIDTH = 40;
            private final boolean terminal = System.console() != null;
            private Instant lastLine = Instant.EPOCH;

            @Override
            public void update(int placed, int finished, int total) {
                int filled = total == 0 ? WIDTH : finished * WIDTH / total;
                String line = String.format("[%s%s] %d/%d finished, %d placed", "#".repeat(filled),
                        ".".repeat(WIDTH - filled), finished, total, placed);
                if (terminal) {
                    out.print("\r" + line);
                    out.flush();
                } else if (Instant.now().isAfter(lastLine.plus(Duration.ofSeconds(5)))) {
                    out.println(line);
                    lastLine = Instant.now();
                }
            }

            @Override
            public void done() {
                if (terminal) {
                    out.println();
                }
            }
        };
    }
}
