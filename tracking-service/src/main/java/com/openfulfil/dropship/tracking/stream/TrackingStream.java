package com.openfulfil.dropship.tracking.stream;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.kafka.ServiceTopics;
import com.openfulfil.dropship.tracking.config.NotificationProperties;
import com.openfulfil.dropship.tracking.config.TrackingProperties;
import com.openfulfil.dropship.tracking.notification.NotificationTopology;
import com.openfulfil.dropship.tracking.domain.ParcelWatch;
import org.apache.kafka.streams.kstream.KStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** The service's one Kafka Streams application (binding {@code tracking-in-0}). */
@Configuration
class TrackingStream {
    /** Every topic the stream reads; the binding's destination lists the same. */
    static final List<String> INPUTS = Stream.concat(TrackingTopology.INPUTS.stream(),
            NotificationTopology.INPUTS.stream()).toList();

    @Bean
    Consumer<KStream<String, Event>> tracking(TrackingProperties properties, NotificationProperties notifications) {
        ParcelWatch watch = new ParcelWatch(properties.timers().rules());
        return events -> {
            // events the stream does not handle arrive undecoded, as null (TrackingInputSerde)
            KStream<String, Event> handled = events.filter((key, event) -> event != null);
            TrackingTopology.wire(handled, watch, properties.timers().checkEvery());
            NotificationTopology.wire(handled, notifications.expectedDays().days());
        };
    }

    /** The consumed topics (and the mailroom's) get their dead-letter topics at start-up. */
    @Bean
    ServiceTopics trackingTopics(@Value("${spring.application.name}") String service) {
        List<String> consumed = Stream.concat(INPUTS.stream(), Stream.of(Topics.NOTIFICATIONS_OUTBOUND.name())).toList();
        return new ServiceTopics(service, List.of(), consumed);
    }
}
