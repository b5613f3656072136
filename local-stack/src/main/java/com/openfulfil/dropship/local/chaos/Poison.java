package com.openfulfil.dropship.local.chaos;

import java.util.List;

/**
 * One poison message: where it goes, what is wrong with it, and the consumer groups that must
 * each park it in their dead-letter topic ({@code <topic>.<group>.dlq}).
 *
 * @param id    also sent as the {@link #HEADER} header, which a dead letter keeps, so it can be found again
 * @param what  the fault in words, e.g. "OrderPlaced with quantity -2"
 */
record Poison(String id, String topic, Kind kind, String what, String key, byte[] value, List<String> groups) {
    static final String HEADER = "chaos.poison";

    enum Kind {
        BAD_JSON("bad JSON"), UNKNOWN_TYPE("unknown event type"), IMPOSSIBLE("impossible value");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    Poison {
        groups = List.copyOf(groups);
    }
}
