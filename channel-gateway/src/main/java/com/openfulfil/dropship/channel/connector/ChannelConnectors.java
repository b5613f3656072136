package com.openfulfil.dropship.channel.connector;

import com.openfulfil.dropship.channel.config.ChannelProperties;
import com.openfulfil.dropship.channel.config.ChannelTopics;
import com.openfulfil.dropship.channel.domain.InboundChange;
import com.openfulfil.dropship.channel.domain.OutboundCall;
import com.openfulfil.dropship.channel.domain.StoreActivity;
import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.serde.JsonSerde;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.kafka.PublishFailedException;
import com.openfulfil.dropship.support.streams.DeadLetters;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.Metrics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the calls the stream decided ({@code channels.outbound}) on a thread of its own, never on a
 * stream thread: a slow or absent store delays its calls, not the pipeline. Calls of one key (an
 * order, a SKU) go in order. An offset is committed once its call is done or parked, so a restart makes
 * again what was in flight, which the store's client recognises ({@link ShopifyStoreClient}). A call
 * held back (the store down, its breaker open) rewinds its partition, which waits
 * {@code heldBackFor} before it is read again: nothing is lost, nothing skipped.
 */
public final class ChannelConnectors extends ConsumerThread<byte[]> {
    private static final Logger log = LoggerFactory.getLogger(ChannelConnectors.class);
    private static final Duration POLL = Duration.ofMillis(200);
    static final String BREAKER_CONFIG = "channel";
    static final String SHOPIFY_RATE = "shopify";
    static final String WOO_RATE = "woocommerce";
    static final String AMAZON_READ_RATE = "amazon-reads";
    static final String AMAZON_CONFIRM_RATE = "amazon-confirm-shipment";
    static final String AMAZON_GET_ORDERS_RATE = "amazon-get-orders";
    static final String AMAZON_LISTINGS_RATE = "amazon-listings";
    static final String AMAZON_FEED_DOCUMENT_RATE = "amazon-create-feed-document";
    static final String AMAZON_FEED_RATE = "amazon-create-feed";
    static final String AMAZON_GET_FEED_RATE = "amazon-get-feed";

    private final Map<String, GuardedStore> stores = new HashMap<>();
    private final DeadLetters deadLetters;
    private final String group;
    private final Duration heldBackFor;
    private final JsonSerde<OutboundCall> serde = JsonSerde.of(OutboundCall.class);
    private final Map<TopicPartition, Instant> pausedUntil = new HashMap<>();
    private final StoreActivity activity;
    private final AmazonFeedWatch feedWatch;

    public ChannelConnectors(ChannelProperties properties, String bootstrapServers, Map<String, Object> security,
                             String service, CircuitBreakerRegistry breakers, RetryRegistry retries,
                             RateLimiterRegistry rateLimiters, AmazonSellers sellers, StoreActivity activity,
                             InboundChanges changes) {
        super(new KafkaConsumer<>(consumerConfig(bootstrapServers, security, service + "-outbound"),
                new StringDeserializer(), new ByteArrayDeserializer()), "channel-outbound");
        TrackingLinks links = new TrackingLinks(properties.trackingUrl());
        for (ChannelProperties.ShopifyStore store : properties.shopify()) {
            String name = "channel-" + store.id();
            stores.put(store.id(), new GuardedStore(
                    new ShopifyStoreClient(store, properties.outbound().timeout(), links, linesMatched(changes)),
                    retries.retry(name, GuardedStore.retryConfig(properties.outbound())),
                    breakers.circuitBreaker(name, BREAKER_CONFIG), rateLimiters.rateLimiter(name, SHOPIFY_RATE)));
        }
        for (ChannelProperties.WooStore store : properties.woocommerce()) {
            String name = "channel-" + store.id();
            stores.put(store.id(), new GuardedStore(new WooStoreClient(store, properties.outbound().timeout(), links),
                    retries.retry(name, GuardedStore.retryConfig(properties.outbound())),
                    breakers.circuitBreaker(name, BREAKER_CONFIG), rateLimiters.rateLimiter(name, WOO_RATE)));
        }
        this.feedWatch = new AmazonFeedWatch(activity);
        for (ChannelProperties.AmazonStore store : properties.amazon()) {
            String name = "channel-" + store.id();
            AmazonStoreClient.FeedLimits feedLimits = new AmazonStoreClient.FeedLimits(
                    rateLimiters.rateLimiter(name + "-create-feed-document", AMAZON_FEED_DOCUMENT_RATE),
                    rateLimiters.rateLimiter(name + "-create-feed", AMAZON_FEED_RATE),
                    rateLimiters.rateLimiter(name + "-get-feed", AMAZON_GET_FEED_RATE));
            stores.put(store.id(), new GuardedStore(new AmazonStoreClient(store, sellers.api(store.id()),
                    rateLimiters.rateLimiter(name + "-confirm-shipment", AMAZON_CONFIRM_RATE),
                    rateLimiters.rateLimiter(name + "-listings", AMAZON_LISTINGS_RATE), feedLimits, feedWatch,
                    sellers.clock()),
                    retries.retry(name, GuardedStore.retryConfig(properties.outbound())),
                    breakers.circuitBreaker(name, BREAKER_CONFIG), rateLimiters.rateLimiter(name, AMAZON_READ_RATE)));
        }
        this.group = service;
        this.activity = activity;
        this.heldBackFor = properties.outbound().heldBackFor();
        this.deadLetters = DeadLetters.forBroker(bootstrapServers, security);
    }

