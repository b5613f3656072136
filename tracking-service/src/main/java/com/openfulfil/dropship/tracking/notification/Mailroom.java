package com.openfulfil.dropship.tracking.notification;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.notification.NotificationRequested;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.streams.DeadLetters;
import com.openfulfil.dropship.tracking.domain.notification.MailTemplates;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
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
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Sends the customers' messages ({@code notifications.outbound}) off the stream thread: a consumer
 * of its own ({@value #GROUP}, committed records only) that commits a message's offset once it is
 * sent. A notification id it sent lately (the last {@value #REMEMBERED} of them) is not sent again,
 * so a fact announced twice reaches the customer once; a crash between sending and committing sends
 * it again after the restart, with the same Message-ID, derived from the notification's id (at least
 * once, recognisably). A mail server or mailbox that fails holds the
 * partition back and is tried again with a doubling wait, up to a minute: an outage delays the
 * messages, it does not drop them nor leave them for a person to replay. Only a request that can
 * never be sent (no e-mail address, a malformed id) goes to the dead-letter topic.
 */
public final class Mailroom implements SmartLifecycle {
    static final String GROUP = "tracking-service-mailer";
    /** Dead letters go where the service's others go: {@code notifications.outbound.tracking-service.dlq}. */
    private static final String DEAD_LETTER_GROUP = "tracking-service";
    private static final Logger log = LoggerFactory.getLogger(Mailroom.class);
    private static final Pattern NOTIFICATION_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LONGEST_RETRY = Duration.ofMinutes(1);
    private static final String TOPIC = Topics.NOTIFICATIONS_OUTBOUND.name();
    static final int REMEMBERED = 100_000;

    private final MailTemplates templates;
    private final Mailer mailer;
    private final String bootstrapServers;
    private final Map<String, Object> security;
    private final EventSerde serde = new EventSerde();
    private final Counter sent = Metrics.counter("dropship.notifications.sent");
    private final Counter failed = Metrics.counter("dropship.notifications.failures");
    /** Ids sent lately, oldest first; only the mailroom's thread touches it. */
    private final Map<String, Boolean> recentlySent = new java.util.LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Thread thread;
    private volatile boolean running;

    public Mailroom(MailTemplates templates, Mailer mailer, String bootstrapServers, Map<String, Object> security) {
        this.templates = templates;
        this.mailer = mailer;
        this.bootstrapServers = bootstrapServers;
        this.security = security;
    }

    @Override
    public void start() {
        Map<String, Object> config = new HashMap<>(security);
        config.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, GROUP,
                ConsumerConfig.CLIENT_ID_CONFIG, GROUP,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500));
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        running = true;
        thread = new Thread(this::run, "mailroom");
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
            consumer.subscribe(List.of(TOPIC));
            while (running) {
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
            log.error("The mailroom stopped: customer messages wait on {} until it is restarted", TOPIC, e);
        } finally {
            running = false;
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

    /** @return false when the message could not be sent now and must be tried again */
    private boolean deliver(ConsumerRecord<String, byte[]> record) {
        Event event;
        try {
            event = serde.deserialize(record.topic(), record.headers(), record.value());
        } catch (RuntimeException e) {
            return deadLetter(record, e);
        }
        if (!(event instanceof NotificationRequested request)) {
            return true;
        }
        if (request.notificationId() == null || !NOTIFICATION_ID.matcher(request.notificationId()).matches()
                || request.email() == null || request.kind() == null) {
            return deadLetter(record, new IllegalArgumentException("NotificationRequested " + request.eventId()
                    + " needs a notificationId (letters, digits, '-'), a kind and an e-mail address"));
        }
        if (recentlySent.containsKey(request.notificationId())) {
            return true;
        }
        try {
            mailer.send(templates.render(request));
            recentlySent.put(request.notificationId(), Boolean.TRUE);
            sent.increment();
            return true;
        } catch (RuntimeException e) {
            failed.increment();
            log.warn("Could not send notification {} ({}); it is tried again shortly", request.notificationId(),
                    e.getMessage());
            return false;
        }
    }

    private boolean deadLetter(ConsumerRecord<String, byte[]> record, RuntimeException problem) {
        byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
        return DeadLetters.forBroker(bootstrapServers, security).send(record.topic(), DEAD_LETTER_GROUP, record.partition(),
                record.offset(), key, record.value(), record.headers(), problem);
    }
}
