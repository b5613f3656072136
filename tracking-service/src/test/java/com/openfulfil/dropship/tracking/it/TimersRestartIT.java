package com.openfulfil.dropship.tracking.it;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.model.Checkpoint;
import com.openfulfil.dropship.events.model.ParcelStatus;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.topics.TopicSpec;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.events.tracking.ParcelRegistered;
import com.openfulfil.dropship.events.tracking.CarrierCheckpoint;
import com.openfulfil.dropship.events.tracking.ClaimFileRequested;
import com.openfulfil.dropship.events.tracking.LostParcelClaimOpened;
import com.openfulfil.dropship.events.tracking.ParcelDelayed;
import com.openfulfil.dropship.events.tracking.ParcelStatusChanged;
import com.openfulfil.dropship.events.tracking.TrackingMessage;
import com.openfulfil.dropship.support.testing.PrivateBroker;
import com.openfulfil.dropship.support.testing.TopicReader;
import com.openfulfil.dropship.tracking.domain.Claim;
import com.openfulfil.dropship.tracking.domain.Parcel;
import com.openfulfil.dropship.tracking.domain.ParcelWatch;
import com.openfulfil.dropship.tracking.domain.WatchRules;
import com.openfulfil.dropship.tracking.stream.TrackingTopology;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The parcel timers across a restart, on a real broker with exactly-once processing: a timer set
 * before the service stops fires after it starts again, from a state restored from Kafka alone
 * (a new machine, empty disk), and each timer fires once; so is a lost-parcel claim ops filed.
 */
class TimersRestartIT {
    private static final WatchRules SECONDS = new WatchRules(Duration.ofSeconds(3), Duration.ofSeconds(8), 3);
    private static PrivateBroker broker;

    @TempDir
    Path firstDisk;
    @TempDir
    Path secondDisk;

    @BeforeAll
    static void start() throws Exception {
        broker = PrivateBroker.start();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(Topics.FULFILMENT_EVENTS, Topics.TRACKING_REGISTRATIONS, Topics.CARRIER_EVENTS,
                    Topics.TRACKING_EVENTS).stream().map(TimersRestartIT::topic).toList()).all().get();
        }
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    private static NewTopic topic(TopicSpec spec) {
        return new NewTopic(spec.name(), spec.partitions(), (short) 1);
    }

    private static KafkaStreams tracking(Path stateDir) {
        StreamsBuilder builder = new StreamsBuilder();
        TrackingTopology.wire(builder.stream(TrackingTopology.INPUTS), new ParcelWatch(SECONDS), Duration.ofMillis(200));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "tracking-restart");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        // the same static member id: the restarted instance takes over at once, as a restarted pod would
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), "tracking-restart-node");
        props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        props.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, EventSerde.class);
        KafkaStreams streams = new KafkaStreams(builder.build(), props);
        streams.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> streams.state() == KafkaStreams.State.RUNNING);
        return streams;
    }

    @Test
    void aTimerSetBeforeARestartFiresAfterItOnce() {
        try (KafkaStreams first = tracking(firstDisk)) {
            ship("VN-RESTART-1");
            await().atMost(Duration.ofSeconds(30)).until(() -> parcels(first).get("VN-RESTART-1") != null);
        }

        try (KafkaStreams second = tracking(secondDisk);
             TopicReader events = new TopicReader(broker.bootstrapServers(), Topics.TRACKING_EVENTS.name())) {
            // the other test's parcel shares the topic: this one's events are those of its tracking number
            List<Event> seen = events.until(Duration.ofSeconds(60), records -> records.stream()
                    .anyMatch(r -> r.value() instanceof ParcelStatusChanged c && c.status() == ParcelStatus.EXPIRED
                            && c.trackingNumber().equals("VN-RESTART-1")))
                    .stream().map(r -> r.value())
                    .filter(e -> e instanceof TrackingMessage m && m.trackingNumber().equals("VN-RESTART-1")).toList();

            assertThat(seen).filteredOn(ParcelDelayed.class::isInstance).as("delayed once").hasSize(1);
            assertThat(seen).filteredOn(ParcelStatusChanged.class::isInstance).as("expired once").hasSize(1);
            assertThat(seen).filteredOn(LostParcelClaimOpened.class::isInstance).singleElement()
                    .isInstanceOfSatisfying(LostParcelClaimOpened.class,
                            c -> assertThat(c.trackingNumber()).isEqualTo("VN-RESTART-1"));
            assertThat(parcels(second).get("VN-RESTART-1").status()).isEqualTo(ParcelStatus.EXPIRED);
        }
    }

    @Test
    void aFiledClaimIsRestoredFromKafkaAloneOnANewDisk() {
        try (KafkaStreams first = tracking(firstDisk)) {
            ship("VN-CLAIM-1");
            Instant now = Instant.now();
            for (int i = 1; i <= 3; i++) {
                send(Topics.CARRIER_EVENTS, "VN-CLAIM-1", new CarrierCheckpoint("vn-x" + i, now, "VNPOST",
                        "VN-CLAIM-1", ParcelStatus.EXCEPTION, new Checkpoint(now.plusSeconds(i), null, null, "lost"),
                        null));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> claimOf(first, "VN-CLAIM-1") != null);
            send(Topics.TRACKING_REGISTRATIONS, "VN-CLAIM-1", new ClaimFileRequested("req-restart-1", now,
                    "VN-CLAIM-1", "claim-VN-CLAIM-1", "VN-CLM-77", "admin"));
            await().atMost(Duration.ofSeconds(30)).until(() -> claimOf(first, "VN-CLAIM-1").state() == Claim.State.FILED);
        }

        try (KafkaStreams second = tracking(secondDisk)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> claimOf(second, "VN-CLAIM-1") != null);
            assertThat(claimOf(second, "VN-CLAIM-1").state()).isEqualTo(Claim.State.FILED);
            assertThat(claimOf(second, "VN-CLAIM-1").carrierReference()).isEqualTo("VN-CLM-77");
        }
    }

    /** The parcel's claim as the instance's store has it; null while there is none (or no parcel yet). */
    private static Claim claimOf(KafkaStreams streams, String trackingNumber) {
        try {
            Parcel parcel = parcels(streams).get(trackingNumber);
            return parcel == null ? null : parcel.watch().claim();
        } catch (org.apache.kafka.streams.errors.InvalidStateStoreException e) {
            return null; // still restoring
        }
    }

    private static ReadOnlyKeyValueStore<String, Parcel> parcels(KafkaStreams streams) {
        return streams.store(StoreQueryParameters.fromNameAndType(TrackingTopology.PARCELS,
                QueryableStoreTypes.<String, Parcel>keyValueStore()));
    }

    /** What supplier-gateway writes with the shipment. */
    private static void ship(String trackingNumber) {
        send(Topics.TRACKING_REGISTRATIONS, trackingNumber, new ParcelRegistered("reg-" + trackingNumber, Instant.now(),
                "o-restart", "d-1", "hanoi-crafts", "VNPOST", trackingNumber));
    }

    private static void send(TopicSpec topic, String key, Event event) {
        try (KafkaProducer<String, Event> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new StringSerializer(), new EventSerde())) {
            producer.send(new ProducerRecord<>(topic.name(), key, event));
            producer.flush();
        }
    }
}
