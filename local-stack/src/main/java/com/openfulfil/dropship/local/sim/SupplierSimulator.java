package com.openfulfil.dropship.local.sim;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.EventHeaders;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.supplier.CancellationRequested;
import com.openfulfil.dropship.events.supplier.DispatchRequested;
import com.openfulfil.dropship.events.supplier.SupplierUpdate;
import com.openfulfil.dropship.events.topics.TopicSpec;
import com.openfulfil.dropship.events.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Plays every supplier that works over Kafka: reads {@code supplier.<id>.dispatch}, and for each
 * dispatch accepts it, ships it (one parcel, tracking number derived from the dispatch id; some in two,
 * see {@link Settings}) on
 * {@code supplier.<id>.updates}, then hands the parcel to the carrier simulator. A cancellation
 * request is answered CancellationAccepted while the dispatch has not shipped (it is then never
 * shipped), CancellationRejected once it has. Offsets are committed once the parcel is delivered
 * (or the cancellation answered), so a restart resumes unfinished dispatches; the same dispatch
 * always yields the same events and tracking number, so a re-read changes nothing.
 *
 * <p>Like a supplier writing to its own Kafka topic, the simulator does not sign its updates:
 * signatures belong to the HTTP API, where the topic's ACL cannot say who is writing.
 */
public final class SupplierSimulator implements AutoCloseable {
    public static final String GROUP = "supplier-simulator";
    static final Pattern DISPATCH_TOPICS = dispatchTopics(Set.of());
    private static final Logger log = LoggerFactory.getLogger(SupplierSimulator.class);
    private static final Duration RETRY_SEND_AFTER = Duration.ofSeconds(2);
    /** The events a supplier acts on; anything else on its topic is passed over without decoding it. */
    static final Set<String> HANDLED = Set.of(DispatchRequested.class.getSimpleName(),
            CancellationRequested.class.getSimpleName());

    /**
     * How long a supplier takes to accept a dispatch, and then to ship it; {@code splitOneIn}: one dispatch in
     * so many (of those with two units or more) goes in two parcels, the second once the first is delivered
     * (0: never).
     */
    public record Settings(Duration acceptDelay, Duration shipDelay, int splitOneIn) {
        public Settings(Duration acceptDelay, Duration shipDelay) {
            this(acceptDelay, shipDelay, 0);
        }

        boolean isInstant() {
            return acceptDelay.isZero() && shipDelay.isZero();
        }
    }

    /** Where shipped parcels go; {@code onFinished} runs once the carrier is done with the parcel. */
    public interface CarrierDesk {
        void handOver(Parcel parcel, Runnable onFinished);
    }

