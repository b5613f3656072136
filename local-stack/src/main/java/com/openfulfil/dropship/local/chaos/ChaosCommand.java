package com.openfulfil.dropship.local.chaos;

import com.openfulfil.dropship.local.process.Repository;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code ./dropship chaos}: the fault suite. Runs the broker and every service as its own
 * process on free ports in a fresh data folder, drives a steady load, injects the faults one after
 * another and checks that no order was lost or doubled. See {@link ChaosOptions#USAGE}.
 */
public final class ChaosCommand {
    private ChaosCommand() {
    }

    /** @return the exit code: 0 when every invariant held, 1 when one did not (or the run broke), 2 for bad options */
    public static int run(List<String> args, PrintStream out) {
        ChaosOptions options;
        try {
            options = ChaosOptions.parse(args);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage() + "\n\n" + ChaosOptions.USAGE);
            return 2;
        }
        if (options.help()) {
            out.print(ChaosOptions.USAGE);
            return 0;
        }
        String runId = "chaos" + Long.toString(System.currentTimeMillis(), 36);
        Path dataDir = (options.dataDir() != null ? options.dataDir() : Path.of("data", runId)).toAbsolutePath()
                .normalize();
        try {
            requireFresh(dataDir);
            if (System.getProperty("dropship.log-dir") == null) {
                System.setProperty("dropship.log-dir", dataDir.resolve("logs").toString());
            }
            return new ChaosRun(Repository.locate(), options, runId, dataDir, out).execute();
        } catch (IllegalStateException e) {
            out.println("./dropship chaos could not run: " + e.getMessage());
            return 1;
        }
    }

    /** The audit reads the topics from the beginning, so a run needs a folder of its own. */
    private static void requireFresh(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            try (Stream<Path> entries = Files.list(dataDir)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalStateException(dataDir + " is not empty: give each chaos run a new folder");
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot use " + dataDir + ": " + e.getMessage(), e);
        }
    }
}
