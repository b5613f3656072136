package com.openfulfil.dropship.support.instances;

import com.openfulfil.dropship.support.streams.StoreUnavailableException;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where a key is read: here, at the instance holding it, or nowhere yet (503). */
class InstancesTest {
    private static final HostInfo HERE = new HostInfo("pod-0.catalog-service-headless", 8082);
    private static final HostInfo THERE = new HostInfo("pod-1.catalog-service-headless", 8082);

    /** What Kafka Streams would say: each key's active host, and the hosts of the store. */
    private record Known(HostInfo self, Map<String, HostInfo> owners, List<HostInfo> hosts) implements Instances.Placement {
        @Override
        public HostInfo activeHost(String store, String key) {
            return owners.get(key);
        }

        @Override
        public List<HostInfo> hosts(String store) {
            return hosts;
        }
    }

    /** Kafka Streams before it runs: every question is an IllegalStateException, as the binder reports it. */
    private record NotRunning(HostInfo self) implements Instances.Placement {
        @Override
        public HostInfo activeHost(String store, String key) {
            throw new IllegalStateException("Error when retrieving state store.");
        }

        @Override
        public List<HostInfo> hosts(String store) {
            throw new IllegalStateException("Kafka Streams is not ready.");
        }
    }

    @Test
    void aKeyIsReadHereOrAskedOfTheInstanceHoldingIt() {
        Instances instances = new Instances(new Known(HERE, Map.of("MUG-001", HERE, "LAMP-010", THERE),
                List.of(HERE, THERE)));
        assertThat(instances.ownerOf("inventory", "MUG-001")).isEmpty();
        assertThat(instances.ownerOf("inventory", "LAMP-010")).contains(THERE);
        assertThat(instances.holders("inventory")).isEqualTo(new Instances.Holders(true, List.of(THERE)));
    }

    @Test
    void aKeyKafkaStreamsCannotPlaceYetIsUnavailableNotAnAddress() {
        Instances instances = new Instances(new Known(HERE, Map.of("MUG-001", HostInfo.unavailable()),
                List.of(HERE, HostInfo.unavailable())));
        assertThatThrownBy(() -> instances.ownerOf("inventory", "MUG-001"))
                .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("inventory");
        assertThatThrownBy(() -> instances.ownerOf("inventory", "NOT-PLACED"))
                .as("no metadata for the key at all").isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> instances.holders("inventory")).isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void aStreamThatIsNotRunningIsUnavailable() {
        Instances instances = new Instances(new NotRunning(HERE));
        assertThatThrownBy(() -> instances.ownerOf("parcels", "1Z999")).isInstanceOf(StoreUnavailableException.class)
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> instances.holders("parcels")).isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void beforeTheFirstAssignmentThereAreNoOthersToAsk() {
        Instances instances = new Instances(new Known(HERE, Map.of(), List.of()));
        assertThat(instances.holders("inventory")).isEqualTo(new Instances.Holders(true, List.of()));
    }

    @Test
    void anInstanceWithNoShareOfTheStoreAsksOnlyTheOthers() {
        Instances instances = new Instances(new Known(HERE, Map.of(), List.of(THERE)));
        assertThat(instances.holders("inventory")).isEqualTo(new Instances.Holders(false, List.of(THERE)));
    }

    @Test
    void anInstanceWithoutAnAdvertisedAddressReadsEverythingItself() {
        for (HostInfo none : new HostInfo[]{null, HostInfo.unavailable()}) {
            Instances instances = new Instances(new NotRunning(none));
            assertThat(instances.ownerOf("orders", "ord-1")).isEmpty();
            assertThat(instances.holders("orders")).isEqualTo(new Instances.Holders(true, List.of()));
        }
    }
}
