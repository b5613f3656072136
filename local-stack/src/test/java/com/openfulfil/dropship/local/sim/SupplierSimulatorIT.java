package com.openfulfil.dropship.local.sim;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.fixtures.SampleEvents;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.supplier.CancellationAccepted;
import com.openfulfil.dropship.events.supplier.CancellationRejected;
import com.openfulfil.dropship.events.supplier.CancellationRequested;
import com.openfulfil.dropship.events.supplier.DispatchAccepted;
import com.openfulfil.dropship.events.supplier.DispatchMessage;
import com.openfulfil.dropship.events.supplier.DispatchRequested;
import com.openfulfil.dropship.events.supplier.DispatchShipped;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.local.StackConfig;
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

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The supplier simulator against the real broker: it answers a dispatch once, whatever is
 * re-delivered, and a cancellation by whether the dispatch has shipped.
 */
class SupplierSimulatorIT {
    private static final String SUPPLIER = "hanoi-crafts";
    private static final String DISPATCH_TOPIC = Topics.supplierDispatch(SUPPLIER).name();
    private static final String UPDATES_TOPIC = Topics.supplierUpdates(SUPPLIER).name();
    /** Not the registry's count: the updates topic the simulator creates must follow its dispatch topic. */
    private static final int DISPATCH_PARTITIONS = 2;

    @TempDir
    static Path data;
    private static BrokerProcess broker;
    private static Admin admin;

