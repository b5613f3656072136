package com.openfulfil.dropship.support.streams;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Ends at once the transaction an instance that vanished from the group left open. Under exactly-once
 * every read_committed reader of a partition the dead instance was writing to waits until its open
 * transaction ends, and nothing ends it but its timeout (10 s) or a producer taking over its
 * transactional id. The instance that takes the dead one's partitions gets them once its session runs
 * out (6 s) and would then wait out the rest of that timeout. Instead, each time the Kafka Streams
 * client is back to RUNNING after a rebalance, this compares the group's members with those it saw the
 * time before; for each stream thread that is gone it starts a producer under that thread's
 * transactional id once, which fences the old producer and aborts its open transaction (what it had
 * written never becomes visible, and its input is read again from the last commit: exactly-once holds).
 *
 * <p>The transactional id comes from the member's client id, both named by Kafka Streams from the
 * client id ({@code <application.id>-<process id>} unless {@code client.id} is set): the thread's
 * consumer is {@code <client id>-StreamThread-<n>-consumer} and, under {@code exactly_once_v2}, its
 * producer's transactional id is {@code <application.id>-<process id>-<n>}. A member whose client id
 * does not have that form is left to its timeout. A member that is only stalled, not dead, has lost its
 * partitions already by the time it is seen gone; fencing it costs it what the timeout would have.
 * The checks run on a thread of their own, never on a stream thread.
 */
public final class VanishedMembers {
    /** Prometheus: {@code dropship_streams_vanished_transactions_fenced_total{application}}. */
    public static final String METRIC = "dropship.streams.vanished.transactions.fenced";
    private static final Logger log = LoggerFactory.getLogger(VanishedMembers.class);
    private static final Pattern THREAD_CONSUMER = Pattern.compile("(.+)-StreamThread-(\\d+)-consumer");
    private static final Duration ASK_WITHIN = Duration.ofSeconds(10);

    private final String applicationId;
    private final Admin admin;
    private final Map<String, Object> producerConfig;
    private final Counter fenced;
    private final ExecutorService checks;
    /** The stream threads' consumer client ids seen in the group at the last check; only {@link #checks} writes it. */
    private volatile Set<String> known = Set.of();

    private VanishedMembers(String applicationId, Admin admin, Map<String, Object> producerConfig,
                            MeterRegistry registry) {
        this.applicationId = applicationId;
        this.admin = admin;
        this.producerConfig = Map.copyOf(producerConfig);
        this.fenced = Counter.builder(METRIC).tag("application", applicationId)
                .description("Open transactions of instances gone from the group, ended at once").register(registry);
        this.checks = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, applicationId + "-vanished-members");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * For a Kafka Streams client configured by {@code streamsConfiguration}: empty unless it runs under
     * exactly-once with the client id Kafka Streams makes up (the transactional ids then follow from it).
     *
     * @param admin          the service's admin client, which reads the group
     * @param producerConfig a durable producer's settings for the cluster (where, and its security); the
     *                       fencing producer adds the transactional id
     */
    public static Optional<VanishedMembers> of(Properties streamsConfiguration, Admin admin,
                                               Map<String, Object> producerConfig, MeterRegistry registry) {
        String guarantee = streamsConfiguration.getProperty(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "");
        String clientId = streamsConfiguration.getProperty(StreamsConfig.CLIENT_ID_CONFIG, "");
        String applicationId = streamsConfiguration.getProperty(StreamsConfig.APPLICATION_ID_CONFIG, "");
        if (!StreamsConfig.EXACTLY_ONCE_V2.equals(guarantee) || !clientId.isEmpty() || applicationId.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new VanishedMembers(applicationId, admin, producerConfig, registry));
    }

    /**
     * From the client's state listener: a check after every rebalance, off the calling thread (one idle
     * daemon thread, kept for a client started again by the binder).
     */
    public void onStateChange(KafkaStreams.State now) {
        if (now == KafkaStreams.State.RUNNING) {
            checks.execute(this::check);
        }
    }

    private void check() {
        Set<String> current;
        try {
            current = members();
        } catch (RuntimeException | ExecutionException | TimeoutException e) {
            log.debug("Could not read the members of group {} ({}); the next rebalance looks again", applicationId,
                    e.toString());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        Set<String> gone = gone(known, current);
        known = current;
        gone.forEach(clientId -> transactionalId(applicationId, clientId).ifPresent(this::fence));
    }

    private Set<String> members() throws ExecutionException, TimeoutException, InterruptedException {
        try {
            ConsumerGroupDescription group = admin.describeConsumerGroups(Set.of(applicationId)).all()
                    .get(ASK_WITHIN.toMillis(), TimeUnit.MILLISECONDS).get(applicationId);
            return group.members().stream().map(MemberDescription::clientId).collect(Collectors.toUnmodifiableSet());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return Set.of();
            }
            throw e;
        }
    }

    /** The members' client ids as of the last check. */
    Set<String> known() {
        return known;
    }

    /** The members seen before and not now. */
    static Set<String> gone(Set<String> before, Set<String> now) {
        Set<String> gone = new HashSet<>(before);
        gone.removeAll(now);
        return gone;
    }

    /** The transactional id of the stream thread whose consumer has {@code consumerClientId}, if it is one of ours. */
    static Optional<String> transactionalId(String applicationId, String consumerClientId) {
        Matcher thread = THREAD_CONSUMER.matcher(consumerClientId);
        if (!thread.matches() || !thread.group(1).startsWith(applicationId + "-")) {
            return Optional.empty();
        }
        return Optional.of(thread.group(1) + "-" + thread.group(2));
    }

    /** Takes the transactional id over once: the producer that had it is fenced and its open transaction aborted. */
    void fence(String transactionalId) {
        Map<String, Object> config = new HashMap<>(producerConfig);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, applicationId + "-fencer");
        long started = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.initTransactions();
            fenced.increment();
            log.info("Instance thread {} left the group of {}; ended its open transaction, if any, in {} ms instead "
                    + "of waiting for its timeout", transactionalId, applicationId,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } catch (KafkaException e) {
            log.warn("Could not end the open transaction of {} (group {}): {}; it ends at its timeout", transactionalId,
                    applicationId, e.toString());
        }
    }
}