    /**
     * Line items a Shopify fulfilment matched to our lines go to the order's task on {@code channels.inbound},
     * which keeps them for the lines' next parcels. Only a help to those: a match not recorded is made again
     * by SKU, so a failure to record it is logged and the call stays done.
     */
    private static ShopifyStoreClient.LinesMatched linesMatched(InboundChanges changes) {
        return (call, storeLineItems) -> {
            try {
                changes.record(new InboundChange(EventIds.derived(call.callId(), "lines"), call.platform(),
                        call.storeId(), InboundChange.Kind.LINES_MATCHED, call.orderId(), call.externalRef(), null, null,
                        null, storeLineItems));
            } catch (PublishFailedException e) {
                log.warn("Could not keep the line items matched for order {} of store {}: {}", call.externalRef(),
                        call.storeId(), e.getMessage());
            }
        };
    }

    static Map<String, Object> consumerConfig(String bootstrapServers, Map<String, Object> security, String group) {
        Map<String, Object> config = new HashMap<>(security);
        config.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                // only what the stream's transactions committed
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                // retries with backoff may keep one batch busy for minutes
                ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 600_000,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50));
        return config;
    }

    @Override
    public void stop() {
        super.stop();
        feedWatch.close();
    }

    @Override
    protected void run() {
        consumer.subscribe(List.of(ChannelTopics.OUTBOUND));
        while (running()) {
            pollOrRewind();
        }
    }

    /** A batch that failed half-way (the dead-letter topic unreachable, say) is read again from its start. */
    private void pollOrRewind() {
        try {
            pollOnce();
        } catch (WakeupException e) {
            throw e;
        } catch (RuntimeException e) {
            log.error("Channel connector failed a batch; reading it again", e);
            consumer.committed(consumer.assignment()).forEach((partition, offset) ->
                    consumer.seek(partition, offset == null ? 0 : offset.offset()));
        }
    }

    private void pollOnce() {
        resumeRested();
        ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                if (!deliver(record)) {
                    consumer.seek(partition, record.offset());
                    consumer.pause(List.of(partition));
                    pausedUntil.put(partition, Instant.now().plus(heldBackFor));
                    break;
                }
                commit.put(partition, new OffsetAndMetadata(record.offset() + 1));
            }
        }
        if (!commit.isEmpty()) {
            consumer.commitSync(commit);
        }
    }

    private void resumeRested() {
        Instant now = Instant.now();
        List<TopicPartition> rested = pausedUntil.entrySet().stream().filter(e -> !now.isBefore(e.getValue()))
                .map(Map.Entry::getKey).filter(consumer.assignment()::contains).toList();
        if (!rested.isEmpty()) {
            consumer.resume(rested);
        }
        pausedUntil.keySet().removeIf(p -> rested.contains(p) || !consumer.assignment().contains(p));
    }

    /** @return false when the call is held back and must be made again later */
    private boolean deliver(ConsumerRecord<String, byte[]> record) {
        OutboundCall call;
        try {
            call = serde.deserialize(record.topic(), record.value());
        } catch (SerializationException e) {
            park(record, e.getMessage());
            return true;
        }
        GuardedStore store = call == null ? null : stores.get(call.storeId());
        if (store == null) {
            park(record, "No store " + (call == null ? "?" : call.storeId()) + " is configured");
            return true;
        }
        GuardedStore.Result result = store.send(call);
        String what = call.kind() + " for " + (call.orderId() != null ? "order " + call.externalRef() : "SKU " + call.sku());
        switch (result.outcome()) {
            case DONE -> {
                Metrics.counter("dropship.channels.calls.done", "store", call.storeId(), "kind", call.kind().name())
                        .increment();
                activity.updateOut(call.storeId());
            }
            case PARKED -> {
                park(record, what + " refused by store " + call.storeId() + ": " + result.problem());
                activity.refused(call.storeId(), what, result.problem(), record.key(), record.value());
            }
            case HELD_BACK -> {
                log.warn("Store {} unavailable ({}): its calls wait on {}", call.storeId(), result.problem(),
                        ChannelTopics.OUTBOUND);
                activity.unavailable(call.storeId(), result.problem());
            }
        }
        return result.outcome() != GuardedStore.Outcome.HELD_BACK;
    }

    /** Never dropped: the call goes to the dead-letter topic, and ops are alerted by log and metric. */
    private void park(ConsumerRecord<String, byte[]> record, String why) {
        boolean kept = deadLetters.send(record.topic(), group, record.partition(), record.offset(),
                record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8), record.value(),
                record.headers(), new IllegalStateException(why));
        if (!kept) {
            throw new IllegalStateException("Could not park " + record.topic() + "@" + record.offset()
                    + ": it stays on the topic and is read again");
        }
        log.error("ALERT parked channel call ({}@{}) on {}: {}", record.topic(), record.offset(),
                Topics.dlq(record.topic(), group), why);
        Metrics.counter("dropship.channels.calls.parked").increment();
    }
}
