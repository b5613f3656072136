package com.openfulfil.dropship.support.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logs a problem that requests run into as one line, and the same problem again at most once a
 * minute, saying how often it happened in between. A service that cannot answer (restoring its
 * stores, a broker away) may refuse thousands of requests a minute for one reason: the log says so
 * once, not thousands of times.
 */
public final class ProblemLog {
    static final Duration EVERY = Duration.ofMinutes(1);
    /** Problems are named by their kind, not their data, so there are few; this only bounds a surprise. */
    private static final int MAX_PROBLEMS = 1_000;

    private final Logger log;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public ProblemLog(Class<?> owner) {
        this(LoggerFactory.getLogger(owner), Clock.systemUTC());
    }

    ProblemLog(Logger log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /** The problem's latest minute: when it started, and how often the problem came since it was logged. */
    private record Window(Instant start, long repeats, boolean logNow, long repeatsBefore) {
    }

    public void info(String problem, String line) {
        log(Level.INFO, problem, line);
    }

    public void warn(String problem, String line) {
        log(Level.WARN, problem, line);
    }

    public void error(String problem, String line) {
        log(Level.ERROR, problem, line);
    }

    /** @param problem what makes two occurrences the same problem (a kind, a store, a host: never an id) */
    public void log(Level level, String problem, String line) {
        if (!log.isEnabledForLevel(level)) {
            return;
        }
        if (windows.size() > MAX_PROBLEMS) {
            windows.clear();
        }
        Instant now = clock.instant();
        Window window = windows.compute(problem, (key, last) -> last == null || !now.isBefore(last.start().plus(EVERY))
                ? new Window(now, 0, true, last == null ? 0 : last.repeats())
                : new Window(last.start(), last.repeats() + 1, false, 0));
        if (window.logNow()) {
            log.atLevel(level).log(window.repeatsBefore() == 0 ? line
                    : line + " (" + window.repeatsBefore() + " more like it since it was last logged)");
        }
    }
}
