package com.openfulfil.dropship.ops.deadletters;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.ops.DeadLetterAction;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.config.DropshipProperties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads every dead-letter topic ({@code *.dlq}) and the audit topic from the beginning, without a
 * consumer group, and keeps the dead letters no operator has handled yet. A dead letter is handled
 * once a replay or discard of it is on {@code ops.audit}, so every console instance, and a
 * restarted one, shows the same list.
 */
@Component
public class DeadLetterInbox implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(DeadLetterInbox.class);
    private static final Duration REFRESH_TOPICS = Duration.ofSeconds(2);
    private static final String DLQ_SUFFIX = ".dlq";

    private final Map<String, Object> config;
    private final EventSerde serde = new EventSerde();
    private final Map<DeadLetterId, DeadLetter> letters = new ConcurrentHashMap<>();
    private final Set<DeadLetterId> handled = ConcurrentHashMap.newKeySet();
    private final List<DeadLetterAction> audit = new ArrayList<>();
    private volatile boolean running;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;

    public DeadLetterInbox(DropshipProperties properties) {
        Map<String, Object> settings = new HashMap<>(properties.kafka().security());
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafka().bootstrapServers());
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "ops-console-dead-letters");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.config = settings;
    }

    /** Dead letters waiting for an operator, oldest first. */
    public List<DeadLetter> pending() {
        return letters.values().stream().filter(d -> !handled.contains(d.id()))
                .sorted(Comparator.comparing((DeadLetter d) -> d.header("dlq.failed-at"))
                        .thenComparing(d -> d.id().toString()))
                .toList();
    }

    public Optional<DeadLetter> find(DeadLetterId id) {
        return Optional.ofNullable(letters.get(id));
    }

    public boolean isHandled(DeadLetterId id) {
        return handled.contains(id);
    }

    /** What operators did, newest first. */
    public List<DeadLetterAction> audit() {
        synchronized (audit) {
            List<DeadLetterAction> newestFirst = new ArrayList<>(audit);
            newestFirst.sort(Comparator.comparing(DeadLetterAction::occurredAt).reversed());
            return newestFirst;
        }
    }

    /** Takes an action this instance just wrote to the audit topic, before it is read back from it. */
    void recorded(DeadLetterAction action) {
        if (handled.add(DeadLetterId.of(action))) {
            synchronized (audit) {
                audit.add(action);
            }
        }
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "ops-dead-letters");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
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
        while (running) {
            try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                    new ByteArrayDeserializer())) {
                consumer = c;
                follow(c);
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("Reading dead letters failed ({}); starting over", e.getMessage());
            }
        }
    }

    private void follow(KafkaConsumer<byte[], byte[]> c) {
        Instant refreshAt = Instant.EPOCH;
        while (running) {
            if (Instant.now().isAfter(refreshAt)) {
                assign(c);
                refreshAt = Instant.now().plus(REFRESH_TOPICS);
            }
            if (c.assignment().isEmpty()) {
                sleepUntilRefresh(refreshAt);
                continue;
            }
            for (ConsumerRecord<byte[], byte[]> record : c.poll(Duration.ofMillis(500))) {
                take(record);
            }
        }
    }

    /** Follows dead-letter topics as services create them; new partitions are read from their start. */
    private void assign(KafkaConsumer<byte[], byte[]> c) {
        Map<TopicPartition, Boolean> wanted = new LinkedHashMap<>();
        c.listTopics(Duration.ofSeconds(5)).forEach((topic, partitions) -> {
            if (topic.endsWith(DLQ_SUFFIX) || topic.equals(Topics.OPS_AUDIT.name())) {
                partitions.forEach(p -> wanted.put(new TopicPartition(topic, p.partition()), true));
            }
        });
        Set<TopicPartition> added = new HashSet<>(wanted.keySet());
        added.removeAll(c.assignment());
        if (!added.isEmpty() || wanted.size() != c.assignment().size()) {
            c.assign(wanted.keySet());
            c.seekToBeginning(added);
        }
    }

    private void sleepUntilRefresh(Instant refreshAt) {
        long millis = Duration.between(Instant.now(), refreshAt).toMillis();
        if (millis > 0) {
            synchronized (this) {
                try {
                    wait(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
        }
    }

    private void take(ConsumerRecord<byte[], byte[]> record) {
        if (record.topic().equals(Topics.OPS_AUDIT.name())) {
            readAudit(record);
        } else {
            DeadLetterId id = new DeadLetterId(record.topic(), record.partition(), record.offset());
            letters.put(id, new DeadLetter(id, record.key(), record.value(), List.of(record.headers().toArray())));
        }
    }

    private void readAudit(ConsumerRecord<byte[], byte[]> record) {
        try {
            Event event = serde.deserialize(record.topic(), record.value());
            if (event instanceof DeadLetterAction action) {
                recorded(action);
            }
        } catch (SerializationException e) {
            log.warn("Skipping an unreadable audit record at {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }
}
