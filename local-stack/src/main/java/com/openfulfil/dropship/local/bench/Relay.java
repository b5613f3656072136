package com.openfulfil.dropship.local.bench;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.serde.EventSerde;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * A physical limit to compare the pipeline with: plain kafka-clients consume→produce threads through
 * the same broker, moving captured order paths along the pipeline's own topic layout (a copy of each
 * topic the path uses, as many partitions), with no framework and no state. A chain carries one
 * order's path: the injector writes its first record, the hop that reads record i writes record i+1
 * to (the copy of) the topic the pipeline wrote it to, and the hop that reads a path's last record
 * ends the chain. Producers batch as the pipeline's do (its linger and batch size). How many chains
 * are in flight is searched upward until chains per second stop improving, and the best window is
 * then measured. Three kinds, each a step closer to what the pipeline must do:
 * <ul>
 *   <li>(a) bytes: each hop copies the captured record's bytes and headers, decoding nothing;</li>
 *   <li>(b) codec: each hop decodes what it read with the pipeline's codec ({@link EventSerde}) and
 *       encodes the next event with it;</li>
 *   <li>(c) transactional: as (b), with Kafka transactions as exactly-once services use them
 *       (a transactional id per thread, offsets sent in the transaction, read_committed
 *       consumers), committing every commit interval of the pipeline.</li>
 * </ul>
 */
final class Relay implements AutoCloseable {
    static final String TOPIC_PREFIX = "bench.relay.";
    private static final Logger log = LoggerFactory.getLogger(Relay.class);
    private static final String PATH_HEADER = "bench.path";
    private static final String POSITION_HEADER = "bench.pos";
    private static final String SENT_HEADER = "bench.sent";
    private static final Duration FIRST_WAVE_TIMEOUT = Duration.ofMinutes(3);
    /** A larger window must beat the best so far by this share, or it counts towards the end of the search. */
    private static final double IMPROVEMENT = 0.05;

    enum Kind {
        BYTES("a", "bytes", "byte pass-through: each hop copies the captured record's bytes and headers"),
        CODEC("b", "codec", "each hop decodes its record with the pipeline's codec and encodes the next event with it"),
        TRANSACTIONAL("c", "transactional", "as (b), in Kafka transactions (read_committed consumers, offsets sent in "
                + "the transaction, a transactional id per thread), committing every commit interval");

        private final String letter;
        private final String shortName;
        private final String description;

        Kind(String letter, String shortName, String description) {
            this.letter = letter;
            this.shortName = shortName;
            this.description = description;
        }

        String label() {
            return "(" + letter + ") " + shortName;
        }

        String description() {
            return description;
        }

        String topicPrefix() {
            return TOPIC_PREFIX + shortName + ".";
        }
    }

    /**
     * @param partitions       of every relay topic: the pipeline's
     * @param lingerMs         producer linger, as the pipeline's producers have it
     * @param batchSize        producer batch size, as the pipeline's
     * @param maxPollRecords   consumer max.poll.records, as the pipeline's
     * @param commitIntervalMs how often the transactional relay commits: the pipeline's commit interval
     * @param firstWindow      chains in flight in the first step of the search; each step doubles it
     * @param maxWindow        chains in flight at most
     * @param warmUp           run before the search (the relay's code is as cold as the services' was)
     * @param windowStep       how long each window of the search is measured
     * @param settle           how long a new window may take to turn its chains over once before it is measured
     *                         anyway (or three times the last window's chain p99, if longer)
     * @param measure          how long the best window is measured for the result (or one chain latency, if longer)
     * @param charged          the processes whose CPU counts for the relay (broker and launcher)
     */
    record Settings(int threads, int partitions, int lingerMs, int batchSize, int maxPollRecords, int commitIntervalMs,
                    int firstWindow, int maxWindow, Duration warmUp, Duration windowStep, Duration settle,
                    Duration measure, Set<String> charged) {
    }

    /** One window of the search: chains in flight and what they reached. */
    record WindowStep(int window, double chainsPerSecond, double chainP99Ms) {
    }

