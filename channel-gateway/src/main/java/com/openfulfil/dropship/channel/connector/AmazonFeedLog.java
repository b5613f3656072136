package com.openfulfil.dropship.channel.connector;

import com.openfulfil.dropship.channel.config.ChannelTopics;
import com.openfulfil.dropship.channel.domain.OutboundCall;
import com.openfulfil.dropship.events.serde.JsonSerde;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.kafka.PublishFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The order feeds sent to Amazon sellers, kept on {@code channels.amazon-feeds} (compacted, keyed by the call's
 * id), so that a restart neither sends a call's feed again nor stops following a feed Amazon has not processed
 * yet. A feed is written twice: once its document is uploaded, before {@code createFeed} is asked
 * ({@link SentFeed#created()} false), and once Amazon answers its feed id; then when Amazon has processed it
 * without an error ({@link SentFeed#processed()}). A feed Amazon refused is forgotten (a tombstone): ops may send
 * its call again. Read back in full when the connector starts; feeds older than {@code channels.outbound}'s
 * retention, whose calls cannot be read again, are forgotten then.
 */
final class AmazonFeedLog implements AutoCloseable {
    /** How long a feed is remembered: a call older than this is no longer on {@code channels.outbound}. */
    static final Duration KEPT_FOR = Duration.ofMillis(Topics.CHANNELS_OUTBOUND.retentionMs());

    /**
     * One feed, by the call it was sent for.
     *
     * @param documentId the feed document its content was uploaded to
     * @param feedId     Amazon's feed id; null while createFeed's answer is not known
     * @param processed  Amazon processed it without an error: nothing more to follow
     * @param at         when the feed was first recorded
     */
    record SentFeed(String callId, String storeId, String feedType, String documentId, String feedId,
                    boolean processed, Instant at, OutboundCall call) {
        boolean created() {
            return feedId != null;
        }

        SentFeed created(String feedId) {
            return new SentFeed(callId, storeId, feedType, documentId, feedId, false, at, call);
        }

        SentFeed done() {
            return new SentFeed(callId, storeId, feedType, documentId, feedId, true, at, call);
        }
    }

    private final Map<String, Object> consumerConfig;
    private final JsonSerde<SentFeed> serde = JsonSerde.of(SentFeed.class);
    private final DurableProducer<SentFeed> producer;

    AmazonFeedLog(String bootstrapServers, Map<String, Object> security, String clientId) {
        this.consumerConfig = new HashMap<>(security);
        consumerConfig.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        this.producer = new DurableProducer<>(bootstrapServers, security, clientId + "-amazon-feeds", serde);
    }

    /**
     * Every feed the topic remembers, oldest first, once those older than {@link #KEPT_FOR} (at {@code now}) are
     * forgotten.
     */
    List<SentFeed> load(Instant now) {
        Map<String, SentFeed> feeds = new LinkedHashMap<>();
        CompactedTopic.readAll(consumerConfig, ChannelTopics.AMAZON_FEEDS, (key, value) -> {
            if (value == null) {
                feeds.remove(key);
            } else {
                feeds.put(key, serde.deserialize(ChannelTopics.AMAZON_FEEDS, value));
            }
        });
        List<SentFeed> kept = new ArrayList<>();
        for (SentFeed feed : feeds.values()) {
            if (feed.at().isBefore(now.minus(KEPT_FOR))) {
                forget(feed.callId());
            } else {
                kept.add(feed);
            }
        }
        kept.sort(Comparator.comparing(SentFeed::at));
        return kept;
    }

    /** Returns once the feed is on the topic; {@link PublishFailedException} otherwise. */
    void record(SentFeed feed) {
        producer.send(ChannelTopics.AMAZON_FEEDS, feed.callId(), feed, "Amazon feed of call " + feed.callId());
    }

    /** The call's feed is forgotten: the call may be sent again. */
    void forget(String callId) {
        producer.send(ChannelTopics.AMAZON_FEEDS, callId, null, "Amazon feed of call " + callId + " forgotten");
    }

    @Override
    public void close() {
        producer.close();
    }
}
