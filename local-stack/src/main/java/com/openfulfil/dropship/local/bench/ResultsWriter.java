package com.openfulfil.dropship.local.bench;

import com.openfulfil.dropship.events.serde.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a run's {@code <stamp>.json} (every figure and setting), {@code <stamp>.md} (the summary)
 * and {@code <stamp>.svg} (latency vs load). Each file is written under a temporary name first, so
 * an interrupted run leaves no half-written result behind.
 */
final class ResultsWriter {
    private ResultsWriter() {
    }

    /** @return the Markdown summary's path */
    static Path write(Path dir, String stamp, BenchResults results) {
        try {
            Files.createDirectories(dir);
            String chart = stamp + ".svg";
            atomically(dir.resolve(stamp + ".json"), Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(results));
            atomically(dir.resolve(chart), SvgChart.render("Latency vs load (" + stamp + ")",
                    SvgChart.series(allSteps(results))));
            Path md = dir.resolve(stamp + ".md");
            atomically(md, MarkdownReport.render(results, chart));
            return md;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the results to " + dir, e);
        }
    }

    private static List<StepResult> allSteps(BenchResults results) {
        List<StepResult> steps = new ArrayList<>(results.search());
        steps.addAll(results.latency());
        return steps;
    }

    private static void atomically(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