    /**
     * What one relay reached at its best window; {@code chainsPerSecond} is directly comparable to
     * completed orders per second.
     *
     * @param cpuSecondsPerThousandRecords CPU of the charged processes (broker and launcher) per 1,000 records written
     * @param writtenPerChain              records written per chain to every topic, transaction markers and
     *                                     offsets included (the relay's counterpart of records per order)
     */
    record Result(String kind, String description, int threads, int partitions, int topics, int paths, int minHops,
                  int maxHops, double recordsPerChain, List<WindowStep> windowSearch, int window, long chains,
                  double chainsPerSecond, double recordsPerSecond, Latency.Percentiles chainLatency,
                  Map<String, Double> cpuSeconds, double cpuSecondsPerThousandRecords, double writtenPerChain) {
    }

    private final String bootstrapServers;
    private final Kind kind;
    private final Settings settings;
    private final List<RelayPath> paths;
    private final Map<String, String> relayTopics = new LinkedHashMap<>();
    private final byte[][] positions;
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    /** When (System.nanoTime) the latest-started chain that has completed was started. */
    private final AtomicLong lastCompletedStart = new AtomicLong(Long.MIN_VALUE);
    private volatile int window;
    private volatile Latency latency = new Latency();
    private volatile boolean running = true;
    private volatile RuntimeException failure;
    private volatile Thread injector;