    @BeforeAll
    static void startBroker() {
        broker = new BrokerProcess(Repository.locate(), data, StackConfig.freePort(), StackConfig.freePort());
        broker.start(Duration.ofSeconds(90));
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
        // only the dispatch topic: the simulator must create the updates topic itself
        SupplierSimulator.createTopics(admin, List.of(Topics.supplierDispatch(SUPPLIER),
                Topics.supplierDispatch("lyon-linen")), DISPATCH_PARTITIONS);
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
                deliveringTo(handedOver))) {
            simulator.start();
            write(dispatch);
            write(dispatch("evt-b", "dsp-it-1", "ord-it-1"));  // the gateway re-sends the same dispatch

            await().atMost(Duration.ofSeconds(60)).until(() -> committedOffset(DISPATCH_TOPIC) == 2);
        }

        String trackingNumber = Carriers.trackingNumber("VNPOST", "dsp-it-1");
        List<ConsumerRecord<String, Event>> updates = readUpdates(2);
        assertThat(updates).extracting(ConsumerRecord::key).containsOnly("ord-it-1");
        assertThat(admin.describeTopics(List.of(UPDATES_TOPIC)).allTopicNames().get(10, TimeUnit.SECONDS)
                .get(UPDATES_TOPIC).partitions()).as("co-partitioned with the dispatch topic").hasSize(DISPATCH_PARTITIONS);
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
                deliveringTo(afterRestart))) {
            simulator.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> committedOffset(dispatchTopic("lyon-linen")) == 1);
        }

        assertThat(afterRestart).containsExactlyElementsOf(beforeStop);
        assertThat(afterRestart.get(0).trackingNumber()).isEqualTo(Carriers.trackingNumber("COLISSIMO", "dsp-it-2"));
    }

    @Test
    void withoutDelayAcceptsAndShipsBackToBackInThatOrder() throws Exception {
        String supplier = "shenzhen-gadgets";
        SupplierSimulator.createTopics(admin, List.of(Topics.supplierDispatch(supplier)), DISPATCH_PARTITIONS);
        List<Parcel> handedOver = new CopyOnWriteArrayList<>();
        SupplierSimulator.Settings instant = new SupplierSimulator.Settings(Duration.ZERO, Duration.ZERO);

        try (SupplierSimulator simulator = new SupplierSimulator(broker.bootstrapServers(), instant,
                deliveringTo(handedOver))) {
            simulator.start();
            write(dispatch("evt-d", "dsp-it-3", "ord-it-3", supplier));
            await().atMost(Duration.ofSeconds(60)).until(() -> committedOffset(dispatchTopic(supplier)) == 1);
        }

        List<ConsumerRecord<String, Event>> updates = readUpdates(Topics.supplierUpdates(supplier).name(), 2);
        assertThat(updates).extracting(r -> r.value().getClass().getSimpleName())
                .containsExactly("DispatchAccepted", "DispatchShipped");
        assertThat(handedOver).extracting(Parcel::trackingNumber)
                .containsExactly(Carriers.trackingNumber("SF", "dsp-it-3"));
    }

    @Test
    void aDispatchNotYetShippedIsCancelledAndNeverShipped() throws Exception {
        String supplier = "kyoto-paper";
        SupplierSimulator.createTopics(admin, List.of(Topics.supplierDispatch(supplier)), DISPATCH_PARTITIONS);
        List<Parcel> handedOver = new CopyOnWriteArrayList<>();
        // accepted at once, shipped only after ten minutes: the cancellation surely comes first
        SupplierSimulator.Settings slowToShip = new SupplierSimulator.Settings(Duration.ofMillis(20), Duration.ofMinutes(10));
        DispatchRequested dispatch = dispatch("evt-e", "dsp-it-4", "ord-it-4", supplier);

        try (SupplierSimulator simulator = new SupplierSimulator(broker.bootstrapServers(), slowToShip,
                (parcel, onFinished) -> handedOver.add(parcel))) {
            simulator.start();
            write(dispatch);
            await().atMost(Duration.ofSeconds(60)).until(() -> recordsOn(Topics.supplierUpdates(supplier).name()) == 1);
            write(cancellation("evt-f", dispatch));
            write(dispatch);  // re-delivered after the cancellation: still not shipped
            write(cancellation("evt-g", dispatch));  // asked twice: answered the same way
            await().atMost(Duration.ofSeconds(60)).until(() -> committedOffset(dispatchTopic(supplier)) == 4);
        }

        List<ConsumerRecord<String, Event>> updates = readUpdates(Topics.supplierUpdates(supplier).name(), 3);
        assertThat(updates).extracting(ConsumerRecord::key).containsOnly("ord-it-4");
        assertThat(updates.get(0).value()).isInstanceOf(DispatchAccepted.class);
        assertThat(updates.subList(1, 3)).extracting(ConsumerRecord::value).allSatisfy(update ->
                assertThat(update).isInstanceOfSatisfying(CancellationAccepted.class, accepted -> {
                    assertThat(accepted.dispatchId()).isEqualTo("dsp-it-4");
                    assertThat(accepted.orderId()).isEqualTo("ord-it-4");
                    assertThat(accepted.supplierId()).isEqualTo(supplier);
                }));
        assertThat(updates.get(1).value().eventId()).isEqualTo(updates.get(2).value().eventId());
        assertThat(handedOver).isEmpty();
    }

    @Test
    void aDispatchAlreadyShippedRejectsTheCancellationWithItsReason() throws Exception {
        String supplier = "porto-cork";
        SupplierSimulator.createTopics(admin, List.of(Topics.supplierDispatch(supplier)), DISPATCH_PARTITIONS);
        List<Parcel> handedOver = new CopyOnWriteArrayList<>();
        SupplierSimulator.Settings instant = new SupplierSimulator.Settings(Duration.ZERO, Duration.ZERO);
        DispatchRequested dispatch = dispatch("evt-h", "dsp-it-5", "ord-it-5", supplier);

        try (SupplierSimulator simulator = new SupplierSimulator(broker.bootstrapServers(), instant,
                deliveringTo(handedOver))) {
            simulator.start();
            write(dispatch);
            await().atMost(Duration.ofSeconds(60)).until(() -> committedOffset(dispatchTopic(supplier)) == 1);
            write(cancellation("evt-i", dispatch));
            await().atMost(Duration.ofSeconds(60)).until(() -> committedOffset(dispatchTopic(supplier)) == 2);
        }

        List<ConsumerRecord<String, Event>> updates = readUpdates(Topics.supplierUpdates(supplier).name(), 3);
        assertThat(updates).extracting(r -> r.value().getClass().getSimpleName())
                .containsExactly("DispatchAccepted", "DispatchShipped", "CancellationRejected");
        assertThat(updates.get(2).value()).isInstanceOfSatisfying(CancellationRejected.class, rejected -> {
            assertThat(rejected.dispatchId()).isEqualTo("dsp-it-5");
            assertThat(rejected.orderId()).isEqualTo("ord-it-5");
            assertThat(rejected.supplierId()).isEqualTo(supplier);
            assertThat(rejected.reason()).isEqualTo("already shipped");
        });
        assertThat(updates.get(2).key()).isEqualTo("ord-it-5");
        assertThat(handedOver).hasSize(1);
    }

    /** A carrier that takes each parcel, notes it, and is done with it at once. */
    private static SupplierSimulator.CarrierDesk deliveringTo(List<Parcel> parcels) {
        return (parcel, onFinished) -> {
            parcels.add(parcel);
            onFinished.run();
        };
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

    /** What supplier-gateway sends when the customer cancels after dispatch. */
    private static CancellationRequested cancellation(String eventId, DispatchRequested dispatch) {
        return new CancellationRequested(eventId, dispatch.occurredAt(), dispatch.orderId(), dispatch.dispatchId(),
                dispatch.supplierId(), "the customer cancelled the order");
    }

    private static void write(DispatchMessage message) throws Exception {
        try (KafkaProducer<String, Event> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new StringSerializer(), new EventSerde())) {
            producer.send(new ProducerRecord<>(dispatchTopic(message.supplierId()), message.orderId(), message))
                    .get(30, TimeUnit.SECONDS);
        }
    }

    /** Records on a topic (0 while it does not exist yet). */
    private static long recordsOn(String topic) throws Exception {
        if (!admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(topic)) {
            return 0;
        }
        List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames()
                .get(10, TimeUnit.SECONDS).get(topic).partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        return admin.listOffsets(partitions.stream().collect(java.util.stream.Collectors.toMap(p -> p,
                p -> OffsetSpec.latest()))).all().get(10, TimeUnit.SECONDS).values().stream()
                .mapToLong(info -> info.offset()).sum();
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
        return readUpdates(UPDATES_TOPIC, expected);
    }

    private static List<ConsumerRecord<String, Event>> readUpdates(String topic, int expected) throws Exception {
        List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames()
                .get(10, TimeUnit.SECONDS).get(topic).partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        long total = recordsOn(topic);
        assertThat(total).as("records on " + topic).isEqualTo(expected);
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
}
