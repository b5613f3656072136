package com.openfulfil.dropship.ops.deadletters;

import com.openfulfil.dropship.events.ops.DeadLetterDiscarded;
import com.openfulfil.dropship.events.ops.DeadLetterReplayed;
import com.openfulfil.dropship.events.ops.DeadLetterAction;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.config.DropshipProperties;
import com.openfulfil.dropship.support.kafka.EventPublisher;
import com.openfulfil.dropship.support.kafka.PublishFailedException;
import com.openfulfil.dropship.support.streams.DeadLetters;
import com.openfulfil.dropship.support.web.ApiProblem;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What an operator can do with a dead letter: replay it (its original key, value and headers, without
 * the {@code dlq.*} ones, back on the topic it came from) or discard it. Either way the action is
 * recorded on {@code ops.audit} with who did it, and the dead letter leaves the list.
 */
@Component
public class DeadLetterActions implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DeadLetterActions.class);
    private static final String DLQ_HEADERS = "dlq.";

    private final DeadLetterInbox inbox;
    private final EventPublisher audit;
    private final Clock clock;
    private final KafkaProducer<byte[], byte[]> replays;

    public DeadLetterActions(DeadLetterInbox inbox, EventPublisher audit, Clock clock, DropshipProperties properties) {
        this.inbox = inbox;
        this.audit = audit;
        this.clock = clock;
        Map<String, Object> config = new HashMap<>(properties.kafka().security());
        config.putAll(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafka().bootstrapServers(),
                ProducerConfig.CLIENT_ID_CONFIG, "ops-console-replays",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000));
        this.replays = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    public synchronized DeadLetterAction replay(DeadLetterId id, String actor) {
        DeadLetter letter = pending(id);
        String original = letter.header(DeadLetters.TOPIC);
        if (original.isBlank()) {
            throw ApiProblem.unprocessable("no-original-topic", "The dead letter does not say where it came from",
                    id + " has no " + DeadLetters.TOPIC + " header; discard it instead.", List.of());
        }
        RecordHeaders headers = new RecordHeaders();
        for (Header header : letter.headers()) {
            if (!header.key().startsWith(DLQ_HEADERS)) {
                headers.add(header);
            }
        }
        try {
            replays.send(new ProducerRecord<>(original, null, letter.key(), letter.value(), headers))
                    .get(20, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new PublishFailedException("Could not replay " + id + " to " + original, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("Interrupted while replaying " + id, e);
        }
        log.info("{} replayed {} to {}", actor, id, original);
        return record(new DeadLetterReplayed(UUID.randomUUID().toString(), clock.instant(), actor, id.topic(),
                id.partition(), id.offset(), original, nullIfEmpty(letter.keyText()), letter.header(DeadLetters.ERROR)));
    }

    public synchronized DeadLetterAction discard(DeadLetterId id, String actor) {
        DeadLetter letter = pending(id);
        log.info("{} discarded {}", actor, id);
        return record(new DeadLetterDiscarded(UUID.randomUUID().toString(), clock.instant(), actor, id.topic(),
                id.partition(), id.offset(), letter.header(DeadLetters.TOPIC), nullIfEmpty(letter.keyText()),
                letter.header(DeadLetters.ERROR)));
    }

    private DeadLetter pending(DeadLetterId id) {
        DeadLetter letter = inbox.find(id).orElseThrow(() -> ApiProblem.notFound("No dead letter " + id));
        if (inbox.isHandled(id)) {
            throw ApiProblem.conflict("already-handled", "The dead letter was already handled",
                    id + " was replayed or discarded before; see the audit.", Map.of());
        }
        return letter;
    }

    private DeadLetterAction record(DeadLetterAction action) {
        audit.publishAndWait(Topics.OPS_AUDIT, action.deadLetterTopic(), action);
        inbox.recorded(action);
        return action;
    }

    private static String nullIfEmpty(String s) {
        return s.isEmpty() ? null : s;
    }

    @Override
    public void close() {
        replays.close(Duration.ofSeconds(5));
    }
}
