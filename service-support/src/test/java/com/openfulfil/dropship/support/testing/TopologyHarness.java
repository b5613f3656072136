package com.openfulfil.dropship.support.testing;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.OrderScoped;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.topics.TopicSpec;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * A service's topology on {@link TopologyTestDriver}: pipe events into registry topics, read what
 * came out, look into state stores, move wall-clock time for punctuators. No broker, under a second.
 */
public final class TopologyHarness implements AutoCloseable {
    private final TopologyTestDriver driver;
    private final EventSerde serde = new EventSerde();
    private final Map<String, TestInputTopic<String, Event>> inputs = new HashMap<>();
    private final Map<String, TestOutputTopic<String, Event>> outputs = new HashMap<>();
    private Instant time;

    private TopologyHarness(TopologyTestDriver driver, Instant start) {
        this.driver = driver;
        this.time = start;
    }

    public static TopologyHarness of(Consumer<StreamsBuilder> topology) {
        return of(topology, Instant.parse("2026-11-02T09:00:00Z"));
    }

    public static TopologyHarness of(Consumer<StreamsBuilder> topology, Instant start) {
        StreamsBuilder builder = new StreamsBuilder();
        topology.accept(builder);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        props.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, EventSerde.class);
        try {
            props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("topology-test").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TopologyHarness(new TopologyTestDriver(builder.build(), props, start), start);
    }

    /** Pipes an order's event keyed by its orderId. */
    public TopologyHarness pipe(TopicSpec topic, OrderScoped event) {
        return pipe(topic.name(), event.orderId(), (Event) event);
    }

    public TopologyHarness pipe(TopicSpec topic, String key, Event event) {
        return pipe(topic.name(), key, event);
    }

    public TopologyHarness pipe(String topic, String key, Event event) {
        input(topic).pipeInput(key, event, time);
        return this;
    }

    /** Everything written to {@code topic} since the last read. */
    public List<KeyValue<String, Event>> read(TopicSpec topic) {
        return read(topic.name());
    }

    public List<KeyValue<String, Event>> read(String topic) {
        return output(topic).readKeyValuesToList();
    }

    public <T extends Event> List<T> readValues(TopicSpec topic, Class<T> type) {
        return read(topic).stream().map(kv -> kv.value).filter(type::isInstance).map(type::cast).toList();
    }

    public <V> KeyValueStore<String, V> store(String name) {
        return driver.getKeyValueStore(name);
    }

    /** Moves stream time and wall-clock time forward, firing punctuators that are due. */
    public TopologyHarness advance(Duration duration) {
        time = time.plus(duration);
        driver.advanceWallClockTime(duration);
        return this;
    }

    public Instant now() {
        return time;
    }

    private TestInputTopic<String, Event> input(String topic) {
        return inputs.computeIfAbsent(topic, t -> driver.createInputTopic(t, new StringSerializer(), serde));
    }

    private TestOutputTopic<String, Event> output(String topic) {
        return outputs.computeIfAbsent(topic, t -> driver.createOutputTopic(t, new StringDeserializer(), serde));
    }

    public TopologyTestDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.close();
    }
}
