package com.openfulfil.dropship.support.streams;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

/**
 * Keeps a service's Kafka Streams going by themselves. The binder hands every Kafka Streams client
 * it builds to one configurer only, the primary one when there are several; this one is primary and
 * first applies every other configurer of the context (Spring Boot's Kafka Streams metrics among
 * them), so a service may still declare its own. Then:
 * <ul>
 *   <li>a stream thread that dies of an exception is replaced ({@link StreamThreadFailures});</li>
 *   <li>a client that still ends in {@code ERROR} (its global thread died, which Kafka Streams cannot
 *       replace) marks the service's liveness BROKEN, so {@code /actuator/health/liveness} fails and
 *       Kubernetes restarts the pod, rather than leaving a process that serves nothing.</li>
 * </ul>
 */
public class StreamsSupervision implements StreamsBuilderFactoryBeanConfigurer {
    private static final Logger log = LoggerFactory.getLogger(StreamsSupervision.class);

    private final MeterRegistry registry;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<StreamsBuilderFactoryBeanConfigurer> configurers;

    /** @param configurers every configurer of the context; this one is skipped among them */
    public StreamsSupervision(MeterRegistry registry, ApplicationEventPublisher events,
                              ObjectProvider<StreamsBuilderFactoryBeanConfigurer> configurers) {
        this.registry = registry;
        this.events = events;
        this.configurers = configurers;
    }

    @Override
    public void configure(StreamsBuilderFactoryBean factory) {
        configurers.orderedStream().filter(other -> other != this).forEach(other -> other.configure(factory));
        String applicationId = factory.getStreamsConfiguration().getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
        StreamThreadFailures failures = new StreamThreadFailures(applicationId, registry);
        // The binder sets its own handler (shut the client down) when it starts the factory; the
        // customizer runs after that, just before the client starts, so this handler is the one in force.
        factory.setKafkaStreamsCustomizer(streams -> streams.setUncaughtExceptionHandler(failures));
        factory.setStateListener((now, before) -> {
            if (StreamThreadFailures.isBroken(now)) {
                log.error("The Kafka Streams client of {} stopped for good ({} -> {}); liveness is now BROKEN",
                        applicationId, before, now);
                AvailabilityChangeEvent.publish(events, this, LivenessState.BROKEN);
            }
        });
    }
}
