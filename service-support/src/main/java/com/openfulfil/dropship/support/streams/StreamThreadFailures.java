package com.openfulfil.dropship.support.streams;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a service does when an exception escapes one of its stream threads: one that no dead letter
 * could take, such as a punctuator that throws, or a dead letter that cannot be written while the
 * broker is away. Left to the binder, the whole client would shut down for good while the process
 * stays up and looks alive. Instead the thread is replaced: the new one joins the group, takes the
 * tasks back and starts again from their last committed transaction (what the dead thread had not
 * committed is aborted, so exactly-once holds). Each failure is logged once, with its cause, and
 * counted in {@value #METRIC}. The one thread that cannot be replaced is the global thread: when it
 * dies the client stops (and {@link StreamsSupervision} marks the service not live).
 */
public final class StreamThreadFailures implements StreamsUncaughtExceptionHandler {
    /** Prometheus: {@code dropship_streams_thread_failures_total{application}}. */
    public static final String METRIC = "dropship.streams.thread.failures";
    private static final Logger log = LoggerFactory.getLogger(StreamThreadFailures.class);
    /**
     * How the global thread (the one filling global tables) is named. Asked to replace it, Kafka Streams
     * 4.1 stops the client and then throws a ClassCastException out of the dying thread; asked to shut
     * the client down, it just does.
     */
    private static final String GLOBAL_THREAD = "-GlobalStreamThread";

    private final String applicationId;
    private final Counter failures;

    public StreamThreadFailures(String applicationId, MeterRegistry registry) {
        this.applicationId = applicationId;
        this.failures = Counter.builder(METRIC).tag("application", applicationId)
                .description("Stream threads that died of an exception and were replaced").register(registry);
    }

    @Override
    public StreamThreadExceptionResponse handle(Throwable exception) {
        failures.increment();
        String thread = Thread.currentThread().getName();
        // Kafka Streams logs the stack trace itself, right after; this line says what happens next
        if (thread.endsWith(GLOBAL_THREAD)) {
            log.error("The global stream thread of {} died ({}); it cannot be replaced, so the client stops",
                    applicationId, DeadLetters.describe(exception));
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        log.error("Stream thread {} of {} died ({}); a new thread takes over its tasks from their last commit",
                thread, applicationId, DeadLetters.describe(exception));
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    /** How many stream threads of this application have died so far. */
    public double count() {
        return failures.count();
    }

    /**
     * True for the one state a client cannot leave by itself: {@code ERROR}, where it ends when its
     * global thread (the one filling global tables), which cannot be replaced, dies.
     */
    public static boolean isBroken(KafkaStreams.State state) {
        return state == KafkaStreams.State.ERROR;
    }
}
