package com.openfulfil.dropship.support.instances;

import com.openfulfil.dropship.support.streams.StoreUnavailableException;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.cloud.stream.binder.kafka.streams.InteractiveQueryService;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Which instance of this service holds a key of a state store, and which instances hold a share of
 * it. Each instance gives Kafka Streams the address the others reach it at ({@code application.server});
 * with several instances a read for a key another instance holds is asked of that one, and a list
 * gathers every instance's share.
 * <p>
 * While the instances start, restore or rebalance, Kafka Streams cannot place a key yet and names
 * the host {@code unavailable:-1} ({@link HostInfo#unavailable()}): that, like a stream that is not
 * running, is {@link StoreUnavailableException}, which a service answers 503 with {@code Retry-After}.
 */
public final class Instances {
    private static final HostInfo UNAVAILABLE = HostInfo.unavailable();

    /** What Kafka Streams knows of where the stores' partitions are; {@link #of} reads it from the binder. */
    public interface Placement {
        /** This instance's advertised address; null or {@code unavailable} when it has none. */
        HostInfo self();

        /** The instance holding the key's partition; may be null or {@code unavailable}, may throw IllegalStateException. */
        HostInfo activeHost(String store, String key);

        /** Every instance holding a partition of the store; empty until the first assignment. */
        List<HostInfo> hosts(String store);
    }

    private final Placement placement;

    public Instances(Placement placement) {
        this.placement = placement;
    }

    /**
     * Kafka Streams' placement as the binder reports it. The binder is looked up at the first read, not
     * when a servlet filter holding this is created, so routing does not change the order the
     * service's beans start in.
     */
    public static Instances of(Supplier<InteractiveQueryService> queries) {
        return new Instances(new Placement() {
            @Override
            public HostInfo self() {
                return queries.get().getCurrentHostInfo();
            }

            @Override
            public HostInfo activeHost(String store, String key) {
                return queries.get().getHostInfo(store, key, Serdes.String().serializer());
            }

            /** The instances with some of the store's partitions active; one with standbys only has no share. */
            @Override
            public List<HostInfo> hosts(String store) {
                KafkaStreams streams;
                try {
                    streams = queries.get().getKafkaStreams(store, "", Serdes.String().serializer());
                } catch (RuntimeException e) {
                    streams = null;
                }
                if (streams == null) {
                    return queries.get().getAllHostsInfo(store);
                }
                return streams.streamsMetadataForStore(store).stream().filter(m -> !m.topicPartitions().isEmpty())
                        .map(StreamsMetadata::hostInfo).toList();
            }
        });
    }

    /**
     * The other instance holding {@code key}, or empty when this instance does (or is the only one).
     *
     * @throws StoreUnavailableException while no instance can be named for the key yet
     */
    public Optional<HostInfo> ownerOf(String store, String key) {
        if (!knowsItself()) {
            return Optional.empty();
        }
        HostInfo owner;
        try {
            owner = placement.activeHost(store, key);
        } catch (IllegalStateException e) {
            throw new StoreUnavailableException(store, e);
        }
        if (owner == null || owner.equals(UNAVAILABLE)) {
            throw new StoreUnavailableException(store, null);
        }
        return owner.equals(placement.self()) ? Optional.empty() : Optional.of(owner);
    }

    /**
     * Whether this instance holds a share of the store, and which others do. Before the first
     * assignment nobody is known: this instance answers alone (its store is not readable yet either).
     *
     * @throws StoreUnavailableException while one of them cannot be named yet
     */
    public Holders holders(String store) {
        if (!knowsItself()) {
            return new Holders(true, List.of());
        }
        List<HostInfo> hosts;
        try {
            hosts = placement.hosts(store);
        } catch (IllegalStateException e) {
            throw new StoreUnavailableException(store, e);
        }
        if (hosts.stream().anyMatch(host -> host == null || host.equals(UNAVAILABLE))) {
            throw new StoreUnavailableException(store, null);
        }
        HostInfo self = placement.self();
        return new Holders(hosts.isEmpty() || hosts.contains(self),
                hosts.stream().filter(host -> !host.equals(self)).distinct().toList());
    }

    /** The instances holding a share of a store: {@code here} when this one does, and the {@code others}. */
    public record Holders(boolean here, List<HostInfo> others) {
    }

    /** Without an advertised address an instance cannot be asked by others: it answers from its own stores. */
    private boolean knowsItself() {
        HostInfo self = placement.self();
        return self != null && !self.equals(UNAVAILABLE);
    }
}
