package com.openfulfil.dropship.local.bench;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.serde.EventSerde;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

/**
 * The physical limit: a chain of plain kafka-clients consume→produce relays through the same
 * broker, with no framework, no state and no transactions. A chain carries one order's event
 * path: the injector writes its first event to {@code bench.relay.0}; the hop that reads event i
 * from {@code bench.relay.i} parses it and writes event i+1 (serialised afresh) to
 * {@code bench.relay.<i+1>}; the hop that reads a path's last event ends the chain. Each thread
 * is one relay process's worth: a consumer of its share of the relay topics' partitions and a producer.
 * The injector keeps a fixed number of chains in flight, enough to keep every hop busy, so the
 * rate it reaches is the relay's maximum.
 */
final class RawRelay {
    static final String TOPIC_PREFIX = "bench.relay.";
    private static final Logger log = LoggerFactory.getLogger(RawRelay.class);
    private static final String PATH_HEADER = "bench.path";
    private static final String SENT_HEADER = "bench.sent";
    private static final Duration FIRST_WAVE_TIMEOUT = Duration.ofMinutes(5);

    /**
     * @param window chains in flight at once
     * @param warmUp time run before measuring (the relay's code is as cold as the services' was)
     */
    record Settings(int threads, int partitions, int lingerMs, int batchSize, int window, Duration warmUp,
                    Duration measure) {
    }

    /** What the relay reached; {@code chainsPerSecond} is directly comparable to completed orders per second. */
    record Result(int threads, int paths, int minHops, int maxHops, double messagesPerChain, long chains,
                  double chainsPerSecond, double messagesPerSecond, Latency.Percentiles chainLatency,
                  Map<String, Double> cpuSeconds, Map<String, Double> cpuPerThousand) {
    }

    private final String bootstrapServers;
    private final Settings settings;
    private final List<RelayPath> paths;
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong messages = new AtomicLong();
    private final Latency latency = new Latency();
    private final Semaphore window;
    private volatile boolean measuring;
    private volatile boolean running = true;