    private final String bootstrapServers;
    private final Pattern dispatchTopics;
    private final KafkaProducer<String, Event> producer;
    private final Admin admin;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "supplier-simulator-timer"));
    private final SupplierWork work;
    private final Set<String> updateTopicsReady = ConcurrentHashMap.newKeySet();
    private final EventSerde serde = new EventSerde();
    private final CommittingPoller poller;
    private volatile boolean running = true;

    public SupplierSimulator(String bootstrapServers, Settings settings, CarrierDesk carriers) {
        this(bootstrapServers, settings, carriers, Set.of());
    }

    /** @param overHttp suppliers that take their dispatches over HTTP: their dispatch topics are not read here */
    public SupplierSimulator(String bootstrapServers, Settings settings, CarrierDesk carriers, Set<String> overHttp) {
        this.bootstrapServers = bootstrapServers;
        this.dispatchTopics = dispatchTopics(overHttp);
        this.work = new SupplierWork(settings, carriers, new KafkaOutbox(), this::schedule);
        this.poller = new CommittingPoller("supplier-simulator", consumerConfig(),
                (consumer, listener) -> consumer.subscribe(dispatchTopics, listener), this::receive);
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new EventSerde());
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    public void start() {
        poller.start();
    }

    /** Whether it is still reading dispatches: false once closed, or if its polling thread died of an error. */
    public boolean isRunning() {
        return poller.isAlive();
    }

    private Map<String, Object> consumerConfig() {
        return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, GROUP,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // a supplier topic created later is found within a second, not after the default 5 min
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, 1000,
                // a new topic must not revoke the partitions whose dispatches are still in flight
                ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
    }

    private void receive(ConsumerRecord<String, byte[]> record, Runnable finished) {
        String type = EventHeaders.type(record.headers());
        if (type != null && !HANDLED.contains(type)) {
            finished.run();
            return;
        }
        Event event;
        try {
            event = serde.deserialize(record.topic(), record.headers(), record.value());
        } catch (RuntimeException e) {
            log.warn("Skipping unreadable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            finished.run();
            return;
        }
        if (event instanceof DispatchRequested dispatch) {
            work.dispatch(dispatch, finished);
        } else if (event instanceof CancellationRequested cancellation) {
            work.cancel(cancellation, finished);
        } else {
            finished.run();
        }
    }

    /** Every supplier's dispatch topic but those of the suppliers named. */
    static Pattern dispatchTopics(Set<String> except) {
        String excluded = except.stream().sorted().map(id -> "(?!" + Pattern.quote(id) + "\\.dispatch$)")
                .collect(Collectors.joining());
        return Pattern.compile("supplier\\." + excluded + "[a-z0-9][a-z0-9-]*\\.dispatch");
    }

    /** Writes one update keyed by order id; a failed write is tried again, the dispatch is never dropped. */
    private void send(String supplierId, String orderId, SupplierUpdate update, Runnable then) {
        if (!running) {
            return;
        }
        String topic = Topics.supplierUpdates(supplierId).name();
        try {
            ensureUpdatesTopic(supplierId);
        } catch (RuntimeException e) {
            log.warn("Cannot create {} ({}); retrying", topic, e.getMessage());
            schedule(RETRY_SEND_AFTER, () -> send(supplierId, orderId, update, then));
            return;
        }
        producer.send(new ProducerRecord<>(topic, orderId, update), (metadata, error) -> {
            if (error == null) {
                then.run();
            } else {
                log.warn("Could not write {} for dispatch {} ({}); retrying", update.getClass().getSimpleName(),
                        update.dispatchId(), error.getMessage());
                schedule(RETRY_SEND_AFTER, () -> send(supplierId, orderId, update, then));
            }
        });
    }

    /**
     * Auto-creation is off on the broker, so a supplier's updates topic is created from the registry,
     * with as many partitions as the supplier's dispatch topic (the two are co-partitioned by order).
     */
    private void ensureUpdatesTopic(String supplierId) {
        if (updateTopicsReady.contains(supplierId)) {
            return;
        }
        String dispatch = Topics.supplierDispatch(supplierId).name();
        int partitions;
        try {
            partitions = admin.describeTopics(List.of(dispatch)).allTopicNames().get(10, TimeUnit.SECONDS).get(dispatch)
                    .partitions().size();
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Cannot read the partitions of " + dispatch + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the partitions of " + dispatch, e);
        }
        createTopics(admin, List.of(Topics.supplierUpdates(supplierId)), partitions);
        updateTopicsReady.add(supplierId);
    }

    /**
     * Creates the registry topics that do not exist yet (one replica: the local broker), each with
     * {@code partitions} partitions, the count the services create theirs with.
     */
    public static void createTopics(Admin admin, List<TopicSpec> specs, int partitions) {
        List<NewTopic> topics = specs.stream()
                .map(spec -> new NewTopic(spec.name(), partitions, (short) 1).configs(spec.configs()))
                .toList();
        admin.createTopics(topics).values().values().forEach(result -> {
            try {
                result.get(10, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("Cannot create topic: " + e.getCause().getMessage(), e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while creating topics", e);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("The broker did not create the topics in time", e);
            }
        });
    }

    private void schedule(Duration delay, Runnable task) {
        if (!running) {
            return;
        }
        try {
            scheduler.schedule(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.error("Supplier simulator step failed", e);
                }
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closed meanwhile: the dispatch's offset is not committed, so it is read again after a restart
        }
    }

    @Override
    public void close() {
        running = false;
        scheduler.shutdownNow();
        poller.close();
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }

    /** Answers on the supplier's updates topic: one partition per order, written in the order sent. */
    private final class KafkaOutbox implements SupplierWork.Outbox {
        @Override
        public void send(String supplierId, String orderId, SupplierUpdate update, Runnable then) {
            SupplierSimulator.this.send(supplierId, orderId, update, then);
        }

        @Override
        public boolean keepsOrder() {
            return true;
        }
    }
}
