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
import io.micrometer.core.instrument.Metrics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Makes the calls the stream decided ({@code channels.outbound}) on a thread of its own, never on a
 * stream thread: a slow or absent store delays its calls, not the pipeline. Calls of one key (an
 * order, a SKU) go in order. An offset is committed once its call is done or parked, so a restart makes
 * again what was in flight, which the store's client recognises ({@link ShopifyStoreClient}).
 *
 * <p>Each store's calls are made on a thread of the store's own ({@link GuardedStore#start}), one at a time; the
 * connector waits at most {@code answerWait} for each. A call not answered by then is set aside, still being
 * made, with the store's next calls behind it, and the partition reads on; once its answer comes it counts as any
 * other (done, held back or parked), and the store's next calls follow. A store slow to answer, or that never
 * does until its {@code timeout}, so costs the other stores at most {@code answerWait} once.
 *
 * <p>A call held back (the store down, timing out, answering 429, its breaker open, our own limit spent) is
 * set aside with the store's other waiting calls, in the order they came, and the partition reads on: other
 * stores' calls are made at once. The store's waiting calls are tried again, first one first, after a backoff
 * doubling from {@code firstBackoff} to {@code maxBackoff} (or the store's {@code Retry-After}); while any
 * waits, its new calls queue behind them. A partition's committed offset never passes its first call still
 * waiting, so a restart reads the waiting calls again from the topic: nothing is kept only in memory, and
 * what was made since is recognised by the stores' clients, not made twice. A store with
 * {@link #MAX_WAITING} calls waiting stops its partition for {@code heldBackFor} at a time instead.
 */
public final class ChannelConnectors extends ConsumerThread<byte[]> {
    private static final Logger log = LoggerFactory.getLogger(ChannelConnectors.class);
    private static final Duration POLL = Duration.ofMillis(200);
    /** How soon reading back the Amazon feeds sent is tried again when it failed. */
    private static final Duration RESUME_AGAIN = Duration.ofSeconds(1);
    /** Calls one store may have waiting in memory; past it, its partition waits rather than reads on. */
    static final int MAX_WAITING = 10_000;
    /** Waiting calls made in one turn, so that a store back after a long while does not hold up the rest. */
    private static final int WAITING_PER_TURN = 50;
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
    private final List<AmazonStoreClient> amazonStores = new ArrayList<>();
    private final DeadLetters deadLetters;
    private final String group;
    private final Duration heldBackFor;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final Duration answerWait;
    /** Each store's calls set aside, in the order they came. */
    private final Map<String, Waiting> waiting = new HashMap<>();
    /** The offsets of the calls set aside, by partition: the commit stops at the first. */
    private final Map<TopicPartition, TreeSet<Long>> waitingOffsets = new HashMap<>();
    /** The next offset to read of each partition, as far as this consumer got. */
    private final Map<TopicPartition, Long> readUpTo = new HashMap<>();
    private final Map<TopicPartition, Long> committed = new HashMap<>();
    private final JsonSerde<OutboundCall> serde = JsonSerde.of(OutboundCall.class);
    private final Map<TopicPartition, Instant> pausedUntil = new HashMap<>();
    private final StoreActivity activity;
    private final AmazonFeedWatch feedWatch;
    private final AmazonFeedLog feedLog;

    public ChannelConnectors(ChannelProperties properties, String bootstrapServers, Map<String, Object> security,
                             String service, CircuitBreakerRegistry breakers, RateLimiterRegistry rateLimiters,
                             AmazonSellers sellers, StoreActivity activity, InboundChanges changes) {
        super(new KafkaConsumer<>(consumerConfig(bootstrapServers, security, service + "-outbound"),
                new StringDeserializer(), new ByteArrayDeserializer()), "channel-outbound");
        TrackingLinks links = new TrackingLinks(properties.trackingUrl());
        for (ChannelProperties.ShopifyStore store : properties.shopify()) {
            String name = "channel-" + store.id();
            stores.put(store.id(), new GuardedStore(store.id(),
                    new ShopifyStoreClient(store, properties.outbound().timeout(), links, linesMatched(changes)),
                    breakers.circuitBreaker(name, BREAKER_CONFIG), rateLimiters.rateLimiter(name, SHOPIFY_RATE)));
        }
        for (ChannelProperties.WooStore store : properties.woocommerce()) {
            String name = "channel-" + store.id();
            stores.put(store.id(), new GuardedStore(store.id(),
                    new WooStoreClient(store, properties.outbound().timeout(), links),
                    breakers.circuitBreaker(name, BREAKER_CONFIG), rateLimiters.rateLimiter(name, WOO_RATE)));
        }
        this.feedWatch = new AmazonFeedWatch(activity);
        this.feedLog = new AmazonFeedLog(bootstrapServers, security, service);
        for (ChannelProperties.AmazonStore store : properties.amazon()) {
            String name = "channel-" + store.id();
            AmazonStoreClient.FeedLimits feedLimits = new AmazonStoreClient.FeedLimits(
                    rateLimiters.rateLimiter(name + "-create-feed-document", AMAZON_FEED_DOCUMENT_RATE),
                    rateLimiters.rateLimiter(name + "-create-feed", AMAZON_FEED_RATE),
                    rateLimiters.rateLimiter(name + "-get-feed", AMAZON_GET_FEED_RATE));
            AmazonStoreClient client = new AmazonStoreClient(store, sellers.api(store.id()),
                    rateLimiters.rateLimiter(name + "-confirm-shipment", AMAZON_CONFIRM_RATE),
                    rateLimiters.rateLimiter(name + "-listings", AMAZON_LISTINGS_RATE), feedLimits, feedWatch, feedLog,
                    sellers.clock());
            amazonStores.add(client);
            stores.put(store.id(), new GuardedStore(store.id(), client, breakers.circuitBreaker(name, BREAKER_CONFIG),
                    rateLimiters.rateLimiter(name, AMAZON_READ_RATE)));
        }
        this.group = service;
        this.activity = activity;
        this.heldBackFor = properties.outbound().heldBackFor();
        this.firstBackoff = properties.outbound().firstBackoff();
        this.maxBackoff = properties.outbound().maxBackoff();
        this.answerWait = properties.outbound().answerWait();
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
                // a batch of calls each waiting for its store's answer or rate limiter may take minutes
                ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 600_000,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50));
        return config;
    }

    @Override
    public void stop() {
        super.stop();
        stores.values().forEach(GuardedStore::close);
        feedWatch.close();
        feedLog.close();
    }

    @Override
    protected void run() {
        if (!resumeFeeds()) {
            return;
        }
        consumer.subscribe(List.of(ChannelTopics.OUTBOUND), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                forget(partitions);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                // read from the committed offset, waiting calls first among them
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> partitions) {
                forget(partitions);
            }
        });
        while (running()) {
            pollOrRewind();
        }
    }

    /**
     * Before any call is made: the Amazon sellers' feeds, read back from {@code channels.amazon-feeds}, so that a
     * call read again sends no feed twice and the feeds Amazon had not processed are followed again. Tried until
     * the topic is read; false when the connector is stopped first.
     */
    private boolean resumeFeeds() {
        if (amazonStores.isEmpty()) {
            return true;
        }
        while (running()) {
            try {
                List<AmazonFeedLog.SentFeed> sent = feedLog.load(Instant.now());
                for (AmazonStoreClient store : amazonStores) {
                    store.resume(sent.stream().filter(f -> f.storeId().equals(store.storeId())).toList());
                }
                long following = sent.stream().filter(f -> f.created() && !f.processed()).count();
                log.info("Read back {} Amazon feed(s) sent, {} of them still followed", sent.size(), following);
                return true;
            } catch (RuntimeException e) {
                log.warn("Could not read back the Amazon feeds sent ({}); trying again", e.getMessage());
                try {
                    if (!waitUnlessStopped(RESUME_AGAIN)) {
                        return false;
                    }
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }

    /** A batch that failed half-way (the dead-letter topic unreachable, say) is read again from its start. */
    private void pollOrRewind() {
        try {
            pollOnce();
        } catch (WakeupException e) {
            throw e;
        } catch (RuntimeException e) {
            log.error("Channel connector failed a batch; reading it again", e);
            // the waiting calls are read again with the rest, from the committed offsets
            forget(consumer.assignment());
            consumer.committed(consumer.assignment()).forEach((partition, offset) ->
                    consumer.seek(partition, offset == null ? 0 : offset.offset()));
        }
    }

    private void pollOnce() {
        resumeRested();
        makeWaitingCalls();
        ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                if (!deliver(partition, record)) {
                    consumer.seek(partition, record.offset());
                    consumer.pause(List.of(partition));
                    pausedUntil.put(partition, Instant.now().plus(heldBackFor));
                    break;
                }
                readUpTo.put(partition, record.offset() + 1);
            }
        }
        commit();
    }

    /** Commits each partition up to what was read, but never past its first call still waiting. */
    private void commit() {
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        readUpTo.forEach((partition, next) -> {
            TreeSet<Long> held = waitingOffsets.get(partition);
            long upTo = held == null || held.isEmpty() ? next : Math.min(next, held.first());
            if (!Long.valueOf(upTo).equals(committed.get(partition))) {
                commit.put(partition, new OffsetAndMetadata(upTo));
            }
        });
        if (!commit.isEmpty()) {
            consumer.commitSync(commit);
            commit.forEach((partition, offset) -> committed.put(partition, offset.offset()));
        }
    }

    /** Partitions given up or read again: their waiting calls are read again from the topic, so dropped here. */
    private void forget(Collection<TopicPartition> partitions) {
        Set<TopicPartition> gone = Set.copyOf(partitions);
        waiting.values().forEach(w -> w.calls.removeIf(c -> gone.contains(c.partition())));
        waiting.forEach((storeId, w) -> activity.waiting(storeId, w.calls.size()));
        gone.forEach(p -> {
            waitingOffsets.remove(p);
            readUpTo.remove(p);
            committed.remove(p);
        });
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

    /**
     * Each store whose first waiting call has been answered since, or whose waiting calls are due, goes on with
     * them, first one first, until one is held back again or has no answer yet.
     */
    private void makeWaitingCalls() {
        Instant now = Instant.now();
        waiting.forEach((storeId, w) -> {
            if (w.calls.isEmpty()) {
                w.inFlight = null;
                return;
            }
            Held head = w.calls.peekFirst();
            if (w.inFlight != null && w.inFlightOf == head) {
                if (!w.inFlight.isDone()) {
                    return;  // the store has not answered it yet
                }
                GuardedStore.Result result = answer(w.inFlight);
                w.inFlight = null;
                if (!settle(storeId, w, result)) {
                    return;
                }
            } else {
                w.inFlight = null;  // of a call given up with its partition: it is read again
                if (now.isBefore(w.due)) {
                    return;
                }
            }
            for (int made = 0; made < WAITING_PER_TURN && !w.calls.isEmpty(); made++) {
                GuardedStore.Result result = attempt(stores.get(storeId), w, w.calls.peekFirst());
                if (result == null || !settle(storeId, w, result)) {
                    return;
                }
            }
        });
    }

    /**
     * What became of the store's first waiting call: held back again (false: tried again after a backoff), or done
     * or parked, and no longer waiting.
     */
    private boolean settle(String storeId, Waiting w, GuardedStore.Result result) {
        Held head = w.calls.peekFirst();
        if (result.outcome() == GuardedStore.Outcome.HELD_BACK) {
            w.failures++;
            w.due = Instant.now().plus(result.retryAfter().orElseGet(() -> backoff(w.failures)));
            heldBack(head.call(), result);
            return false;
        }
        w.calls.removeFirst();
        w.failures = 0;
        TreeSet<Long> offsets = waitingOffsets.get(head.partition());
        if (offsets != null) {
            offsets.remove(head.record().offset());
        }
        finished(head.record(), head.call(), result);
        activity.waiting(storeId, w.calls.size());
        return true;
    }

    /**
     * Starts the call on its store's thread and waits for its answer at most {@code answerWait}; null when it has
     * none by then: the call goes on on the store's thread, as {@code w}'s call in flight.
     */
    private GuardedStore.Result attempt(GuardedStore store, Waiting w, Held held) {
        Future<GuardedStore.Result> pending = store.start(held.call());
        try {
            return pending.get(answerWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.debug("Store {} has not answered {} within {}: its calls wait for it", held.call().storeId(),
                    held.call().callId(), answerWait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            return failedAttempt(e);
        }
        w.inFlight = pending;
        w.inFlightOf = held;
        return null;
    }

    /** The answer of an attempt that is done. */
    private static GuardedStore.Result answer(Future<GuardedStore.Result> done) {
        try {
            return done.get();
        } catch (ExecutionException e) {
            return failedAttempt(e);
        } catch (InterruptedException | CancellationException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return new GuardedStore.Result(GuardedStore.Outcome.HELD_BACK, "the call was stopped: " + e);
        }
    }

    /** An attempt that failed outside the store's answers (an error of the gateway's): tried again, never parked. */
    private static GuardedStore.Result failedAttempt(ExecutionException e) {
        log.error("A call to a store failed in the gateway; it is tried again", e.getCause());
        return new GuardedStore.Result(GuardedStore.Outcome.HELD_BACK, String.valueOf(e.getCause()));
    }

    private Duration backoff(int failures) {
        long wait = firstBackoff.toMillis() * (1L << Math.min(20, Math.max(0, failures - 1)));
        return Duration.ofMillis(Math.min(wait, maxBackoff.toMillis()));
    }

    /**
     * Makes the call at once, unless its store has calls waiting (it then waits behind them); a call held back
     * is set aside with them.
     *
     * @return false when the call is not taken at all (its store has {@link #MAX_WAITING} calls waiting): its
     *         partition is read again from it later
     */
    private boolean deliver(TopicPartition partition, ConsumerRecord<String, byte[]> record) {
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
        Waiting w = waiting.computeIfAbsent(call.storeId(), id -> new Waiting());
        if (w.calls.size() >= MAX_WAITING) {
            return false;
        }
        Held held = new Held(partition, record, call);
        if (w.calls.isEmpty()) {
            GuardedStore.Result result = attempt(store, w, held);
            if (result != null && result.outcome() != GuardedStore.Outcome.HELD_BACK) {
                finished(record, call, result);
                return true;
            }
            if (result != null) {
                w.failures = 1;
                w.due = Instant.now().plus(result.retryAfter().orElseGet(() -> backoff(1)));
                heldBack(call, result);
            }
        }
        w.calls.addLast(held);
        waitingOffsets.computeIfAbsent(partition, p -> new TreeSet<>()).add(record.offset());
        activity.waiting(call.storeId(), w.calls.size());
        return true;
    }

    private void finished(ConsumerRecord<String, byte[]> record, OutboundCall call, GuardedStore.Result result) {
        if (result.outcome() == GuardedStore.Outcome.DONE) {
            Metrics.counter("dropship.channels.calls.done", "store", call.storeId(), "kind", call.kind().name())
                    .increment();
            activity.updateOut(call.storeId());
        } else {
            String what = call.kind() + " for "
                    + (call.orderId() != null ? "order " + call.externalRef() : "SKU " + call.sku());
            park(record, what + " refused by store " + call.storeId() + ": " + result.problem());
            activity.refused(call.storeId(), what, result.problem(), record.key(), record.value());
        }
    }

    private void heldBack(OutboundCall call, GuardedStore.Result result) {
        log.warn("Store {} unavailable ({}): its calls wait, the other stores' go on", call.storeId(),
                result.problem());
        activity.unavailable(call.storeId(), result.problem());
    }

    /** A call set aside, where it is on its topic. */
    private record Held(TopicPartition partition, ConsumerRecord<String, byte[]> record, OutboundCall call) {
    }

    /**
     * One store's calls set aside, and when the first is tried again; or the first, still being made, whose answer
     * is waited for.
     */
    private static final class Waiting {
        private final Deque<Held> calls = new ArrayDeque<>();
        private Instant due = Instant.EPOCH;
        private int failures;
        private Future<GuardedStore.Result> inFlight;
        private Held inFlightOf;
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