    RawRelay(String bootstrapServers, Settings settings, List<RelayPath> paths) {
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("The relay needs at least one captured event path");
        }
        this.bootstrapServers = bootstrapServers;
        this.settings = settings;
        this.paths = List.copyOf(paths);
        this.window = new Semaphore(settings.window());
    }

    static String topic(int position) {
        return TOPIC_PREFIX + position;
    }

    /** Runs warm-up then measurement; {@code cpu} is asked for CPU snapshots around the measurement. */
    Result run(ResourceMeter cpu) {
        createTopics();
        List<Thread> threads = new ArrayList<>();
        IntStream.range(0, settings.threads()).forEach(i -> threads.add(start("bench-relay-" + i, () -> relayLoop(i))));
        threads.add(start("bench-relay-injector", this::injectLoop));
        try {
            awaitFirstWave();
            pause(settings.warmUp());
            Map<String, Long> cpuBefore = cpu.snapshot();
            long chainsBefore = completed.get();
            long messagesBefore = messages.get();
            long started = System.nanoTime();
            measuring = true;
            pause(settings.measure());
            measuring = false;
            double seconds = (System.nanoTime() - started) / 1e9;
            long chains = completed.get() - chainsBefore;
            Map<String, Double> cpuSeconds = cpu.cpuSeconds(cpuBefore, cpu.snapshot());
            Latency.Percentiles percentiles;
            synchronized (latency) {
                percentiles = latency.percentiles();
            }
            return new Result(settings.threads(), paths.size(), RelayPath.minHops(paths), RelayPath.maxHops(paths),
                    RelayPath.meanMessages(paths), chains, chains / seconds, (messages.get() - messagesBefore) / seconds,
                    percentiles, cpuSeconds, ResourceMeter.perThousand(cpuSeconds, chains));
        } finally {
            running = false;
            window.release(settings.window()); // an injector waiting for room must see that we stopped
            for (Thread thread : threads) {
                join(thread);
            }
        }
    }

    private void createTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            List<NewTopic> topics = IntStream.range(0, RelayPath.topicsNeeded(paths))
                    .mapToObj(i -> new NewTopic(topic(i), settings.partitions(), (short) 1)).toList();
            admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create the relay topics", e);
        }
    }

    private void injectLoop() {
        EventSerde serde = new EventSerde();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            long chain = 0;
            while (running) {
                window.acquireUninterruptibly();
                if (!running) {
                    return;
                }
                int path = (int) (chain % paths.size());
                Headers headers = new RecordHeaders()
                        .add(PATH_HEADER, ByteBuffer.allocate(4).putInt(path).array())
                        .add(SENT_HEADER, ByteBuffer.allocate(8).putLong(System.nanoTime()).array());
                String topic = topic(0);
                producer.send(new ProducerRecord<>(topic, null, "relay-" + chain, serde.serialize(topic,
                        paths.get(path).events().get(0)), headers));
                chain++;
            }
        }
    }

    /**
     * The warm-up starts once the first window of chains has come out the other end: the relay is
     * then in its steady state (chains started as others end), not releasing its first wave.
     */
    private void awaitFirstWave() {
        long deadline = System.nanoTime() + FIRST_WAVE_TIMEOUT.toNanos();
        while (completed.get() < settings.window()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The relay's first " + settings.window() + " chains did not complete within "
                        + FIRST_WAVE_TIMEOUT);
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    /** Relay thread {@code index} reads every {@code threads}-th partition of the relay topics, as a group member would. */
    private List<TopicPartition> share(int index) {
        List<TopicPartition> all = new ArrayList<>();
        for (int topic = 0; topic < RelayPath.topicsNeeded(paths); topic++) {
            for (int partition = 0; partition < settings.partitions(); partition++) {
                all.add(new TopicPartition(topic(topic), partition));
            }
        }
        return IntStream.range(0, all.size()).filter(i -> i % settings.threads() == index).mapToObj(all::get).toList();
    }

    private void relayLoop(int index) {
        EventSerde serde = new EventSerde();
        try (KafkaConsumer<String, byte[]> consumer = consumer(); KafkaProducer<String, byte[]> producer = producer()) {
            // fixed assignment, no group: nothing to rebalance, and the topics are new, so reading starts at 0
            List<TopicPartition> share = share(index);
            consumer.assign(share);
            consumer.seekToBeginning(share);
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    hop(record, serde, producer);
                }
            }
        } catch (RuntimeException e) {
            log.error("Relay thread stopped", e);
        }
    }

    /** One hop: parse the event in full (as a service reading its input would), then write the path's next event. */
    private void hop(ConsumerRecord<String, byte[]> record, EventSerde serde, KafkaProducer<String, byte[]> producer) {
        messages.incrementAndGet();
        if (serde.deserialize(record.topic(), record.value()) == null) {
            throw new IllegalStateException("Unreadable relay record on " + record.topic());
        }
        List<Event> events = paths.get(intHeader(record.headers().lastHeader(PATH_HEADER))).events();
        int next = Integer.parseInt(record.topic().substring(TOPIC_PREFIX.length())) + 1;
        if (next < events.size()) {
            String topic = topic(next);
            producer.send(new ProducerRecord<>(topic, null, record.key(), serde.serialize(topic, events.get(next)),
                    record.headers()));
        } else {
            finished(record.headers().lastHeader(SENT_HEADER));
        }
    }

    private void finished(Header sent) {
        completed.incrementAndGet();
        window.release();
        if (measuring) {
            long micros = (System.nanoTime() - ByteBuffer.wrap(sent.value()).getLong()) / 1000;
            synchronized (latency) {
                latency.record(micros);
            }
        }
    }

    private static int intHeader(Header header) {
        return ByteBuffer.wrap(header.value()).getInt();
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, settings.lingerMs(),
                ProducerConfig.BATCH_SIZE_CONFIG, settings.batchSize(),
                // the launcher's heap is small; the default 32 MiB per producer is not needed here
                ProducerConfig.BUFFER_MEMORY_CONFIG, 8 * 1024 * 1024), new StringSerializer(), new ByteArraySerializer());
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 256 * 1024), new StringDeserializer(),
                new ByteArrayDeserializer());
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
