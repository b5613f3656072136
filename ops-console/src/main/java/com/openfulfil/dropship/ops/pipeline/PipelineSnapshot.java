package com.openfulfil.dropship.ops.pipeline;

import java.time.Instant;
import java.util.List;

/** One reading of the pipeline's topics and consumer groups. */
public record PipelineSnapshot(Instant sampledAt, List<TopicRate> topics, List<GroupLag> groups, String error) {

    public static PipelineSnapshot none() {
        return new PipelineSnapshot(null, List.of(), List.of(), "not read yet");
    }

    /** @param writer the stage that writes the topic, from the registry ("" when unknown) */
    public record TopicRate(String topic, String writer, long messages, double perSecond) {
    }

    public record GroupLag(String group, long lag, List<TopicLag> topics) {
    }

    public record TopicLag(String topic, long lag) {
    }
}
