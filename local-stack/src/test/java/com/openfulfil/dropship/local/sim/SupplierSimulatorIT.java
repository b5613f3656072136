package com.openfulfil.dropship.local.sim;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.fixtures.SampleEvents;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.supplier.DispatchAccepted;
import com.openfulfil.dropship.events.supplier.DispatchRequested;
import com.openfulfil.dropship.events.supplier.DispatchShipped;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.local.process.BrokerProcess;
import com.openfulfil.dropship.local.process.Repository;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The supplier simulator against the real broker: it answers a dispatch once, whatever is re-delivered. */
class SupplierSimulatorIT {
    private static final String SUPPLIER = "hanoi-crafts";
    private static final String DISPATCH_TOPIC = Topics.supplierDispatch(SUPPLIER).name();
    private static final String UPDATES_TOPIC = Topics.supplierUpdates(SUPPLIER).name();

    @TempDir
    static Path data;
    private static BrokerProcess broker;
    private static Admin admin;

    @BeforeAll
    static void startBroker() throws IOException {
        broker = new BrokerProcess(Repository.locate(), data, freePort(), freePort());
        broker.start(Duration.ofSeconds(90));
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
        // only the dispatch topic: the simulator must create the updates topic itself
        SupplierSimulator.createTopics(admin, List.of(Topics.supplierDispatch(SUPPLIER),
                Topics.supplierDispatch("lyon-linen")));
    }

    @AfterAll
    static void stopBroker() {
        admin.close();
        broker.kill();
    }

    @Test
    void acceptsShipsAndHandsOverEachDispatchOnceEvenWhenItIsRedelivered() throws Exception {
        List<Parcel> handedOver = new CopyOnWriteArrayList<>();
        DispatchRequested dispatch = dispatch("evt-a", "dsp-it-1", "ord-it-1");
        SupplierSimulator.Settings fast = new SupplierSimulator.Settings(Duration.ofMillis(20), Duration.ofMillis(20));

        try (SupplierSimulator simulator = new SupplierSimulator(broker.bootstrapServers(), fast,
                (parcel, onFinished) -> {
                    handedOver.add(parcel);
                    onFinished.run();
                })) {
            simulator.start();
            write(dispatch);
            write(dispatch("evt-b", "dsp-it-1", "ord-it-1"));  // the gateway re-sends the same dispatch

            await().atMost(Duration.ofSeconds(60)).until(() -> committedOffset(DISPATCH_TOPIC) == 2);
        }

        String trackingNumber = Carriers.trackingNumber("VNPOST", "dsp-it-1");
        List<ConsumerRecord<String, Event>> updates = readUpdates(2);
        assertThat(updates).extracting(ConsumerRecord::key).containsOnly("ord-it-1");
        assertThat(updates.get(0).value()).isInstanceOfSatisfying(DispatchAccepted.class,
                a -> assertThat(a.dispatchId()).isEqualTo("dsp-it-1"));
        assertThat(updates.get(1).value()).isInstanceOfSatisfying(DispatchShipped.class, s -> {
            assertThat(s.carrier()).isEqualTo("VNPOST");
            assertThat(s.trackingNumbers()).containsExactly(trackingNumber);
        });
        assertThat(handedOver).containsExactly(new Parcel("VNPOST", trackingNumber, "Hanoi, VN", "London, GB"));
    }

    @Test
    void aDispatchWhoseParcelWasNotDeliveredBeforeAStopIsResumedWithTheSameTrackingNumber() throws Exception {
        SupplierSimulator.Settings fast = new SupplierSimulator.Settings(Duration.ofMillis(20), Duration.ofMillis(20));
        List<Parcel> beforeStop = new CopyOnWriteArrayList<>();
        List<Parcel> afterRestart = new CopyOnWriteArrayList<>();
        DispatchRequested dispatch = dispatch("evt-c", "dsp-it-2", "ord-it-2", "lyon-linen");

        try (SupplierSimulator simulator = new SupplierSimulator(broker.bootstrapServers(), fast,
                (parcel, onFinished) -> beforeStop.add(parcel))) {  // the parcel is still on its way at the stop
            simulator.start();
            write(dispatch);
            await().atMost(Duration.ofSeconds(60)).until(() -> !beforeStop.isEmpty());
        }
        try (SupplierSimulator simulator = new SupplierSimulator(broker.bootstrapServers(), fast,
                (parcel, onFinished) -> {
                    afterRestart.add(parcel);
                    onFinished.run();
                })) {
            simulator.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> committedOffset(dispatchTopic("lyon-linen")) == 1);
        }

        assertThat(afterRestart).containsExactlyElementsOf(beforeStop);
        assertThat(afterRestart.get(0).trackingNumber()).isEqualTo(Carriers.trackingNumber("COLISSIMO", "dsp-it-2"));
    }

    private static String dispatchTopic(String supplierId) {
        return Topics.supplierDispatch(supplierId).name();
    }

    private static DispatchRequested dispatch(String eventId, String dispatchId, String orderId) {
        return dispatch(eventId, dispatchId, orderId, SUPPLIER);
    }

    private static DispatchRequested dispatch(String eventId, String dispatchId, String orderId, String supplierId) {
        DispatchRequested sample = SampleEvents.all().stream().filter(DispatchRequested.class::isInstance)
                .map(DispatchRequested.class::cast).findFirst().orElseThrow();
        return new DispatchRequested(eventId, sample.occurredAt(), orderId, dispatchId, supplierId, sample.items(),
                sample.shipTo(), sample.contact(), sample.priority(), sample.requests(), sample.packing());
    }

    private static void write(DispatchRequested dispatch) throws Exception {
        try (KafkaProducer<String, Event> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new StringSerializer(), new EventSerde())) {
            producer.send(new ProducerRecord<>(dispatchTopic(dispatch.supplierId()), dispatch.orderId(), dispatch)).get(30, TimeUnit.SECONDS);
        }
    }

    /** Sum over the topic's partitions of the simulator group's committed offsets. */
    private static long committedOffset(String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(SupplierSimulator.GROUP)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset()).sum();
    }

    /** Every update written, once the topic holds {@code expected} of them (and nothing more arrives). */
    private static List<ConsumerRecord<String, Event>> readUpdates(int expected) throws Exception {
        List<TopicPartition> partitions = admin.describeTopics(List.of(UPDATES_TOPIC)).allTopicNames()
                .get(10, TimeUnit.SECONDS).get(UPDATES_TOPIC).partitions().stream()
                .map(p -> new TopicPartition(UPDATES_TOPIC, p.partition())).toList();
        long total = admin.listOffsets(partitions.stream().collect(java.util.stream.Collectors.toMap(p -> p,
                p -> OffsetSpec.latest()))).all().get(10, TimeUnit.SECONDS).values().stream()
                .mapToLong(info -> info.offset()).sum();
        assertThat(total).as("records on " + UPDATES_TOPIC).isEqualTo(expected);
        try (KafkaConsumer<String, Event> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new EventSerde())) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, Event>> read = new CopyOnWriteArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
                return read.size() >= expected;
            });
            return read;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
