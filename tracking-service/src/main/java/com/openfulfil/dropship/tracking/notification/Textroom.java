package com.openfulfil.dropship.tracking.notification;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.notification.NotificationRequested;
import com.openfulfil.dropship.events.notification.SmsOptOutChanged;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.tracking.config.SmsProperties;
import com.openfulfil.dropship.tracking.connector.SmsGateway;
import com.openfulfil.dropship.tracking.domain.notification.MailTemplates;
import com.openfulfil.dropship.tracking.domain.notification.PhoneNumbers;
import io.micrometer.core.instrument.Metrics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Sends the text messages a store switched on ({@link SmsProperties#sends}): a {@link Courier} of its
 * own group ({@value #GROUP}), so a text provider's outage never holds back the e-mails. Only to a
 * customer who gave a phone number that can be dialled (E.164) and has not answered STOP
 * ({@code notifications.sms-opt-outs}, read from its start before the first message); at most one
 * message per step per order (the notification's id, remembered, and sent to providers that keep
 * idempotency keys). A number the provider refuses for good is logged and counted, not retried.
 */
public final class Textroom extends Courier {
    static final String GROUP = "tracking-service-sms";
    private static final Logger log = LoggerFactory.getLogger(Textroom.class);
    private static final Duration CATCH_UP = Duration.ofSeconds(30);

    private final MailTemplates templates;
    private final SmsGateway gateway;
    private final SmsProperties properties;
    private final EventSerde serde = new EventSerde();
    /** Numbers that answered STOP; only the courier's thread touches it. */
    private final Set<String> optedOut = new HashSet<>();
    private KafkaConsumer<String, byte[]> optOuts;

    public Textroom(MailTemplates templates, SmsGateway gateway, SmsProperties properties, String bootstrapServers,
                    Map<String, Object> security) {
        super(GROUP, bootstrapServers, security);
        this.templates = templates;
        this.gateway = gateway;
        this.properties = properties;
    }

    @Override
    protected void starting() {
        Map<String, Object> config = new HashMap<>(security());
        config.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.CLIENT_ID_CONFIG, GROUP + "-opt-outs",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        optOuts = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = optOuts.partitionsFor(Topics.SMS_OPT_OUTS.name()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        optOuts.assign(partitions);
        optOuts.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = optOuts.endOffsets(partitions);
        Instant until = Instant.now().plus(CATCH_UP);
        while (Instant.now().isBefore(until)
                && partitions.stream().anyMatch(p -> optOuts.position(p) < ends.getOrDefault(p, 0L))) {
            readOptOuts(Duration.ofMillis(200));
        }
    }

    @Override
    protected void beforePoll() {
        readOptOuts(Duration.ZERO);
    }

    @Override
    protected void stopping() {
        if (optOuts != null) {
            optOuts.close(Duration.ofSeconds(5));
        }
    }

    private void readOptOuts(Duration wait) {
        for (ConsumerRecord<String, byte[]> record : optOuts.poll(wait)) {
            if (record.value() == null) {
                optedOut.remove(record.key());
                continue;
            }
            try {
                if (serde.deserialize(record.topic(), record.headers(), record.value()) instanceof SmsOptOutChanged c) {
                    if (c.optedOut()) {
                        optedOut.add(c.phone());
                    } else {
                        optedOut.remove(c.phone());
                    }
                }
            } catch (RuntimeException e) {
                log.warn("Unreadable opt-out record at {}-{}@{} skipped", record.topic(), record.partition(),
                        record.offset());
            }
        }
    }

    @Override
    protected boolean deliver(ConsumerRecord<String, byte[]> record) {
        Event event;
        try {
            event = serde.deserialize(record.topic(), record.headers(), record.value());
        } catch (RuntimeException e) {
            return true; // the mailroom sends it to the dead-letter topic; once is enough
        }
        if (!(event instanceof NotificationRequested request) || request.kind() == null
                || request.notificationId() == null || !Mailroom.NOTIFICATION_ID.matcher(request.notificationId()).matches()
                || !properties.sends(request.storefrontId(), request.kind())) {
            return true;
        }
        Optional<String> phone = PhoneNumbers.e164(request.phone());
        if (phone.isEmpty() || optedOut.contains(phone.get())) {
            Metrics.counter("dropship.sms.skipped", "reason", phone.isEmpty() ? "no-number" : "opted-out").increment();
            return true;
        }
        if (sentLately(request.notificationId())) {
            return true;
        }
        SmsGateway.Result result = gateway.send(templates.text(request, phone.get()));
        switch (result.outcome()) {
            case SENT -> {
                remember(request.notificationId());
                Metrics.counter("dropship.sms.sent").increment();
                return true;
            }
            case REFUSED -> {
                remember(request.notificationId());
                Metrics.counter("dropship.sms.refused").increment();
                log.warn("The text provider refused notification {} for good ({} {}); not tried again",
                        request.notificationId(), result.status(), result.detail());
                return true;
            }
            default -> {
                Metrics.counter("dropship.sms.failures").increment();
                log.warn("Could not send text notification {} ({} {}); it is tried again shortly",
                        request.notificationId(), result.status(), result.detail());
                return false;
            }
        }
    }
}
