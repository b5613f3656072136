package com.openfulfil.dropship.support.kafka;

import com.openfulfil.dropship.events.topics.TopicSpec;

import java.util.List;

/**
 * What a service adds to the registry's topics at start-up: topics only it knows of (one per
 * configured supplier, say) and the topics it consumes, each of which gets a dead-letter topic.
 */
public record ServiceTopics(String group, List<TopicSpec> extra, List<String> consumed) {
    public ServiceTopics {
        extra = List.copyOf(extra);
        consumed = List.copyOf(consumed);
    }
}
