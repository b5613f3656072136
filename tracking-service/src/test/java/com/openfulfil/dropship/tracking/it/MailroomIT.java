package com.openfulfil.dropship.tracking.it;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.model.NotificationKind;
import com.openfulfil.dropship.events.notification.NotificationRequested;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.testing.PrivateBroker;
import com.openfulfil.dropship.support.testing.TopicReader;
import com.openfulfil.dropship.tracking.domain.notification.Mail;
import com.openfulfil.dropship.tracking.domain.notification.MailTemplates;
import com.openfulfil.dropship.tracking.notification.MailboxMailer;
import com.openfulfil.dropship.tracking.notification.Mailer;
import com.openfulfil.dropship.tracking.notification.Mailroom;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The mailroom on a real broker: messages leave off the stream thread, survive an outage, and only hopeless ones go to the DLQ. */
class MailroomIT {
    private static final String TOPIC = Topics.NOTIFICATIONS_OUTBOUND.name();
    private static final String DLQ = Topics.dlq(TOPIC, "tracking-service");

    @TempDir
    Path mailbox;
    private PrivateBroker broker;
    private Mailroom mailroom;

    @BeforeEach
    void startBroker() throws Exception {
        broker = PrivateBroker.start();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1), new NewTopic(DLQ, 1, (short) 1))).all().get();
        }
    }

    @AfterEach
    void stop() {
        if (mailroom != null) {
            mailroom.stop();
        }
        broker.close();
    }

    private void start(Mailer mailer) {
        mailroom = new Mailroom(new MailTemplates("http://localhost:8084/track/"), mailer, broker.bootstrapServers(),
                Map.of());
        mailroom.start();
    }

    private void request(String id, String email) {
        NotificationRequested request = new NotificationRequested("evt-" + id, Instant.parse("2026-11-02T09:00:00Z"),
                "o-" + id, "SHOP-" + id, id, NotificationKind.ORDER_CONFIRMED, "en", "Lan", email, null, null, 5);
        try (KafkaProducer<String, Event> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers()), new StringSerializer(), new EventSerde())) {
            producer.send(new ProducerRecord<>(TOPIC, "o-" + id, request));
        }
    }

    private List<String> mailed() throws Exception {
        try (Stream<Path> files = Files.list(mailbox)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".eml")).sorted().toList();
        }
    }

    @Test
    void eachRequestedMessageIsSent() throws Exception {
        start(new MailboxMailer(mailbox, "orders@dropship.example", Clock.systemUTC()));

        request("n-1", "lan@example.vn");
        request("n-2", "ada@example.com");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(mailed()).containsExactly("n-1.eml", "n-2.eml"));
    }

    @Test
    void aMailServerThatIsDownDelaysTheMessagesInOrderAndLosesNone() throws Exception {
        MailboxMailer mailbox = new MailboxMailer(this.mailbox, "orders@dropship.example", Clock.systemUTC());
        AtomicInteger attempts = new AtomicInteger();
        start(mail -> {
            if (attempts.incrementAndGet() <= 3) {
                throw new IllegalStateException("connection refused: the mail server is down");
            }
            mailbox.send(mail);
        });

        request("n-3", "lan@example.vn");
        request("n-4", "ada@example.com");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(mailed()).containsExactly("n-3.eml", "n-4.eml"));
        assertThat(attempts.get()).as("three failed tries, then each once").isEqualTo(5);
        try (TopicReader dlq = new TopicReader(broker.bootstrapServers(), DLQ)) {
            assertThat(dlq.until(Duration.ofSeconds(2), read -> true)).as("an outage is not a dead letter").isEmpty();
        }
    }

    @Test
    void aRequestWithoutAnAddressGoesToTheDeadLetterTopicAndTheNextOneIsSent() throws Exception {
        List<Mail> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
        start(sent::add);

        request("n-5", null);
        request("n-6", "ada@example.com");

        await().atMost(Duration.ofSeconds(30)).until(() -> sent.size() == 1);
        assertThat(sent.get(0).notificationId()).isEqualTo("n-6");
        try (TopicReader dlq = new TopicReader(broker.bootstrapServers(), DLQ)) {
            assertThat(dlq.until(Duration.ofSeconds(30), read -> read.size() == 1).get(0).key()).isEqualTo("o-n-5");
        }
    }
}
