package com.openfulfil.dropship.tracking.notification;

import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.streams.DeadLetters;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Carries the customers' messages ({@code notifications.outbound}) off the stream thread, one way of
 * sending each (e-mail, text message): a consumer of its own group, committed records only, that
 * commits a message's offset once it is sent. A provider that fails holds the partition back and is
 * tried again with a doubling wait, up to a minute: an outage delays the messages, it does not drop
 * them nor leave them for a person to replay. Only a request that can never be sent goes to the
 * dead-letter topic.
 */
abstract class Courier implements SmartLifecycle {
    /** Dead letters go where the service's others go: {@code notifications.outbound.tracking-service.dlq}. */
    private static final String DEAD_LETTER_GROUP = "tracking-service";
    private static final Logger log = LoggerFactory.getLogger(Courier.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LONGEST_RETRY = Duration.ofMinutes(1);
    static final String TOPIC = Topics.NOTIFICATIONS_OUTBOUND.name();
    /** How many notification ids a courier remembers having sent. */
    static final int REMEMBERED = 100_000;

    private final String group;
    private final String bootstrapServers;
    private final Map<String, Object> security;
    /** Ids sent lately, oldest first; only the courier's thread touches it. */
    private final Map<String, Boolean> recentlySent = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Thread thread;
    private volatile boolean running;

    Courier(String group, String bootstrapServers, Map<String, Object> security) {
        this.group = group;
        this.bootstrapServers = bootstrapServers;
        this.security = security;
    }

    /** @return false when the message could not be sent now and must be tried again */
    protected abstract boolean deliver(ConsumerRecord<String, byte[]> record);

    /** Before each poll, on the courier's thread: what the courier reads besides the messages. */
    protected void beforePoll() {
    }

    /** Called once on the courier's thread before the first poll. */
    protected void starting() {
    }

    /** Called once on the courier's thread when it ends. */
    protected void stopping() {
    }

    /** Whether this courier sent the notification lately (a fact announced twice goes out once). */
    protected final boolean sentLately(String notificationId) {
        return recentlySent.containsKey(notificationId);
    }

    protected final void remember(String notificationId) {
        recentlySent.put(notificationId, Boolean.TRUE);
    }

    protected final String bootstrapServers() {
        return bootstrapServers;
    }

    protected final Map<String, Object> security() {
        return security;
    }

    @Override
    public void start() {
        Map<String, Object> config = new HashMap<>(security);
        config.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.CLIENT_ID_CONFIG, group,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500));
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        running = true;
        thread = new Thread(this::run, group);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        Thread t = thread;
        if (t != null) {
            try {
                t.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        Duration wait = FIRST_RETRY;
        try {
            starting();
            consumer.subscribe(List.of(TOPIC));
            while (running) {
                beforePoll();
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                TopicPartition stuck = null;
                for (ConsumerRecord<String, byte[]> record : records) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (partition.equals(stuck)) {
                        continue;
                    }
                    if (deliver(record)) {
                        done.put(partition, new OffsetAndMetadata(record.offset() + 1));
                    } else {
                        stuck = partition;
                        consumer.seek(partition, record.offset());
                    }
                }
                if (!done.isEmpty()) {
                    consumer.commitSync(done);
                }
                if (stuck != null) {
                    waitBeforeRetry(stuck, wait);
                    wait = wait.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait.multipliedBy(2);
                } else if (!records.isEmpty()) {
                    wait = FIRST_RETRY;
                }
            }
        } catch (WakeupException e) {
            // stop() asked us to
        } catch (RuntimeException e) {
            log.error("{} stopped: customer messages wait on {} until it is restarted", group, TOPIC, e);
        } finally {
            running = false;
            stopping();
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** The partition waits, the others go on; the poll is the wait. */
    private void waitBeforeRetry(TopicPartition stuck, Duration wait) {
        consumer.pause(List.of(stuck));
        long until = System.nanoTime() + wait.toNanos();
        while (running && System.nanoTime() < until) {
            ConsumerRecords<String, byte[]> others = consumer.poll(POLL);
            if (!others.isEmpty()) {
                // other partitions' records are read again after the resume: nothing of theirs was committed
                others.partitions().forEach(p -> consumer.seek(p, others.records(p).get(0).offset()));
            }
        }
        consumer.resume(List.of(stuck));
    }

    protected final boolean deadLetter(ConsumerRecord<String, byte[]> record, RuntimeException problem) {
        byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
        return DeadLetters.forBroker(bootstrapServers, security).send(record.topic(), DEAD_LETTER_GROUP, record.partition(),
                record.offset(), key, record.value(), record.headers(), problem);
    }
}
