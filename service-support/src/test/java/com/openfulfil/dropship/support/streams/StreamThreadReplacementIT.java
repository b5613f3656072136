package com.openfulfil.dropship.support.streams;

import com.openfulfil.dropship.events.fixtures.OrderFixtures;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.support.testing.EmbeddedBroker;
import com.openfulfil.dropship.support.testing.KafkaIntegrationTest;
import com.openfulfil.dropship.support.testing.TopicReader;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.stream.binder.kafka.streams.KafkaStreamsRegistry;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A stream thread killed by an exception outside any message (its punctuator throws) is replaced,
 * counted, and the stream goes on processing, every order answered exactly once.
 */
@SpringBootTest(classes = StreamsTestApp.class, properties = {
        "spring.application.name=ticking-it",
        "spring.cloud.function.definition=ticking",
        "spring.cloud.stream.bindings.ticking-in-0.destination=supplier.ticking-it.dispatch",
        "spring.cloud.stream.bindings.ticking-out-0.destination=supplier.ticking-it.updates",
        "spring.cloud.stream.kafka.streams.binder.functions.ticking.application-id=ticking-it"})
class StreamThreadReplacementIT extends KafkaIntegrationTest {
    private final EventSerde serde = new EventSerde();

    @Autowired
    MeterRegistry meters;

    @Autowired
    KafkaStreamsRegistry streams;

    @Autowired
    StreamsHealthIndicator health;

    @Test
    void aStreamThreadKilledByItsPunctuatorIsReplacedAndProcessingGoesOn() {
        String brokers = EmbeddedBroker.bootstrapServers();
        try (TopicReader answers = new TopicReader(brokers, StreamsTestApp.TICKS_OUT.name())) {
            place(brokers, "before");
            answers.until(Duration.ofSeconds(60), seen -> seen.stream().anyMatch(r -> r.key().equals("before")));
            assertThat(failures()).isZero();

            place(brokers, "arm-1");
            await().atMost(Duration.ofSeconds(30)).until(() -> failures() == 1);

            place(brokers, "after");
            answers.until(Duration.ofSeconds(60), seen -> seen.stream().anyMatch(r -> r.key().equals("after")));
            assertThat(answers.valuesOf(OrderStatusChanged.class)).extracting(OrderStatusChanged::orderId)
                    .as("each order answered once, the one whose transaction the failure aborted too")
                    .containsExactly("before", "arm-1", "after");
        }
        assertThat(failures()).as("the punctuator failed once").isEqualTo(1);
        KafkaStreams client = streams.streamsBuilderFactoryBeans().iterator().next().getKafkaStreams();
        assertThat(client.state()).isEqualTo(KafkaStreams.State.RUNNING);
        assertThat(client.metadataForLocalThreads()).as("the dead thread's replacement").hasSize(1);
        assertThat(health.health(true).getStatus().getCode()).isEqualTo("UP");
    }

    private double failures() {
        return meters.get(StreamThreadFailures.METRIC).tag("application", "ticking-it").counter().count();
    }

    private void place(String brokers, String orderId) {
        TopicReader.writeRaw(brokers, StreamsTestApp.TICKS_IN.name(), orderId,
                serde.serialize("t", OrderFixtures.anOrder().withOrderId(orderId).build()));
    }
}
