package com.openfulfil.dropship.commission.stream;

import com.openfulfil.dropship.commission.domain.Commission;
import com.openfulfil.dropship.support.streams.StoreQueries;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Commissions earned, by orderId, from the stream's own {@code commissions} store. */
@Component
public class CommissionLedger {
    private final StoreQueries stores;

    CommissionLedger(StoreQueries stores) {
        this.stores = stores;
    }

    public Optional<Commission> forOrder(String orderId) {
        return stores.get(CommissionTopology.COMMISSIONS_STORE, orderId);
    }
}