    Relay(String bootstrapServers, Kind kind, Settings settings, List<RelayPath> paths) {
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("A relay needs at least one captured event path");
        }
        this.bootstrapServers = bootstrapServers;
        this.kind = kind;
        this.settings = settings;
        this.paths = List.copyOf(paths);
        RelayPath.topics(paths).forEach(t -> relayTopics.put(t, topic(kind, t)));
        int longest = paths.stream().mapToInt(RelayPath::messages).max().orElse(0);
        this.positions = IntStream.range(0, longest).mapToObj(Relay::intBytes).toArray(byte[][]::new);
    }

    /** The relay's copy of a pipeline topic. */
    static String topic(Kind kind, String pipelineTopic) {
        return kind.topicPrefix() + pipelineTopic;
    }

    /** Warms up, searches the window, measures the best one; {@code cpu} is asked for CPU snapshots. */
    Result run(ResourceMeter cpu) {
        createTopics();
        List<Thread> threads = new ArrayList<>();
        try {
            IntStream.range(0, settings.threads()).forEach(i -> threads.add(start(kind.shortName + "-relay-" + i,
                    () -> relayLoop(i))));
            window = settings.firstWindow();
            injector = start(kind.shortName + "-relay-injector", this::injectLoop);
            threads.add(injector);
            if (!awaitCompleted(settings.firstWindow(), FIRST_WAVE_TIMEOUT)) {
                throw new IllegalStateException("Relay " + kind.label() + ": the first " + settings.firstWindow()
                        + " chains did not complete within " + FIRST_WAVE_TIMEOUT);
            }
            pause(settings.warmUp());
            List<WindowStep> search = searchWindow();
            WindowStep best = search.stream().max((a, b) -> Double.compare(a.chainsPerSecond(), b.chainsPerSecond()))
                    .orElseThrow();
            resize(best.window(), settleCap(search.get(search.size() - 1).chainP99Ms()));
            return measure(cpu, search, best.window(), longer(settings.measure(),
                    Duration.ofMillis(Math.round(search.get(search.size() - 1).chainP99Ms()))));
        } finally {
            running = false;
            threads.forEach(LockSupport::unpark);
            threads.forEach(Relay::join);
        }
    }

    /**
     * Doubles the window until two windows in a row fail to raise chains per second by more than
     * {@link #IMPROVEMENT} over the best so far (one may be a dip: the machine is shared). Each
     * window is measured for the window step or one chain latency, whichever is longer.
     */
    private List<WindowStep> searchWindow() {
        List<WindowStep> steps = new ArrayList<>();
        double best = 0;
        int notBetter = 0;
        Latency.Percentiles last = Latency.Percentiles.NONE;
        for (int w = settings.firstWindow(); w <= settings.maxWindow() && notBetter < 2; w *= 2) {
            resize(w, settleCap(last.p99Ms()));
            Latency stepLatency = resetLatency();
            long chainsBefore = completed.get();
            long started = System.nanoTime();
            pause(longer(settings.windowStep(), Duration.ofMillis(Math.round(last.p50Ms()))));
            checkAlive();
            double rate = (completed.get() - chainsBefore) / ((System.nanoTime() - started) / 1e9);
            last = latencyOf(stepLatency);
            WindowStep step = new WindowStep(w, Math.round(rate * 10) / 10.0, last.p99Ms());
            steps.add(step);
            log.info("Relay {} window {}: {} chains/s", kind.label(), w, step.chainsPerSecond());
            notBetter = rate > best * (1 + IMPROVEMENT) ? 0 : notBetter + 1;
            best = Math.max(best, rate);
        }
        return steps;
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /**
     * Sets the window and waits for the steady state at the new size: a chain started after the
     * change has come out the other end (a whole chain's latency has passed), and twice as many
     * chains as the window holds have completed since the change (the burst of chains the change
     * let in has spread out). The settle time caps the wait: a slow relay at a large window is
     * then measured a little early.
     */
    private void resize(int newWindow, Duration cap) {
        long changed = System.nanoTime();
        long completedAtChange = completed.get();
        window = newWindow;
        LockSupport.unpark(injector);
        long deadline = changed + cap.toNanos();
        while (System.nanoTime() < deadline
                && (lastCompletedStart.get() < changed || completed.get() - completedAtChange < 2L * newWindow
                || inFlight.get() > newWindow)) {
            checkAlive();
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }

    /**
     * How long a new window may take to settle: the settle time, or three times the chain latency
     * the last window showed if that is longer (a relay whose chains take seconds needs seconds to
     * turn over).
     */
    private Duration settleCap(double lastP99Ms) {
        return longer(settings.settle(), Duration.ofMillis(Math.round(3 * lastP99Ms)));
    }

    /** Measures the best window for {@code duration}: the step duration, or one chain latency if longer. */
    private Result measure(ResourceMeter cpu, List<WindowStep> search, int best, Duration duration) {
        Map<String, Long> volumeBefore = TopicVolume.snapshot(bootstrapServers);
        Map<String, Long> cpuBefore = cpu.snapshot();
        Latency measured = resetLatency();
        long chainsBefore = completed.get();
        long writtenBefore = written.get();
        long started = System.nanoTime();
        pause(duration);
        checkAlive();
        double seconds = (System.nanoTime() - started) / 1e9;
        long chains = completed.get() - chainsBefore;
        long records = written.get() - writtenBefore;
        Map<String, Double> cpuSeconds = cpu.cpuSeconds(cpuBefore, cpu.snapshot());
        Latency.Percentiles percentiles = latencyOf(measured);
        Map<String, Long> volumeAfter = TopicVolume.snapshot(bootstrapServers);
        Predicate<String> relayOrKafka = t -> t.startsWith(kind.topicPrefix()) || t.startsWith("__");
        double charged = cpuSeconds.entrySet().stream().filter(e -> settings.charged().contains(e.getKey()))
                .mapToDouble(Map.Entry::getValue).sum();
        return new Result(kind.label(), kind.description(), settings.threads(), settings.partitions(), relayTopics.size(),
                paths.size(), RelayPath.minHops(paths), RelayPath.maxHops(paths), RelayPath.meanMessages(paths),
                List.copyOf(search), best, chains, round(chains / seconds), round(records / seconds), percentiles,
                cpuSeconds, records > 0 ? charged * 1000 / records : 0,
                chains > 0 ? round(TopicVolume.growth(volumeBefore, volumeAfter, relayOrKafka) / (double) chains) : 0);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** Starts a new latency histogram, which the chains that end from now on go into. */
    private Latency resetLatency() {
        Latency fresh = new Latency();
        latency = fresh;
        return fresh;
    }

    private static Latency.Percentiles latencyOf(Latency l) {
        synchronized (l) {
            return l.percentiles();
        }
    }

    private void createTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            List<NewTopic> topics = relayTopics.values().stream()
                    .map(t -> new NewTopic(t, settings.partitions(), (short) 1)).toList();
            admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create the relay topics", e);
        }
    }

    /** Deletes the relay's topics: the next relay starts on a broker without them. */
    @Override
    public void close() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.deleteTopics(relayTopics.values()).all().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("Could not delete the relay topics: {}", e.getMessage());
        }
    }

    private void injectLoop() {
        Serializer<Event> serializer = new EventSerde().serializer();
        try (KafkaProducer<byte[], byte[]> producer = producer(null)) {
            long chain = 0;
            while (running) {
                if (inFlight.get() >= window) {
                    LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
                    continue;
                }
                inFlight.incrementAndGet();
                int path = (int) (chain % paths.size());
                RelayPath.Step first = paths.get(path).steps().get(0);
                byte[] key = ((first.key() == null ? "chain" : first.key()) + "/" + chain).getBytes(StandardCharsets.UTF_8);
                Headers headers = new RecordHeaders();
                byte[] value = write(first, headers, serializer);
                headers.add(PATH_HEADER, intBytes(path));
                headers.add(POSITION_HEADER, positions[0]);
                headers.add(SENT_HEADER, ByteBuffer.allocate(Long.BYTES).putLong(System.nanoTime()).array());
                send(producer, new ProducerRecord<>(relayTopics.get(first.topic()), null, key, value, headers));
                chain++;
            }
        } catch (RuntimeException e) {
            fail("The relay's injector stopped", e);
        }
    }

    /** The step's record value: its captured bytes (and headers), or its event encoded afresh by the codec. */
    private byte[] write(RelayPath.Step step, Headers headers, Serializer<Event> serializer) {
        if (kind == Kind.BYTES) {
            for (Header header : step.headers()) {
                headers.add(header);
            }
            return step.value();
        }
        return serializer.serialize(step.topic(), headers, step.event());
    }

    private void send(KafkaProducer<byte[], byte[]> producer, ProducerRecord<byte[], byte[]> record) {
        written.incrementAndGet();
        producer.send(record, (metadata, error) -> {
            if (error != null) {
                fail("The relay could not write to " + record.topic(), error instanceof RuntimeException r ? r
                        : new IllegalStateException(error));
            }
        });
    }

    /** Relay thread {@code index} reads every {@code threads}-th partition of the relay topics, as a group member would. */
    private List<TopicPartition> share(int index) {
        List<TopicPartition> all = new ArrayList<>();
        for (String topic : relayTopics.values()) {
            for (int partition = 0; partition < settings.partitions(); partition++) {
                all.add(new TopicPartition(topic, partition));
            }
        }
        return IntStream.range(0, all.size()).filter(i -> i % settings.threads() == index).mapToObj(all::get).toList();
    }

    private void relayLoop(int index) {
        Serde<Event> serde = new EventSerde();
        boolean transactional = kind == Kind.TRANSACTIONAL;
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(transactional);
             KafkaProducer<byte[], byte[]> producer = producer(transactional ? transactionalId(index) : null)) {
            // fixed assignment: nothing to rebalance, and the topics are new, so reading starts at 0
            List<TopicPartition> share = share(index);
            consumer.assign(share);
            consumer.seekToBeginning(share);
            if (transactional) {
                producer.initTransactions();
                transactionalLoop(consumer, producer, serde);
            } else {
                while (running) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        hop(record, serde, producer);
                    }
                }
            }
        } catch (RuntimeException e) {
            if (running) {
                fail("A relay thread stopped", e);
            }
        }
    }

    private String transactionalId(int index) {
        return TOPIC_PREFIX + kind.shortName + "-" + index;
    }

    /**
     * Consume-transform-produce as an exactly-once service does it: a transaction starts with the
     * first record after a commit, holds every output and the input offsets, and is committed once
     * the commit interval has passed.
     */
    private void transactionalLoop(KafkaConsumer<byte[], byte[]> consumer, KafkaProducer<byte[], byte[]> producer,
                                   Serde<Event> serde) {
        long intervalNanos = TimeUnit.MILLISECONDS.toNanos(settings.commitIntervalMs());
        Duration poll = Duration.ofMillis(Math.max(1, Math.min(100, settings.commitIntervalMs())));
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        boolean open = false;
        long lastCommit = System.nanoTime();
        while (running) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(poll)) {
                if (!open) {
                    producer.beginTransaction();
                    open = true;
                }
                hop(record, serde, producer);
                offsets.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
            }
            if (open && System.nanoTime() - lastCommit >= intervalNanos) {
                producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
                producer.commitTransaction();
                offsets.clear();
                open = false;
                lastCommit = System.nanoTime();
            } else if (!open) {
                lastCommit = System.nanoTime();
            }
        }
    }

    /** One hop: read what came in (decoding it, unless bytes are passed through), then write the path's next record. */
    private void hop(ConsumerRecord<byte[], byte[]> record, Serde<Event> serde, KafkaProducer<byte[], byte[]> producer) {
        Header pathHeader = record.headers().lastHeader(PATH_HEADER);
        RelayPath path = paths.get(ByteBuffer.wrap(pathHeader.value()).getInt());
        int position = ByteBuffer.wrap(record.headers().lastHeader(POSITION_HEADER).value()).getInt();
        Header sent = record.headers().lastHeader(SENT_HEADER);
        if (kind != Kind.BYTES) {
            Deserializer<Event> deserializer = serde.deserializer();
            if (deserializer.deserialize(path.steps().get(position).topic(), record.headers(), record.value()) == null) {
                throw new IllegalStateException("Unreadable relay record on " + record.topic());
            }
        }
        int next = position + 1;
        if (next >= path.steps().size()) {
            finished(sent);
            return;
        }
        RelayPath.Step step = path.steps().get(next);
        Headers headers = new RecordHeaders();
        byte[] value = write(step, headers, serde.serializer());
        headers.add(PATH_HEADER, pathHeader.value());
        headers.add(POSITION_HEADER, positions[next]);
        headers.add(SENT_HEADER, sent.value());
        send(producer, new ProducerRecord<>(relayTopics.get(step.topic()), null, record.key(), value, headers));
    }

    private void finished(Header sent) {
        long started = ByteBuffer.wrap(sent.value()).getLong();
        lastCompletedStart.accumulateAndGet(started, Math::max);
        completed.incrementAndGet();
        inFlight.decrementAndGet();
        LockSupport.unpark(injector);
        long micros = (System.nanoTime() - started) / 1000;
        Latency current = latency;
        synchronized (current) {
            current.record(micros);
        }
    }

    /** Whether {@code chains} more chains completed within the timeout. */
    private boolean awaitCompleted(int chains, Duration timeout) {
        long target = completed.get() + chains;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (completed.get() < target) {
            checkAlive();
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        return true;
    }

    private void fail(String what, RuntimeException e) {
        log.error(what, e);
        if (failure == null) {
            failure = new IllegalStateException(what + ": " + e.getMessage(), e);
        }
    }

    private void checkAlive() {
        RuntimeException failed = failure;
        if (failed != null) {
            throw failed;
        }
    }

    private KafkaProducer<byte[], byte[]> producer(String transactionalId) {
        Map<String, Object> config = new HashMap<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, settings.lingerMs(),
                ProducerConfig.BATCH_SIZE_CONFIG, settings.batchSize(),
                // the launcher's heap is small; the default 32 MiB per producer is not needed here
                ProducerConfig.BUFFER_MEMORY_CONFIG, 8 * 1024 * 1024));
        if (transactionalId != null) {
            config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        }
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private KafkaConsumer<byte[], byte[]> consumer(boolean transactional) {
        Map<String, Object> config = new HashMap<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords()));
        if (transactional) {
            // offsets go into the transactions, so the consumer needs a group; its members are assigned, not subscribed
            config.put(ConsumerConfig.GROUP_ID_CONFIG, TOPIC_PREFIX + kind.shortName);
            config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        }
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static byte[] intBytes(int value) {
        return ByteBuffer.allocate(Integer.BYTES).putInt(value).array();
    }

    private static Thread start(String name, Runnable loop) {
        Thread thread = new Thread(loop, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void pause(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
