package com.openfulfil.dropship.support.streams;

import com.openfulfil.dropship.events.topics.Topics;
import io.micrometer.core.instrument.Metrics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Writes a message a service could not handle to {@code <topic>.<group>.dlq}: the original key,
 * value and headers, plus headers that say why ({@code dlq.error}), where it came from
 * ({@code dlq.topic}, {@code dlq.partition}, {@code dlq.offset}) and who gave up on it
 * ({@code dlq.group}). The write is synchronous: a message is only skipped once its dead letter is durable.
 */
public final class DeadLetters {
    public static final String ERROR = "dlq.error";
    public static final String EXCEPTION = "dlq.exception";
    public static final String TOPIC = "dlq.topic";
    public static final String PARTITION = "dlq.partition";
    public static final String OFFSET = "dlq.offset";
    public static final String GROUP = "dlq.group";
    public static final String FAILED_AT = "dlq.failed-at";

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final Map<String, DeadLetters> BY_BROKER = new ConcurrentHashMap<>();
    private static final int MAX_ERROR_LENGTH = 2_000;

    private final KafkaProducer<byte[], byte[]> producer;

    private DeadLetters(String bootstrapServers, Map<String, ?> security) {
        Map<String, Object> config = new HashMap<>(security);
        config.putAll(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "dead-letters",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true));
        this.producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** One dead-letter producer per broker, shared by every stream thread of the process. */
    public static DeadLetters forBroker(String bootstrapServers) {
        return forBroker(bootstrapServers, Map.of());
    }

    /**
     * @param security the cluster's security settings ({@code security.protocol}, {@code sasl.*},
     *                 {@code ssl.*}), used by the first caller for a broker
     */
    public static DeadLetters forBroker(String bootstrapServers, Map<String, ?> security) {
        return BY_BROKER.computeIfAbsent(bootstrapServers, servers -> new DeadLetters(servers, security));
    }

    /** The security settings among a client's configuration, for another client of the same cluster. */
    public static Map<String, Object> securityOf(Map<String, ?> configs) {
        Map<String, Object> security = new HashMap<>();
        configs.forEach((key, value) -> {
            if (value != null && (key.equals("security.protocol") || key.startsWith("sasl.") || key.startsWith("ssl."))) {
                security.put(key, value);
            }
        });
        return security;
    }

    /** @return true when the dead letter is durable and the message may be skipped */
    public boolean send(String topic, String group, int partition, long offset, byte[] key, byte[] value,
                        Headers original, Exception error) {
        String dlq = Topics.dlq(topic, group);
        Headers headers = new RecordHeaders(original == null ? new RecordHeaders().toArray() : original.toArray());
        put(headers, ERROR, describe(error));
        put(headers, EXCEPTION, rootCause(error).getClass().getName());
        put(headers, TOPIC, topic);
        put(headers, PARTITION, Integer.toString(partition));
        put(headers, OFFSET, Long.toString(offset));
        put(headers, GROUP, group);
        put(headers, FAILED_AT, Instant.now().toString());
        try {
            producer.send(new ProducerRecord<>(dlq, null, key, value, headers)).get(30, TimeUnit.SECONDS);
            Metrics.counter("dropship.dead.letters", "topic", topic, "group", group).increment();
            log.warn("Sent {}-{}@{} to {}: {}", topic, partition, offset, dlq, describe(error));
            return true;
        } catch (Exception e) {
            log.error("Could not write dead letter for {}-{}@{} to {}", topic, partition, offset, dlq, e);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }

    /** The messages of an error and its causes, on one line. */
    public static String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = error; t != null && text.length() < MAX_ERROR_LENGTH; t = t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
            if (t.getCause() == t) {
                break;
            }
        }
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text.toString();
    }

    private static Throwable rootCause(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Closes every dead-letter producer (tests and shutdown). */
    public static void closeAll() {
        BY_BROKER.values().forEach(d -> d.producer.close(Duration.ofSeconds(5)));
        BY_BROKER.clear();
    }
}
