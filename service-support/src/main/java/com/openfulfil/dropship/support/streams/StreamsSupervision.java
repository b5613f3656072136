package com.openfulfil.dropship.support.streams;

import com.openfulfil.dropship.support.config.DropshipProperties;
import com.openfulfil.dropship.support.kafka.EventPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * Keeps a service's Kafka Streams going by themselves. The binder hands every Kafka Streams client
 * it builds to one configurer only, the primary one when there are several; this one is primary and
 * first applies every other configurer of the context (Spring Boot's Kafka Streams metrics among
 * them), so a service may still declare its own. Then:
 * <ul>
 *   <li>the instance joins its group under a lasting id ({@link InstanceId}), so after a crash it
 *       takes its partitions straight back instead of waiting for its old session to expire;</li>
 *   <li>a stream thread that dies of an exception is replaced ({@link StreamThreadFailures});</li>
 *   <li>a client that still ends in {@code ERROR} (its global thread died, which Kafka Streams cannot
 *       replace) marks the service's liveness BROKEN, so {@code /actuator/health/liveness} fails and
 *       Kubernetes restarts the pod, rather than leaving a process that serves nothing.</li>
 *   <li>after a rebalance, the open transaction of an instance that vanished from the group is ended at
 *       once ({@link VanishedMembers}), so its partitions' readers do not wait for its timeout.</li>
 * </ul>
 */
public class StreamsSupervision implements StreamsBuilderFactoryBeanConfigurer {
    private static final Logger log = LoggerFactory.getLogger(StreamsSupervision.class);

    private final MeterRegistry registry;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<StreamsBuilderFactoryBeanConfigurer> configurers;
    private final String instanceId;
    private final Admin admin;
    private final DropshipProperties.Kafka kafka;

    /**
     * @param configurers every configurer of the context; this one is skipped among them
     * @param instanceId  the instance's id in its groups; blank for the one kept in its state folder
     * @param admin       the service's admin client
     * @param kafka       the cluster the service uses
     */
    public StreamsSupervision(MeterRegistry registry, ApplicationEventPublisher events,
                              ObjectProvider<StreamsBuilderFactoryBeanConfigurer> configurers, String instanceId,
                              Admin admin, DropshipProperties.Kafka kafka) {
        this.registry = registry;
        this.events = events;
        this.configurers = configurers;
        this.instanceId = instanceId == null ? "" : instanceId.strip();
        this.admin = admin;
        this.kafka = kafka;
    }

    @Override
    public void configure(StreamsBuilderFactoryBean factory) {
        configurers.orderedStream().filter(other -> other != this).forEach(other -> other.configure(factory));
        String applicationId = factory.getStreamsConfiguration().getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
        joinAsStaticMember(factory, applicationId);
        StreamThreadFailures failures = new StreamThreadFailures(applicationId, registry);
        // The binder sets its own handler (shut the client down) when it starts the factory; the
        // customizer runs after that, just before the client starts, so this handler is the one in force.
        factory.setKafkaStreamsCustomizer(streams -> streams.setUncaughtExceptionHandler(failures));
        Optional<VanishedMembers> vanished = VanishedMembers.of(factory.getStreamsConfiguration(), admin,
                EventPublisher.durableConfig(kafka.bootstrapServers(), applicationId + "-fencer", kafka.security()),
                registry);
        factory.setStateListener((now, before) -> {
            vanished.ifPresent(members -> members.onStateChange(now));
            if (StreamThreadFailures.isBroken(now)) {
                log.error("The Kafka Streams client of {} stopped for good ({} -> {}); liveness is now BROKEN",
                        applicationId, before, now);
                AvailabilityChangeEvent.publish(events, this, LivenessState.BROKEN);
            }
        });
    }

    /** Unless the configuration names one already; Kafka Streams adds each thread's number to it. */
    private void joinAsStaticMember(StreamsBuilderFactoryBean factory, String applicationId) {
        Properties config = factory.getStreamsConfiguration();
        if (config.getProperty(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG) != null) {
            return;
        }
        Path stateDir = Path.of(config.getProperty(StreamsConfig.STATE_DIR_CONFIG,
                Path.of(System.getProperty("java.io.tmpdir"), "kafka-streams").toString()));
        Optional<String> id = instanceId.isEmpty() ? InstanceId.of(stateDir, applicationId) : Optional.of(instanceId);
        id.ifPresent(value -> {
            config.setProperty(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, value);
            factory.setStreamsConfiguration(config);
            log.info("{} joins its group as static member {}", applicationId, value);
        });
    }
}
