package com.openfulfil.dropship.events.topics;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.serde.Format;
import com.openfulfil.dropship.events.serde.JsonSerde;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One topic of the pipeline: its name, what its key is, the type of its values, how many
 * partitions it has, how it is cleaned up, and which service writes it. Compose files,
 * Kubernetes {@code KafkaTopic}s and the services' topic provisioning are all derived from these.
 *
 * @param retentionMs -1 keeps records forever (system-of-record topics)
 * @param format      how values are written: binary on the pipeline's own topics, JSON where suppliers and
 *                    people read them
 */
public record TopicSpec(String name, String key, Class<String> keyType, Class<? extends Event> valueType,
                        int partitions, Cleanup cleanup, long retentionMs, String writer, boolean internal,
                        String description, Format format) {

    public <V extends Event> JsonSerde<V> valueSerde(Class<V> type) {
        if (!valueType.isAssignableFrom(type) && !type.isAssignableFrom(valueType)) {
            throw new IllegalArgumentException(type.getSimpleName() + " is not carried by " + name);
        }
        return format == Format.BINARY ? JsonSerde.binary(type) : JsonSerde.of(type);
    }

    /** Topic-level settings, as a broker or a {@code KafkaTopic} resource takes them. */
    public Map<String, String> configs() {
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put("cleanup.policy", cleanup == Cleanup.COMPACT ? "compact" : "delete");
        if (cleanup == Cleanup.DELETE) {
            configs.put("retention.ms", Long.toString(retentionMs));
        }
        return configs;
    }
}
