package com.openfulfil.dropship.support.streams;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A timer store's changelog gets one record per key and commit however often the key was written, none for a
 * key created and removed between two commits, and its reads see the writes not yet committed. Run on Kafka
 * Streams' test driver, which commits after every input record, with the record cache at zero bytes: the state
 * a stream thread's cache is in once the large stores have filled it.
 */
class CommitBufferedStoreTest {
    private static final String STORE = "timers";
    private static final String CHANGELOG = "app-" + STORE + "-changelog";
    private static final Instant T0 = Instant.parse("2026-12-07T12:00:00Z");

    private TopologyTestDriver driver;

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void timersSetBetweenTwoCommitsWriteOneChangelogRecordPerSlot() {
        TestInputTopic<String, String> in = start(StateStores.timers(STORE));
        TestOutputTopic<String, String> changelog = changelog();

        in.pipeInput("set", "order-1,order-2,order-3");

        List<TestRecord<String, String>> written = changelog.readRecordsToList();
        assertThat(written).hasSize(1);
        assertThat(written.get(0).value()).contains("order-1", "order-2", "order-3");
    }

    @Test
    void withoutTheLayerAFullRecordCacheWritesEveryPutThrough() {
        TestInputTopic<String, String> in = start(StateStores.index(STORE));
        TestOutputTopic<String, String> changelog = changelog();

        in.pipeInput("set", "order-1,order-2,order-3");

        assertThat(changelog.readRecordsToList()).as("what the layer saves").hasSize(3);
    }

    @Test
    void aTimerSetAndRemovedBeforeTheCommitWritesNothing() {
        TestInputTopic<String, String> in = start(StateStores.timers(STORE));
        TestOutputTopic<String, String> changelog = changelog();

        in.pipeInput("set-and-remove", "order-1");

        assertThat(changelog.readRecordsToList()).isEmpty();
        assertThat(store().approximateNumEntries()).isZero();
    }

    @Test
    void aCommittedTimerRemovedLaterLeavesATombstoneAndReadsSeeUncommittedWrites() {
        TestInputTopic<String, String> in = start(StateStores.timers(STORE));
        TestOutputTopic<String, String> changelog = changelog();

        in.pipeInput("set", "order-1");
        in.pipeInput("remove-then-read", "order-1");

        List<TestRecord<String, String>> written = changelog.readRecordsToList();
        assertThat(written).extracting(TestRecord::value).hasSize(2).last().isNull();
        assertThat(written.get(0).key()).isEqualTo(written.get(1).key());
        assertThat(store().all()).toIterable().isEmpty();
    }

    @Test
    void aCheckSeesTimersSetSinceTheLastCommit() {
        TestInputTopic<String, String> in = start(StateStores.timers(STORE));

        in.pipeInput("set-and-check", "order-1,order-2");

        assertThat(driver.createOutputTopic("due", new StringDeserializer(), new StringDeserializer()).readValuesToList())
                .containsExactly("order-1,order-2");
    }

    /** Reads from another thread (a query) see the store below alone and never hand the writing thread's writes down. */
    @Test
    void onlyTheWritingThreadSeesOrHandsDownItsWrites() throws Exception {
        KeyValueStore<String, String> store = CommitBufferedStore.over(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(STORE), Serdes.String(), Serdes.String()).withLoggingDisabled()).build();
        MockProcessorContext<String, String> context =
                new MockProcessorContext<>();
        store.init(context.getStateStoreContext(), store);
        store.put("a", "1");

        assertThat(elsewhere(() -> store.get("a"))).isNull();
        assertThat(elsewhere(() -> count(store))).isZero();
        assertThat(store.get("a")).isEqualTo("1");
        assertThat(((CommitBufferedStore<String, String>) store).buffered()).isEqualTo(1);

        assertThat(count(store)).as("a scan by the writer hands its writes down first").isEqualTo(1);
        assertThat(((CommitBufferedStore<String, String>) store).buffered()).isZero();
        assertThat(elsewhere(() -> store.get("a"))).isEqualTo("1");
        store.close();
    }

    private static <T> T elsewhere(Callable<T> read) throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            return other.submit(read).get();
        } finally {
            other.shutdown();
        }
    }

    private static int count(KeyValueStore<String, String> store) {
        int n = 0;
        try (KeyValueIterator<String, String> it = store.all()) {
            while (it.hasNext()) {
                it.next();
                n++;
            }
        }
        return n;
    }

    private TestInputTopic<String, String> start(StoreBuilder<KeyValueStore<String, String>> store) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
                .process(new TimerProcessor(store))
                .to("due", Produced.with(Serdes.String(), Serdes.String()));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "app");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        try {
            props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("commit-buffered").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        driver = new TopologyTestDriver(builder.build(), props, T0);
        return driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
    }

    private TestOutputTopic<String, String> changelog() {
        return driver.createOutputTopic(CHANGELOG, new StringDeserializer(), new StringDeserializer());
    }

    private KeyValueStore<String, String> store() {
        return driver.getKeyValueStore(STORE);
    }

    /** Sets, removes and checks timers due within one slot, as the services' processors do. */
    private record TimerProcessor(StoreBuilder<KeyValueStore<String, String>> store)
            implements ProcessorSupplier<String, String, String, String> {
        @Override
        public Processor<String, String, String, String> get() {
            return new Processor<>() {
                private ProcessorContext<String, String> context;
                private DueIndex index;

                @Override
                public void init(ProcessorContext<String, String> context) {
                    this.context = context;
                    this.index = new DueIndex(context.getStateStore(STORE), 13);
                }

                @Override
                public void process(Record<String, String> record) {
                    String[] ids = record.value().split(",");
                    for (int i = 0; i < ids.length; i++) {
                        Instant due = T0.plusMillis(i);
                        switch (record.key()) {
                            case "set", "set-and-check" -> index.add(due, ids[i], ids[i]);
                            case "set-and-remove" -> {
                                index.add(due, ids[i], ids[i]);
                                index.remove(due, ids[i]);
                            }
                            case "remove-then-read" -> index.remove(due, ids[i]);
                            default -> throw new IllegalArgumentException(record.key());
                        }
                    }
                    if (record.key().equals("set-and-check")) {
                        List<String> due = index.due(T0.plusSeconds(1)).stream().map(DueIndex.Due::id).toList();
                        context.forward(record.withValue(String.join(",", due)));
                    }
                }
            };
        }

        @Override
        public Set<StoreBuilder<?>> stores() {
            return Set.of(store);
        }
    }
}
