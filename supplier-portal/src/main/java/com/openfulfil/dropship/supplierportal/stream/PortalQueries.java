package com.openfulfil.dropship.supplierportal.stream;

import com.openfulfil.dropship.supplierportal.domain.PortalDispatch;
import com.openfulfil.dropship.support.streams.StoreQueries;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Reads one supplier's dispatches from the portal's store; nothing here can reach another supplier's. */
@Component
public class PortalQueries {
    private final StoreQueries stores;

    public PortalQueries(StoreQueries stores) {
        this.stores = stores;
    }

    /** All of the supplier's dispatches, oldest first. */
    public List<PortalDispatch> dispatches(String supplierId) {
        // keys are <supplierId>/<dispatchId>; '0' is the character after '/', so this is exactly the supplier's range
        return stores.<PortalDispatch, List<PortalDispatch>>read(PortalStores.DISPATCHES, store -> {
            List<PortalDispatch> found = new ArrayList<>();
            try (KeyValueIterator<String, PortalDispatch> range = store.range(supplierId + "/", supplierId + "0")) {
                range.forEachRemaining(kv -> found.add(kv.value));
            }
            found.sort(Comparator.comparing((PortalDispatch d) -> d.sentAt() == null ? Instant.MAX : d.sentAt())
                    .thenComparing(PortalDispatch::dispatchId));
            return found;
        });
    }

    public Optional<PortalDispatch> dispatch(String supplierId, String dispatchId) {
        return stores.get(PortalStores.DISPATCHES, PortalDispatch.key(supplierId, dispatchId));
    }
}
