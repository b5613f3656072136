package com.openfulfil.dropship.local.bench;

/** One order the bench sent (or tried to): its plan, and the API's answer once it came. */
final class Sent {
    final Plan plan;
    private volatile Track track;
    private volatile String refusal;
    private volatile long acceptedMicros;

    Sent(Plan plan) {
        this.plan = plan;
    }

    void accepted(Track track, long atMicros) {
        this.acceptedMicros = atMicros;
        this.track = track;
    }

    void refused(String why) {
        this.refusal = why;
    }

    /** The pipeline's view of the order; null until the API accepted it. */
    Track track() {
        return track;
    }

    /** Why the API would not take the order, after every retry; null otherwise. */
    String refusal() {
        return refusal;
    }

    /** Epoch microseconds at which the API's 2xx answer arrived; 0 before. */
    long acceptedMicros() {
        return acceptedMicros;
    }

    /** Whether nothing more will happen to it: refused, completed, or stuck in a final failure. */
    boolean settled() {
        Track t = track;
        return refusal != null || (t != null && (t.isDone() || t.hasFailed()));
    }
}
