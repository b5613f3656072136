package com.openfulfil.dropship.support.streams;

import com.openfulfil.dropship.support.instances.Instances;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.cloud.stream.binder.kafka.streams.KafkaStreamsRegistry;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * UP once the service's streams are RUNNING and the stores its API reads
 * ({@code dropship.health.stores}) can be queried: after a restart the stores restore from their
 * changelogs first, and until then the service would only answer 503. A store none of whose
 * partitions is assigned here (more instances than partitions: this one keeps a standby copy at
 * most and passes reads on to the instances that hold the keys) needs only the streams RUNNING.
 */
public class StreamsHealthIndicator extends AbstractHealthIndicator {
    private final KafkaStreamsRegistry registry;
    private final StoreQueries stores;
    private final Instances instances;
    private final List<String> storeNames;

    public StreamsHealthIndicator(KafkaStreamsRegistry registry, StoreQueries stores, Instances instances,
                                  List<String> storeNames) {
        super("Kafka Streams health check failed");
        this.registry = registry;
        this.stores = stores;
        this.instances = instances;
        this.storeNames = List.copyOf(storeNames);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, Object> states = new LinkedHashMap<>();
        boolean running = true;
        for (StreamsBuilderFactoryBean factory : registry.streamsBuilderFactoryBeans()) {
            KafkaStreams streams = factory.getKafkaStreams();
            KafkaStreams.State state = streams == null ? null : streams.state();
            states.put(factory.getStreamsConfiguration().getProperty("application.id"), String.valueOf(state));
            running &= state == KafkaStreams.State.RUNNING;
        }
        Map<String, Object> storeStates = new LinkedHashMap<>();
        boolean queryable = true;
        for (String store : storeNames) {
            if (running && heldOnlyElsewhere(store)) {
                storeStates.put(store, "held by the other instances");
                continue;
            }
            boolean ready = running && stores.isQueryable(store);
            storeStates.put(store, ready ? "queryable" : "restoring");
            queryable &= ready;
        }
        builder.status(running && queryable ? "UP" : "DOWN").withDetail("streams", states).withDetail("stores", storeStates);
    }

    /**
     * Whether none of the store's partitions is assigned here as active (this instance keeps a
     * standby copy at most); unknown counts as held here, so the store must be queryable.
     */
    private boolean heldOnlyElsewhere(String store) {
        try {
            return !instances.holders(store).here();
        } catch (StoreUnavailableException e) {
            return false;
        }
    }
}
