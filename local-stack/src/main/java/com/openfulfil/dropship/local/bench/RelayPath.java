package com.openfulfil.dropship.local.bench;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.serde.EventSerde;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One order's event path, as captured from the pipeline: every record written for the order, in
 * the order its events happened, with the topic it went to, its key, its bytes and its headers.
 * A relay moves the same records through as many consume→produce hops: the first is written by
 * the injector (as the HTTP edge writes OrderPlaced), each further one by one hop, and the last
 * hop's output is read once more.
 */
record RelayPath(String label, List<Step> steps) {

    /** One record of the path, and the event it carries. */
    record Step(String topic, String key, byte[] value, List<Header> headers, Event event) {
        Step {
            headers = List.copyOf(headers);
        }
    }

    RelayPath {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("A path needs at least one record");
        }
        steps = List.copyOf(steps);
    }

    /** A path of these events on these topics, each written as the pipeline writes it (the contract's serde). */
    static RelayPath of(String label, List<Event> events, List<String> topics) {
        if (events.isEmpty() || events.size() != topics.size()) {
            throw new IllegalArgumentException("A path needs at least one event, each with its topic");
        }
        EventSerde serde = new EventSerde();
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            RecordHeaders headers = new RecordHeaders();
            byte[] value = serde.serialize(topics.get(i), headers, events.get(i));
            steps.add(new Step(topics.get(i), label + "-" + i, value, Arrays.asList(headers.toArray()), events.get(i)));
        }
        return new RelayPath(label, steps);
    }

    List<Event> events() {
        return steps.stream().map(Step::event).toList();
    }

    List<String> topics() {
        return steps.stream().map(Step::topic).toList();
    }

    /** Consume→produce hops in a relay: one per record after the first. */
    int hops() {
        return steps.size() - 1;
    }

    /** Records written per chain (the injector's and one per hop), as the pipeline writes one per event. */
    int messages() {
        return steps.size();
    }

    /** Every topic the paths go through, each once: the topic layout a relay copies. */
    static Set<String> topics(List<RelayPath> paths) {
        Set<String> topics = new LinkedHashSet<>();
        paths.forEach(p -> topics.addAll(p.topics()));
        return topics;
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
