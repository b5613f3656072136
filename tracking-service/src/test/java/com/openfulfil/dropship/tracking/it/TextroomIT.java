package com.openfulfil.dropship.tracking.it;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.model.NotificationKind;
import com.openfulfil.dropship.events.notification.NotificationRequested;
import com.openfulfil.dropship.events.notification.SmsOptOutChanged;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.testing.PrivateBroker;
import com.openfulfil.dropship.tracking.config.SmsProperties;
import com.openfulfil.dropship.tracking.connector.SmsGateway;
import com.openfulfil.dropship.tracking.domain.notification.Branding;
import com.openfulfil.dropship.tracking.domain.notification.MailTemplates;
import com.openfulfil.dropship.tracking.notification.Textroom;
import com.sun.net.httpserver.HttpServer;
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

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Text messages on a real broker, through a provider over real HTTP: only the steps a store switched
 * on, only to a number that can be dialled and did not answer STOP, once per step, and a provider
 * outage delays them without losing one.
 */
class TextroomIT {
    private static final String TOPIC = Topics.NOTIFICATIONS_OUTBOUND.name();
    private static final String OPT_OUTS = Topics.SMS_OPT_OUTS.name();

    private PrivateBroker broker;
    private HttpServer provider;
    private Textroom textroom;
    private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger outagesLeft = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        broker = PrivateBroker.start();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1), new NewTopic(OPT_OUTS, 1, (short) 1)))
                    .all().get();
        }
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/2010-04-01/Accounts/AC123/Messages.json", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status;
            if (outagesLeft.getAndDecrement() > 0) {
                status = 503;
            } else {
                authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
                received.add(form(new String(body, StandardCharsets.UTF_8)));
                status = 201;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        provider.start();
    }

    @AfterEach
    void stop() {
        if (textroom != null) {
            textroom.stop();
        }
        provider.stop(0);
        broker.close();
    }

    private void startTextroom() {
        SmsProperties sms = new SmsProperties(true, URI.create("http://127.0.0.1:" + provider.getAddress().getPort()),
                "AC123", "token-1", "+15005550006",
                Map.of("demo-shop", List.of(NotificationKind.PARCEL_SHIPPED, NotificationKind.ORDER_DELIVERED)),
                List.of(), null);
        textroom = new Textroom(new MailTemplates("http://localhost:8084/track/",
                new Branding("Dropship", Map.of("demo-shop", new Branding.Store("Demo Shop", null)))),
                new SmsGateway(sms.providerUrl(), sms.accountSid(), sms.authToken(), sms.from()), sms,
                broker.bootstrapServers(), Map.of());
        textroom.start();
    }

    private void send(String topic, String key, Event event) {
        try (KafkaProducer<String, Event> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers()), new StringSerializer(), new EventSerde())) {
            producer.send(new ProducerRecord<>(topic, key, event));
        }
    }

    private void request(String id, NotificationKind kind, String storefrontId, String phone) {
        send(TOPIC, "o-" + id, new NotificationRequested("evt-" + id, Instant.parse("2026-11-02T09:00:00Z"), "o-" + id,
                "SHOP-" + id, id, kind, "en", "Lan", "lan@example.vn", "SF", "SF" + id, null, storefrontId, phone));
    }

    @Test
    void onlyTheStepsAStoreSwitchedOnGoToNumbersThatCanBeDialledAndDidNotSayStop() {
        send(OPT_OUTS, "+84900000002", new SmsOptOutChanged("stop-1", Instant.now(), "+84900000002", true, "STOP"));
        startTextroom();

        request("n-1", NotificationKind.PARCEL_SHIPPED, "demo-shop", "+84 90 000 0001");
        request("n-1", NotificationKind.PARCEL_SHIPPED, "demo-shop", "+84 90 000 0001");
        request("n-2", NotificationKind.PARCEL_SHIPPED, "demo-shop", "+84900000002");
        request("n-3", NotificationKind.ORDER_CONFIRMED, "demo-shop", "+84900000003");
        request("n-4", NotificationKind.PARCEL_SHIPPED, null, "+84900000004");
        request("n-5", NotificationKind.PARCEL_SHIPPED, "demo-shop", "0900000005");
        request("n-6", NotificationKind.ORDER_DELIVERED, "demo-shop", "0084900000006");

        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= 2);
        send(TOPIC, "after", new NotificationRequested("evt-last", Instant.now(), "o-last", "SHOP-last", "n-last",
                NotificationKind.ORDER_DELIVERED, "en", "Lan", "lan@example.vn", null, null, null, "demo-shop",
                "+84900000009"));
        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= 3);

        assertThat(received).extracting(m -> m.get("To"))
                .as("once per step; not the number that said STOP, nor steps or stores switched off, nor a local number")
                .containsExactly("+84900000001", "+84900000006", "+84900000009");
        assertThat(received.get(0)).containsEntry("From", "+15005550006");
        assertThat(received.get(0).get("Body")).startsWith("Demo Shop:").contains("SHOP-n-1",
                "http://localhost:8084/track/SFn-1");
        assertThat(authorizations).allMatch(a -> a.equals("Basic " + Base64.getEncoder()
                .encodeToString("AC123:token-1".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void aProviderOutageDelaysTheMessagesAndLosesNone() {
        outagesLeft.set(3);
        startTextroom();

        request("n-7", NotificationKind.PARCEL_SHIPPED, "demo-shop", "+84900000007");
        request("n-8", NotificationKind.ORDER_DELIVERED, "demo-shop", "+84900000008");

        await().atMost(Duration.ofSeconds(60)).until(() -> received.size() >= 2);
        assertThat(received).extracting(m -> m.get("To")).containsExactly("+84900000007", "+84900000008");
    }

    private static Map<String, String> form(String body) {
        return Arrays.stream(body.split("&")).map(p -> p.split("=", 2)).collect(Collectors.toMap(
                p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8), p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }
}
