package com.openfulfil.dropship.local.bench;

import com.openfulfil.dropship.events.Event;

import java.util.Comparator;
import java.util.List;

/**
 * One order's event path, as captured from the pipeline: every event written for the order, in
 * the order they happened, with the topic each went to. The raw relay moves the same events
 * through as many consume→produce hops: the first is written by the injector (as the HTTP edge
 * writes OrderPlaced), each further event by one hop, and the last hop's output is read once more.
 */
record RelayPath(String label, List<Event> events, List<String> topics) {

    RelayPath {
        if (events.isEmpty() || events.size() != topics.size()) {
            throw new IllegalArgumentException("A path needs at least one event, each with its topic");
        }
        events = List.copyOf(events);
        topics = List.copyOf(topics);
    }

    /** Consume→produce hops in the relay: one per event after the first. */
    int hops() {
        return events.size() - 1;
    }

    /** Records written per chain (the injector's and one per hop), as the pipeline writes one per event. */
    int messages() {
        return events.size();
    }

    /** Relay topics the paths need: one per event position of the longest path. */
    static int topicsNeeded(List<RelayPath> paths) {
        return paths.stream().mapToInt(RelayPath::messages).max().orElse(0);
    }

    static double meanMessages(List<RelayPath> paths) {
        return paths.stream().mapToInt(RelayPath::messages).average().orElse(0);
    }

    static int minHops(List<RelayPath> paths) {
        return paths.stream().min(Comparator.comparingInt(RelayPath::hops)).map(RelayPath::hops).orElse(0);
    }

    static int maxHops(List<RelayPath> paths) {
        return paths.stream().max(Comparator.comparingInt(RelayPath::hops)).map(RelayPath::hops).orElse(0);
    }
}
